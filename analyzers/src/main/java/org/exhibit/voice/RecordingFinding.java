package org.exhibit.voice;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Verdict;

import java.util.Locale;

/** What one recording holds: length, rate, decoder, how much speech the VAD found, and its spectrogram. */
final class RecordingFinding {

    static final Method METHOD = new Method("Decoding, 16 kHz resampling and voice activity detection", "1",
            "javax.sound / jFLAC / MP3SPI / VorbisSPI or ffmpeg; Kaiser-windowed sinc resampler (Smith, CCRMA); "
                    + "Silero VAD v5 (snakers4/silero-vad)");

    private RecordingFinding() {
    }

    static Finding of(Exhibit e, ClipAnalysis a) {
        double speech = a.speech().speechSeconds();
        Finding.Builder b = Finding.builder(VoiceComparison.ANALYZER, "voice.recording", METHOD)
                .measure("duration", a.pcm().seconds(), "s")
                .measure("speech", speech, "s")
                .measure("speech segments", a.speech().segments().size(), "")
                .measure("source channels", a.pcm().sourceChannels(), "")
                .data("decoder", a.pcm().decoder())
                .data("vad", a.speech().method())
                .data("role", e.role());
        if (speech == 0) {
            b.verdict(Verdict.INCONCLUSIVE).statement(String.format(Locale.ROOT,
                    "%s (%s, %.1f s) contains no speech that the voice activity detector could find.",
                    e.path(), e.role(), a.pcm().seconds()));
        } else if (!a.enoughSpeech()) {
            b.verdict(Verdict.INCONCLUSIVE).statement(String.format(Locale.ROOT,
                    "%s (%s) has only %.2f s of speech, less than the %.1f s needed to describe a voice.",
                    e.path(), e.role(), speech, ClipAnalysis.MIN_SPEECH_SECONDS));
        } else {
            b.statement(String.format(Locale.ROOT, "%s (%s) is %.1f s long with %.1f s of speech in %d segments.",
                    e.path(), e.role(), a.pcm().seconds(), speech, a.speech().segments().size()));
        }
        if (!a.speech().usedModel()) {
            b.limitation("The Silero VAD model was not available, so speech was found by signal energy, which "
                    + "also counts loud non-speech sounds as speech.");
        }
        for (int[] seg : a.speech().segments()) {
            b.evidence(EvidencePointer.time(e, "speech", seg[0] / 16000.0, seg[1] / 16000.0));
        }
        if (a.logMel().length > 0) {
            b.figure(new Figure("voice-spectrogram-" + e.sha256().substring(0, 12),
                    "Log-mel spectrogram of " + e.path() + " (16 kHz, 40 mel bands, 60 dB range; dark = loud).",
                    VoiceFigures.spectrogram(a.logMel(), "Spectrogram: " + e.figureLabel())));
        }
        return b.build();
    }
}
