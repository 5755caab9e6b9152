package org.exhibit.voice;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.SpeechSynth;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceCalibratorTest {

    private static final int FIRST = 500_000;

    @TempDir
    static Path shared;
    private static List<VoiceCalibrator.Member> population;

    @TempDir
    Path dir;

    private static VoiceCalibrator.Result fitted;

    /** The calibration of {@link #population()}, fitted once for the class. */
    private VoiceCalibrator.Result fitted() throws Exception {
        if (fitted == null) {
            var opts = new VoiceCalibrator.Options("synthetic test speakers", "clean 16 kHz, 3 s", null, null, 10);
            fitted = VoiceCalibrator.calibrate(shared.resolve("pop"), population(), opts);
        }
        return fitted;
    }

    /** 5 speakers × 2 clips, made once for the class (analysis is the slow part). */
    private List<VoiceCalibrator.Member> population() throws Exception {
        if (population == null) {
            List<VoiceCalibrator.Member> m = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                for (int c = 0; c < 2; c++) {
                    m.add(new VoiceCalibrator.Member("spk" + s, clip(shared.resolve("pop/spk" + s + "/" + c + ".wav"),
                            s, c + 1)));
                }
            }
            population = m;
        }
        return population;
    }

    private VoiceComparison.Input clip(Path p, int speaker, long sentence) throws Exception {
        SpeechSynth.Speaker s = SpeechSynth.speaker(1, FIRST + speaker);
        Files.createDirectories(p.getParent());
        Files.write(p, Audio.wav(Audio.pcm16(SpeechSynth.utterance(s, sentence, 2.5, SpeechSynth.Conditions.CLEAN)),
                16000));
        return new VoiceComparison.Input(Inputs.open(p, "input", Limits.DEFAULT), p);
    }


    @Test
    void fitsWritesAndIsUsedByAComparison() throws Exception {
        VoiceCalibrator.Result r = fitted();
        Finding f = r.findings().get(0);
        assertEquals("voice.calibration", f.rule());
        assertEquals(10, f.measurement("recordings"), 0);
        assertEquals(5, f.measurement("same-speaker trials"), 0);
        assertEquals(40, f.measurement("different-speaker trials"), 0);
        assertTrue(f.measurement("minCllr") <= f.measurement("Cllr (cross-validated)") + 1e-9);
        assertTrue(f.measurement("EER 95% low") <= f.measurement("EER")
                && f.measurement("EER") <= f.measurement("EER 95% high"));
        assertEquals(Math.log10(10), f.measurement("highest log10 LR"), 1e-4, "bounded by the speaker pairs");
        assertTrue(f.statement().contains(r.sha256().substring(0, 16)));
        assertEquals(2, f.figures().size());

        Path file = dir.resolve("cal.json");
        Files.write(file, r.json());
        CaseCalibration cal = CaseCalibration.read(file);
        assertEquals(r.sha256(), cal.sha256());
        assertEquals("synthetic test speakers", cal.population());

        var o = new VoiceComparison.Options(cal, null, Recording.Window.WHOLE, Recording.Window.WHOLE, 0, 0);
        var ref = List.of(clip(dir.resolve("case/ref.wav"), 10, 1));
        Finding same = VoiceComparison.compare(ref, List.of(clip(dir.resolve("case/same.wav"), 10, 3)), o)
                .findings().stream().filter(x -> x.rule().equals("voice.same-speaker")).findFirst().orElseThrow();
        double l = same.measurement("log10 LR");
        assertEquals(VerbalScale.verdict(l), same.verdict(), "badge follows the verbal band");
        assertEquals(VerbalScale.describe(l), same.data().get("verbal"));
        assertTrue(l <= cal.maxLog10Lr() + 1e-9);
        assertEquals(cal.sha256(), same.data().get("calibrationSha256"));
        assertTrue(same.statement().contains("synthetic test speakers"), same.statement());
        assertNotNull(same.threshold());
        assertTrue(same.threshold().errorRate().source().contains("cross-validation"));

        // screening with the same calibration: every match's badge follows its verbal band
        List<Finding> scan = VoiceScan.scan(ref, List.of(clip(dir.resolve("case/c1.wav"), 10, 4),
                clip(dir.resolve("case/c2.wav"), 11, 4)), o, (a, b) -> { });
        assertEquals("voice.scan", scan.get(0).rule());
        assertTrue(scan.get(0).statement().contains(cal.sha256().substring(0, 16)), scan.get(0).statement());
        for (Finding m : scan.subList(1, scan.size())) {
            assertEquals(VerbalScale.verdict(m.measurement("log10 LR")), m.verdict());
            assertTrue(m.data().get("propositions") instanceof Propositions);
        }
        // and without it: ranked by score, every match inconclusive
        List<Finding> plain = VoiceScan.scan(ref, List.of(clip(dir.resolve("case/c1.wav"), 10, 4)), (a, b) -> { });
        assertEquals(Verdict.INCONCLUSIVE, plain.get(1).verdict());
        assertTrue(plain.get(1).measurements().stream().noneMatch(x -> x.name().contains("LR")));
    }

    @Test
    void tooFewSpeakersIsAnInputError() throws Exception {
        var opts = new VoiceCalibrator.Options("x", "y", null, null, 10);
        InputException e = assertThrows(InputException.class,
                () -> VoiceCalibrator.calibrate(shared.resolve("pop"), population().subList(0, 4), opts));
        assertTrue(e.problem().contains("at least 3 speakers"), e.problem());
    }

    @Test
    void aCalibrationFromAnotherSystemIsRefused() throws Exception {
        VoiceCalibrator.Result r = fitted();
        Path file = dir.resolve("cal.json");
        Files.writeString(file, new String(r.json(), java.nio.charset.StandardCharsets.UTF_8)
                .replace(ClassicalScorer.shipped().id(), "onnx sha256:00"));
        CaseCalibration cal = CaseCalibration.read(file);
        var o = new VoiceComparison.Options(cal, null, Recording.Window.WHOLE, Recording.Window.WHOLE, 0, 0);
        var ref = List.of(clip(dir.resolve("r.wav"), 1, 1));
        InputException e = assertThrows(InputException.class, () -> VoiceComparison.compare(ref, ref, o));
        assertTrue(e.problem().contains("was made with onnx"), e.problem());
        Files.writeString(file, "{\"format\":\"other\"}");
        assertThrows(InputException.class, () -> CaseCalibration.read(file));
        Files.writeString(file, "{\"format\":\"" + CaseCalibration.FORMAT + "\",\"population\":\"p\",\"conditions\""
                + ":\"c\",\"scorer\":\"x\",\"band\":\"WIDE\"}");
        InputException partial = assertThrows(InputException.class, () -> CaseCalibration.read(file));
        assertTrue(partial.problem().contains("incomplete"), partial.problem());
    }

    @Test
    void verdictIsCappedBelowTheMinimumSnr() throws Exception {
        VoiceCalibrator.Result r = fitted();
        Path file = dir.resolve("cal.json");
        Files.write(file, r.json());
        CaseCalibration cal = CaseCalibration.read(file);
        // the suspect: the reference speaker under loud white noise (about 0 dB SNR)
        SpeechSynth.Speaker s = SpeechSynth.speaker(1, FIRST + 20);
        float[] x = SpeechSynth.utterance(s, 5, 3, SpeechSynth.Conditions.CLEAN);
        java.util.Random rnd = new java.util.Random(1);
        double p = 0;
        for (float v : x) {
            p += v * v / x.length;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.max(-1, Math.min(1, x[i] + Math.sqrt(p) * rnd.nextGaussian()));
        }
        Path noisy = dir.resolve("noisy.wav");
        Files.write(noisy, Audio.wav(Audio.pcm16(x), 16000));
        var sus = new VoiceComparison.Input(Inputs.open(noisy, "suspect", Limits.DEFAULT), noisy);
        var o = new VoiceComparison.Options(cal, null, Recording.Window.WHOLE, Recording.Window.WHOLE, 0, 0);
        var res = VoiceComparison.compare(List.of(clip(dir.resolve("ref.wav"), 20, 1)), List.of(sus), o);
        Finding f = res.findings().stream().filter(x2 -> x2.rule().equals("voice.same-speaker")).findFirst()
                .orElseThrow();
        assertTrue(f.measurement("suspect SNR") < 10, "SNR " + f.measurement("suspect SNR"));
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.statement().contains("below the minimum"), f.statement());
        assertTrue(f.measurements().stream().noneMatch(m -> m.name().equals("log10 LR")));
    }
}
