package org.exhibit.voice;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.SpeechSynth;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceComparisonTest {

    /** Speakers from a range no training, calibration or benchmark part uses. */
    private static final int FIRST = 300_000;
    /** The synthetic-speaker seed the shipped backend was trained with (BackendTrainer.SEED in exhibit-bench). */
    private static final long SEED = 1;

    @TempDir
    Path dir;

    private VoiceComparison.Input clip(String name, int speaker, long sentence) throws Exception {
        SpeechSynth.Speaker s = SpeechSynth.speaker(SEED, FIRST + speaker);
        SpeechSynth.Conditions c = SpeechSynth.conditions(sentence * 17 + speaker);
        return write(name, SpeechSynth.utterance(s, sentence, 5, c), c.sampleRate());
    }

    private VoiceComparison.Input write(String name, float[] x, int rate) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Audio.wav(Audio.pcm16(x), rate));
        return new VoiceComparison.Input(Inputs.open(p, "input", Limits.DEFAULT), p);
    }

    private static Finding rule(List<Finding> fs, String rule) {
        return fs.stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void sameSpeakerScoresAboveDifferentSpeakers() throws Exception {
        var ref = List.of(clip("ref1.wav", 1, 1), clip("ref2.wav", 1, 2));
        Finding sameF = rule(VoiceComparison.compare(ref, List.of(clip("same.wav", 1, 3))).findings(),
                "voice.same-speaker");
        double same = sameF.measurement("score");
        double other = rule(VoiceComparison.compare(ref, List.of(clip("other.wav", 2, 3))).findings(),
                "voice.same-speaker").measurement("score");
        assertTrue(same > other + 0.1, "same " + same + " vs different " + other);
        // without a case calibration: no LR, no verbal scale beyond inconclusive, whatever the score
        assertEquals(Verdict.INCONCLUSIVE, sameF.verdict());
        assertTrue(sameF.measurements().stream().noneMatch(m -> m.name().contains("LR")), sameF.measurements()
                .toString());
        assertEquals(VerbalScale.UNCALIBRATED, sameF.data().get("verbal"));
        assertTrue(sameF.statement().contains("Hp: ") && sameF.statement().contains("Hd: "), sameF.statement());
        assertTrue(sameF.statement().contains("not chosen for this case"), sameF.statement());
    }

    @Test
    void reportCarriesBreakdownFiguresAndLimits() throws Exception {
        var r = VoiceComparison.compare(List.of(clip("ref.wav", 3, 1)), List.of(clip("sus.wav", 3, 2)));
        List<String> rules = r.findings().stream().map(Finding::rule).toList();
        assertEquals(List.of("voice.recording", "voice.recording", "voice.same-speaker", "voice.timbre",
                "voice.intonation", "voice.tempo"), rules);
        Finding lr = rule(r.findings(), "voice.same-speaker");
        assertFalse(lr.figures().isEmpty());
        assertTrue(lr.limitations().stream().anyMatch(l -> l.contains("exhibit voice calibrate")));
        assertTrue(lr.limitations().stream().anyMatch(l -> l.contains("EER")), lr.limitations().toString());
        assertTrue(r.findings().stream().allMatch(f -> f.rule().equals("voice.recording")
                || f.data().get("propositions") instanceof Propositions), "every comparison finding states Hp/Hd");
        assertFalse(rule(r.findings(), "voice.intonation").figures().isEmpty());
        assertFalse(rule(r.findings(), "voice.timbre").figures().isEmpty());
        double f0 = rule(r.findings(), "voice.intonation").measurement("suspect F0 median");
        double truth = SpeechSynth.speaker(SEED, FIRST + 3).f0();
        assertEquals(truth, f0, truth * 0.15, "F0 median near the speaker's base F0");
    }

    @Test
    void syllableRateIsNearTheSpeakersRate() {
        SpeechSynth.Speaker s = SpeechSynth.speaker(SEED, FIRST + 5);
        float[] x = SpeechSynth.utterance(s, 4, 6, SpeechSynth.Conditions.CLEAN);
        ClipAnalysis a = ClipAnalysis.of(new Pcm(x, 16000, 1, "test"));
        double rate = a.syllables() / a.speech().speechSeconds();
        assertEquals(s.syllablesPerSecond(), rate, 0.35 * s.syllablesPerSecond(), "syllables " + a.syllables());
    }

    @Test
    void silenceAndTooShortClipsAreInconclusiveNotErrors() throws Exception {
        var ref = List.of(clip("ref.wav", 4, 1));
        var silence = write("silence.wav", new float[16000 * 3], 16000);
        var r = VoiceComparison.compare(ref, List.of(silence));
        assertEquals(Verdict.INCONCLUSIVE, rule(r.findings(), "voice.same-speaker").verdict());
        assertEquals(0, r.findings().get(1).measurement("speech"), 1e-9);
        float[] speech = SpeechSynth.utterance(SpeechSynth.speaker(1, FIRST + 4), 9, 2, SpeechSynth.Conditions.CLEAN);
        float[] short02 = java.util.Arrays.copyOfRange(speech, 8000, 8000 + 3200);
        var s = VoiceComparison.compare(ref, List.of(write("short.wav", short02, 16000)));
        Finding f = rule(s.findings(), "voice.same-speaker");
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.statement().contains("not compared"), f.statement());
    }
}
