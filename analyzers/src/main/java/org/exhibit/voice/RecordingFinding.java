package org.exhibit.voice;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Verdict;

import java.util.Locale;

/**
 * What one recording holds: length, rate, decoder, channels, bandwidth, SNR, how much speech the VAD found,
 * and its spectrogram.
 */
final class RecordingFinding {

    static final Method METHOD = new Method("Decoding, 16 kHz resampling, bandwidth and SNR estimation, voice "
            + "activity detection", "2", "exhibit's RIFF reader / jFLAC / MP3SPI / VorbisSPI or ffmpeg; "
            + "Kaiser-windowed sinc resampler (Smith, CCRMA); Silero VAD v5 (snakers4/silero-vad); SNR: speech-frame "
            + "power over the median non-speech frame power");

    private RecordingFinding() {
    }

    static Finding of(Recording r) {
        ClipAnalysis a = r.analysis();
        Exhibit e = r.input().exhibit();
        double speech = a.speech().speechSeconds();
        Finding.Builder b = Finding.builder(VoiceComparison.ANALYZER, "voice.recording", METHOD)
                .measure("duration", a.pcm().seconds(), "s")
                .measure("speech", speech, "s")
                .measure("speech segments", a.speech().segments().size(), "")
                .measure("source channels", a.pcm().sourceChannels(), "")
                .measure("source sample rate", a.bandwidth().sourceRate(), "Hz")
                .measure("energy above 3.8 kHz", a.bandwidth().highBandDb(), "dB re 300-3400 Hz")
                .measure("SNR", a.snrDb(), "dB")
                .data("decoder", a.pcm().decoder())
                .data("vad", a.speech().method())
                .data("band", a.band().words())
                .data("bandwidth", (a.bandwidth().narrowband() ? "narrowband: " : "wideband: ") + a.bandwidth().why())
                .data("role", e.role());
        if (r.offset() > 0) {
            b.measure("part starts at", r.offset(), "s");
        }
        if (!r.notes().isEmpty()) {
            b.data("notes", r.notes());
        }
        String extra = String.format(Locale.ROOT, " Estimated SNR %.0f dB; %s%s.", a.snrDb(),
                a.bandwidth().narrowband() ? "narrowband (" : "wideband (", a.bandwidth().why() + ")")
                + (a.band() == Channel.Band.TELEPHONE ? " Analysed in the " + a.band().words() + "." : "")
                + (r.notes().isEmpty() ? "" : " " + capital(String.join("; ", r.notes())) + ".");
        if (speech == 0) {
            b.verdict(Verdict.INCONCLUSIVE).statement(String.format(Locale.ROOT,
                    "%s (%s, %.1f s) contains no speech that the voice activity detector could find.",
                    r.label(), e.role(), a.pcm().seconds()) + extra);
        } else if (!a.enoughSpeech()) {
            b.verdict(Verdict.INCONCLUSIVE).statement(String.format(Locale.ROOT,
                    "%s (%s) has only %.2f s of speech, less than the %.1f s needed to describe a voice.",
                    r.label(), e.role(), speech, ClipAnalysis.MIN_SPEECH_SECONDS) + extra);
        } else {
            b.statement(String.format(Locale.ROOT, "%s (%s) is %.1f s long with %.1f s of speech in %d segments.",
                    r.label(), e.role(), a.pcm().seconds(), speech, a.speech().segments().size()) + extra);
        }
        if (r.notes().stream().anyMatch(n -> n.startsWith("truncated"))) {
            b.limitation("The file is cut short: only what precedes the cut was analysed, and a cut-off copy may "
                    + "not be the recording as made.");
        }
        if (a.snrDb() < Channel.MIN_SNR_DB) {
            b.limitation(String.format(Locale.ROOT, "SNR below %.0f dB: a comparison with this recording claims "
                    + "nothing beyond inconclusive.", Channel.MIN_SNR_DB));
        }
        if (!a.speech().usedModel()) {
            b.limitation("The Silero VAD model was not available, so speech was found by signal energy, which "
                    + "also counts loud non-speech sounds as speech.");
        }
        for (int[] seg : a.speech().segments()) {
            b.evidence(EvidencePointer.time(e, "speech", r.offset() + seg[0] / 16000.0, r.offset() + seg[1] / 16000.0));
        }
        if (a.logMel().length > 0) {
            b.figure(new Figure("voice-spectrogram-" + e.sha256().substring(0, 12) + VoiceComparison.figureSuffix(r),
                    "Log-mel spectrogram of " + r.label() + " (16 kHz, 40 mel bands, 60 dB range; dark = loud).",
                    // the picture names the file as figures do (name and short hash): the same wherever it sits
                    VoiceFigures.spectrogram(a.logMel(), "Spectrogram: " + r.label().replace(e.path(), e.figureLabel()))));
        }
        return b.build();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
