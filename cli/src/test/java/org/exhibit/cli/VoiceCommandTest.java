package org.exhibit.cli;

import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.SpeechSynth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceCommandTest {

    @TempDir
    Path dir;

    private String clip(String name, int speaker, long sentence) throws Exception {
        SpeechSynth.Speaker s = SpeechSynth.speaker(1, 400_000 + speaker);
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, Audio.wav(Audio.pcm16(SpeechSynth.utterance(s, sentence, 4, SpeechSynth.Conditions.CLEAN)),
                16000));
        return p.toString();
    }

    @Test
    void comparisonWritesADeterministicReportWithFigures() throws Exception {
        String ref = clip("ref.wav", 1, 1);
        String sus = clip("sus.wav", 1, 2);
        Path out = dir.resolve("out/report.json");
        CliTestSupport.Run r = CliTestSupport.run("voice", ref, "--suspect", sus, "--format", "json", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String json = Files.readString(out);
        assertTrue(json.contains("\"voice.same-speaker\""), json);
        assertTrue(json.contains("\"role\" : \"suspect-voice\""), json);
        assertTrue(Files.list(dir.resolve("out/figures")).count() >= 5);
        CliTestSupport.Run again = CliTestSupport.run("voice", ref, "--suspect", sus, "--format", "json");
        assertEquals(json, again.out());
    }

    @Test
    void missingSuspectIsAUsageErrorAndCorruptAudioAnInputError() throws Exception {
        String ref = clip("ref.wav", 2, 1);
        assertEquals(ExitCodes.USAGE, CliTestSupport.run("voice", ref).exitCode());
        Path bad = dir.resolve("bad.wav");
        Files.write(bad, new byte[]{'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ', 9});
        CliTestSupport.Run r = CliTestSupport.run("voice", ref, "-s", bad.toString());
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("exhibit: " + bad), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void calibrateWritesAFileThatTheComparisonCitesAndTextShowsLimits() throws Exception {
        for (int s = 0; s < 4; s++) {
            for (int c = 0; c < 2; c++) {
                clip("pop/spk" + s + "/" + c + ".wav", 10 + s, c + 1);
            }
        }
        Path cal = dir.resolve("cal.json");
        CliTestSupport.Run r = CliTestSupport.run("voice", "calibrate", "--population", dir.resolve("pop").toString(),
                "--description", "four synthetic test speakers", "--conditions", "clean, 16 kHz, 4 s",
                "--write", cal.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"voice.calibration\""), r.out());
        String sha = org.exhibit.evidence.Hashing.sha256Hex(cal);
        assertTrue(r.err().contains(sha), r.err());
        String ref = clip("ref.wav", 20, 1);
        String sus = clip("sus.wav", 20, 2);
        CliTestSupport.Run with = CliTestSupport.run("voice", ref, "-s", sus, "--calibration", cal.toString(),
                "--format", "json");
        assertEquals(ExitCodes.OK, with.exitCode(), with.err());
        assertTrue(with.out().contains("\"calibrationSha256\" : \"" + sha + "\""), with.out());
        assertTrue(with.out().contains("\"role\" : \"voice-calibration\""), with.out());
        CliTestSupport.Run text = CliTestSupport.run("voice", ref, "-s", sus);
        assertEquals(ExitCodes.OK, text.exitCode(), text.err());
        assertTrue(text.out().contains("[inconclusive] voice.same-speaker"), text.out());
        assertTrue(text.out().contains("limitation: "), text.out());
        assertTrue(text.out().contains("Hp: ") && text.out().contains("Hd: "), text.out());
        assertTrue(text.out().contains("EER"), "terminal text names the measured error rates");
        CliTestSupport.Run help = CliTestSupport.run("voice", "calibrate", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("95% intervals"), help.out());
        // refusals: a population folder without speakers, a missing description
        assertEquals(ExitCodes.INPUT, CliTestSupport.run("voice", "calibrate", "--population", ref,
                "--description", "x", "--conditions", "y", "--write", dir.resolve("c2.json").toString()).exitCode());
        assertEquals(ExitCodes.USAGE, CliTestSupport.run("voice", "calibrate", "--population",
                dir.resolve("pop").toString(), "--write", dir.resolve("c3.json").toString()).exitCode());
    }

    @Test
    void scanRanksTheSameSpeakerFirstAndSkipsNonAudio() throws Exception {
        String ref = clip("ref.wav", 3, 1);
        clip("corpus/a-other.wav", 4, 2);
        clip("corpus/b-same.wav", 3, 2);
        Files.writeString(dir.resolve("corpus/notes.txt"), "not audio");
        CliTestSupport.Run r = CliTestSupport.run("voice", "scan", ref, "--corpus", dir.resolve("corpus").toString(),
                "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        int same = r.out().indexOf("Rank 1: " + dir.resolve("corpus/b-same.wav"));
        assertTrue(same > 0, r.out());
        assertTrue(r.out().contains("notes.txt"), "skipped file listed");
        assertTrue(r.err().contains("scanned 3/3"), r.err());
    }
}
