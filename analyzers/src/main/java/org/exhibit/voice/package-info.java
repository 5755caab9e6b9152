/**
 * Voice comparison: does a suspect recording point to the person heard in reference recordings?
 * <p>
 * Pipeline: {@link org.exhibit.voice.AudioDecoder} (javax.sound with FLAC/MP3/Vorbis providers, ffmpeg for the
 * rest) → {@link org.exhibit.voice.Resampler} (16 kHz) → {@link org.exhibit.voice.SpeechDetector} (Silero VAD)
 * → {@link org.exhibit.voice.ClipAnalysis} (MFCC, YIN F0, LPC formants, syllable nuclei, pauses) →
 * {@link org.exhibit.voice.Voiceprint} → {@link org.exhibit.voice.VoiceBackend} (standardisation, LDA, cosine,
 * calibrated LR). No speaker-embedding network can be had here, so the system is classical and is trained and
 * calibrated on synthetic voices ({@code fixtures.SpeechSynth}); every report says so.
 */
package org.exhibit.voice;
