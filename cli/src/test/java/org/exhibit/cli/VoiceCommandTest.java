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
