package org.exhibit.voice;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The features a court names, measured on the reference speech (all reference recordings together) and on the
 * suspect's: timbre (formants, long-term spectrum), intonation (F0), tempo and pauses. Each is a reading with
 * a figure, not a decision; the likelihood ratio is the decision-relevant number.
 */
final class Breakdown {

    static final Method TIMBRE = new Method("LPC formants and long-term average mel spectrum", "2",
            "autocorrelation LPC order 14, envelope peaks (Markel and Gray 1976); 40-band HTK mel filterbank");
    static final Method INTONATION = new Method("YIN F0 tracking", "1",
            "de Cheveigné and Kawahara, JASA 111(4) 2002; threshold 0.15, 60-500 Hz, 10 ms hop");
    static final Method TEMPO = new Method("Syllable nuclei and pauses", "2",
            "de Jong and Wempe 2009 (intensity peaks, 2 dB dip, voiced); pauses = VAD gaps of at least 0.15 s");

    private Breakdown() {
    }

    static List<Finding> findings(List<ClipAnalysis> refs, ClipAnalysis s, Exhibit e, Propositions p) {
        String id = e.sha256().substring(0, 12) + "-" + Integer.toHexString(java.util.Arrays.hashCode(s.voiceprint()));
        List<Finding> out = new ArrayList<>();
        for (Finding f : List.of(timbre(refs, s, e, id), intonation(refs, s, e, id), tempo(refs, s, e))) {
            out.add(new Finding(f.analyzer(), f.rule(), f.verdict(), f.statement() + " (A reading, not a decision: "
                    + "it weighs neither " + p.prosecution().substring(0, 2) + " nor " + p.defence().substring(0, 2)
                    + " by itself.)", f.measurements(), f.threshold(), f.method(), f.evidence(), f.figures(),
                    f.limitations(), withPropositions(f.data(), p)));
        }
        return out;
    }

    private static java.util.Map<String, Object> withPropositions(java.util.Map<String, Object> d, Propositions p) {
        java.util.Map<String, Object> m = new java.util.TreeMap<>(d);
        m.put("propositions", p);
        return m;
    }

    private static Finding timbre(List<ClipAnalysis> refs, ClipAnalysis s, Exhibit e, String id) {
        Finding.Builder b = Finding.builder(VoiceComparison.ANALYZER, "voice.timbre", TIMBRE);
        StringBuilder st = new StringBuilder("Formant medians, reference vs " + e.path() + ":");
        for (int k = 0; k < 3; k++) {
            final int idx = k;
            double r = median(refs.stream().flatMap(a -> a.formants().stream()).mapToDouble(f -> f[idx]).toArray());
            double v = s.formantMedian(k);
            b.measure("reference F" + (k + 1), r, "Hz").measure("suspect F" + (k + 1), v, "Hz");
            st.append(String.format(Locale.ROOT, " F%d %.0f vs %.0f Hz%s", k + 1, r, v, k < 2 ? "," : "."));
        }
        return b.statement(st.toString())
                .figure(new Figure("voice-envelope-" + id, "Long-term average mel spectrum of the speech: "
                        + "reference (blue) and suspect (red), each relative to its own peak.",
                        VoiceFigures.spectralEnvelope(ltas(refs), ltas(List.of(s)), "Spectral envelope")))
                .limitation("Formant medians mix every vowel spoken; different texts shift them. Compare like "
                        + "vowels by ear and on the spectrogram before relying on a difference.")
                .build();
    }

