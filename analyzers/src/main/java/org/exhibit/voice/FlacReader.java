package org.exhibit.voice;

import org.exhibit.io.InputException;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.PCMProcessor;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * FLAC through jFLAC's decoder directly: its javax.sound provider (1.5.2) re-reads the metadata from a stream
 * positioned after it and fails on valid files, so the SPI route is not used for FLAC.
 */
final class FlacReader {

    private FlacReader() {
    }

    /** Damaged frames tolerated before a stream is called corrupt (a clean stream has none). */
    static final int MAX_BAD_FRAMES = 64;

    private static final class TooDamaged extends RuntimeException {
        TooDamaged() {
            super(null, null, false, false);
        }
    }

    static Pcm read(Path file) throws IOException, InputException {
        return readChannels(file).downmix();
    }

    static Decoded readChannels(Path file) throws IOException, InputException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            FLACDecoder decoder = new FLACDecoder(in);
            StreamInfo info = decoder.readStreamInfo();
            if (info == null) {
                throw new InputException(file, "FLAC stream has no STREAMINFO block");
            }
            int channels = info.getChannels();
            int bytesPerSample = (info.getBitsPerSample() + 7) / 8;
            int rate = info.getSampleRate();
            if (channels < 1 || bytesPerSample < 1 || bytesPerSample > 4 || rate < 4000) {
                throw new InputException(file, "FLAC STREAMINFO is implausible: " + info);
            }
            long maxBytes = (long) (AudioDecoder.MAX_SECONDS * rate) * channels * bytesPerSample;
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            decoder.addPCMProcessor(new PCMProcessor() {
                @Override
                public void processStreamInfo(StreamInfo streamInfo) {
                    // already read
                }

                @Override
                public void processPCM(ByteData data) {
                    if (pcm.size() <= maxBytes) {
                        pcm.write(data.getData(), 0, data.getLen());
                    }
                }
            });
            // jFLAC resynchronises after a damaged frame and, on some damage, finds the same bad frame again and
            // again: past a bound the stream is called corrupt rather than decoded for ever
            decoder.addFrameListener(new FrameListener() {
                private int errors;

                @Override
                public void processMetadata(Metadata metadata) {
                }

                @Override
                public void processFrame(Frame frame) {
                }

                @Override
                public void processError(String message) {
                    if (++errors > MAX_BAD_FRAMES) {
                        throw new TooDamaged();
                    }
                }
            });
            try {
                decoder.decodeFrames();
            } catch (TooDamaged e) {
                throw new InputException(file, "FLAC stream is corrupt: more than " + MAX_BAD_FRAMES
                        + " damaged frames");
            }
            if (pcm.size() > maxBytes) {
                throw new InputException(file, "is longer than " + (int) AudioDecoder.MAX_SECONDS + " s; cut the "
                        + "part to compare");
            }
            return toChannels(pcm.toByteArray(), channels, bytesPerSample, rate, info.getBitsPerSample());
        }
    }

    /** jFLAC hands out interleaved little-endian signed samples of whole bytes. */
    private static Decoded toChannels(byte[] b, int channels, int bytes, int rate, int bits) {
        int frames = b.length / (channels * bytes);
        float[][] out = new float[channels][frames];
        double full = Math.pow(2, 8 * bytes - 1);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * bytes;
                int v = 0;
                for (int k = bytes - 1; k >= 0; k--) {
                    v = (v << 8) | (b[at + k] & 0xFF);
                }
                if (bytes == 1) {
                    v -= 128; // 8-bit PCM is unsigned
                } else {
                    v = (v << (32 - 8 * bytes)) >> (32 - 8 * bytes);
                }
                out[c][i] = (float) (v / full);
            }
        }
        return new Decoded(out, rate, "FLAC via jFLAC (" + bits + "-bit)", java.util.List.of());
    }
}
