/**
 * Voice comparison: does a suspect recording point to the person heard in reference recordings?
 * <p>
 * Pipeline: {@link org.exhibit.voice.AudioDecoder} (own RIFF reader, javax.sound with FLAC/MP3/Vorbis providers,
 * ffmpeg for the rest; every channel kept) → {@link org.exhibit.voice.Recording} (part, channel) →
 * {@link org.exhibit.voice.Resampler} (16 kHz) → {@link org.exhibit.voice.SpeechDetector} (Silero VAD) →
 * {@link org.exhibit.voice.ClipAnalysis} (bandwidth, SNR, band, MFCC, YIN F0, LPC formants, syllable nuclei,
 * pauses) → a {@link org.exhibit.voice.SpeakerScorer} (the classical {@link org.exhibit.voice.Voiceprint} through
 * {@link org.exhibit.voice.VoiceBackend}'s LDA, or a user-supplied ONNX model over
 * {@link org.exhibit.voice.KaldiFbank}) → cosine score → a likelihood ratio only through a
 * {@link org.exhibit.voice.CaseCalibration} fitted by {@link org.exhibit.voice.VoiceCalibrator} on a population
 * the user described. Without one the finding is inconclusive.
 */
package org.exhibit.voice;