    private static Finding intonation(List<ClipAnalysis> refs, ClipAnalysis s, Exhibit e, String id) {
        double[] rf = refs.stream().flatMapToDouble(a -> Arrays.stream(a.voicedF0())).toArray();
        double[] sf = s.voicedF0();
        Finding.Builder b = Finding.builder(VoiceComparison.ANALYZER, "voice.intonation", INTONATION);
        double rm = median(rf);
        double sm = median(sf);
        b.measure("reference F0 median", rm, "Hz").measure("suspect F0 median", sm, "Hz")
                .measure("reference F0 range 5-95%", rangeSemitones(rf), "semitones")
                .measure("suspect F0 range 5-95%", rangeSemitones(sf), "semitones")
                .measure("median difference", rm > 0 && sm > 0 ? 12 * Math.log(sm / rm) / Math.log(2) : 0, "semitones");
        double[] refTrack = refs.get(0).f0();
        return b.statement(String.format(Locale.ROOT, "Median F0 %.0f Hz (reference) vs %.0f Hz (%s); F0 range "
                                + "%.1f vs %.1f semitones.", rm, sm, e.path(), rangeSemitones(rf),
                        rangeSemitones(sf)))
                .figure(new Figure("voice-f0-" + id, "F0 contours (YIN): first reference recording (blue) and "
                        + "suspect (red), speech frames only.",
                        VoiceFigures.f0Contours(refTrack, s.f0(), "F0 contours")))
                .limitation("Pitch level and range change with speaking style, emotion and text; a voice "
                        + "converter can copy or shift them at will.")
                .build();
    }

    private static Finding tempo(List<ClipAnalysis> refs, ClipAnalysis s, Exhibit e) {
        double refSpeech = refs.stream().mapToDouble(a -> a.speech().speechSeconds()).sum();
        int refSyl = refs.stream().mapToInt(ClipAnalysis::syllables).sum();
        double[] refPauses = refs.stream().flatMapToDouble(a -> Arrays.stream(Prosody.pauses(a.speech()))).toArray();
        double[] susPauses = Prosody.pauses(s.speech());
        double sr = refSyl / refSpeech;
        double ss = s.syllables() / s.speech().speechSeconds();
        return Finding.builder(VoiceComparison.ANALYZER, "voice.tempo", TEMPO)
                .statement(String.format(Locale.ROOT, "About %.1f syllables per second of speech (reference) vs "
                                + "%.1f (%s); %.1f vs %.1f pauses per minute of speech.", sr, ss, e.path(),
                        60 * refPauses.length / refSpeech, 60 * susPauses.length / s.speech().speechSeconds()))
                .measure("reference syllable rate", sr, "1/s")
                .measure("suspect syllable rate", ss, "1/s")
                .measure("reference pauses", 60 * refPauses.length / refSpeech, "1/min")
                .measure("suspect pauses", 60 * susPauses.length / s.speech().speechSeconds(), "1/min")
                .measure("reference mean pause", mean(refPauses), "s")
                .measure("suspect mean pause", mean(susPauses), "s")
                .limitation("Syllable nuclei are counted from intensity peaks, which can merge fast syllables; "
                        + "tempo depends on text and situation as much as on the speaker.")
                .build();
    }

    /** Mean log-mel energy over speech frames, in dB. */
    static double[] ltas(List<ClipAnalysis> clips) {
        double[] sum = new double[Mfcc.MELS];
        int n = 0;
        for (ClipAnalysis a : clips) {
            for (int f = 0; f < a.logMel().length; f++) {
                if (a.speech().isSpeech(f * Mfcc.HOP + Mfcc.FRAME / 2)) {
                    for (int m = 0; m < Mfcc.MELS; m++) {
                        sum[m] += Math.exp(a.logMel()[f][m]);
                    }
                    n++;
                }
            }
        }
        double[] db = new double[Mfcc.MELS];
        for (int m = 0; m < Mfcc.MELS; m++) {
            db[m] = 10 * Math.log10(sum[m] / Math.max(1, n) + 1e-12);
        }
        return db;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[s.length / 2];
    }

    static double rangeSemitones(double[] f0) {
        if (f0.length < 2) {
            return 0;
        }
        double[] s = f0.clone();
        Arrays.sort(s);
        double lo = s[(int) (0.05 * (s.length - 1))];
        double hi = s[(int) (0.95 * (s.length - 1))];
        return 12 * Math.log(hi / lo) / Math.log(2);
    }

    private static double mean(double[] v) {
        return v.length == 0 ? 0 : Arrays.stream(v).sum() / v.length;
    }
}
