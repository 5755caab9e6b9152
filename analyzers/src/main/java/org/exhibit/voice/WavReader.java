package org.exhibit.voice;

import org.exhibit.io.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RIFF/WAVE itself, so that a damaged header is reported as what it is instead of being handed to the
 * next javax.sound provider (MP3SPI would otherwise "decode" it as MPEG Layer 1 silence). PCM 8/16/24/32-bit,
 * IEEE float 32/64-bit and WAVE_FORMAT_EXTENSIBLE with either; any channel count up to 32. A data chunk that
 * claims more bytes than the file holds is read as far as it goes and flagged as truncated.
 */
final class WavReader {

    private WavReader() {
    }

    static Decoded read(Path file) throws InputException {
        byte[] b;
        try {
            long size = Files.size(file);
            long max = (long) (AudioDecoder.MAX_SECONDS * 384000) * 8 * 4;
            if (size > max) {
                throw new InputException(file, "is too large for a WAV recording of at most "
                        + (int) AudioDecoder.MAX_SECONDS + " s");
            }
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
        return parse(file, b);
    }

    static Decoded parse(Path file, byte[] b) throws InputException {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 12 || !tag(b, 0, "RIFF") || !tag(b, 8, "WAVE")) {
            throw new InputException(file, "corrupt WAV: no RIFF/WAVE header");
        }
        int format = -1, channels = 0, rate = 0, blockAlign = 0, bits = 0;
        boolean haveFmt = false;
        int pos = 12;
        List<String> warnings = new ArrayList<>();
        while (pos + 8 <= b.length) {
            String id = new String(b, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long len = buf.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (len < 16 || body + 16 > b.length) {
                    throw new InputException(file, "corrupt WAV header: fmt chunk cut short or too small (claims "
                            + len + " bytes, " + Math.max(0, b.length - body) + " present)");
                }
                format = buf.getShort(body) & 0xFFFF;
                channels = buf.getShort(body + 2) & 0xFFFF;
                rate = buf.getInt(body + 4);
                blockAlign = buf.getShort(body + 12) & 0xFFFF;
                bits = buf.getShort(body + 14) & 0xFFFF;
                if (format == 0xFFFE) {
                    if (len < 40 || body + 26 > b.length) {
                        throw new InputException(file, "corrupt WAV header: short WAVE_FORMAT_EXTENSIBLE fmt chunk");
                    }
                    format = buf.getShort(body + 24) & 0xFFFF;
                }
                haveFmt = true;
            } else if (id.equals("data")) {
                if (!haveFmt) {
                    throw new InputException(file, "corrupt WAV header: data chunk before the fmt chunk");
                }
                check(file, format, channels, rate, blockAlign, bits);
                long available = b.length - body;
                long n = len;
                if (len > available) {
                    n = available;
                    warnings.add(String.format(java.util.Locale.ROOT, "truncated: the WAV data chunk claims %d "
                            + "bytes but the file holds %d (%.2f s of %.2f s)", len, available,
                            available / (double) blockAlign / rate, len / (double) blockAlign / rate));
                }
                int frames = (int) Math.min(n / blockAlign, (long) (AudioDecoder.MAX_SECONDS * rate) + 1);
                if (frames > AudioDecoder.MAX_SECONDS * rate) {
                    throw new InputException(file, "is longer than " + (int) AudioDecoder.MAX_SECONDS
                            + " s; cut the part to compare");
                }
                return new Decoded(samples(buf, body, frames, channels, format, bits, blockAlign), rate,
                        String.format(java.util.Locale.ROOT, "WAV (%s %d-bit, %d ch, %d Hz) via exhibit's RIFF reader",
                                format == 3 ? "float" : "PCM", bits, channels, rate), warnings);
            }
            pos = (int) Math.min(Integer.MAX_VALUE - 16, body + len + (len & 1));
        }
        throw new InputException(file, haveFmt ? "corrupt WAV: no data chunk" : "corrupt WAV header: no fmt chunk");
    }

    private static void check(Path file, int format, int channels, int rate, int blockAlign, int bits)
            throws InputException {
        if (format != 1 && format != 3) {
            throw new InputException(file, "WAV with codec 0x" + Integer.toHexString(format) + " (only PCM and "
                    + "IEEE float are read; convert it, e.g. with ffmpeg)");
        }
        if (channels < 1 || channels > 32) {
            throw new InputException(file, "corrupt WAV header: " + channels + " channels");
        }
        if (rate < 4000 || rate > 384000) {
            throw new InputException(file, "corrupt WAV header: implausible sample rate of " + rate + " Hz");
        }
        boolean okBits = format == 1 ? bits == 8 || bits == 16 || bits == 24 || bits == 32 : bits == 32 || bits == 64;
        if (!okBits) {
            throw new InputException(file, "corrupt WAV header: " + bits + "-bit " + (format == 3 ? "float" : "PCM"));
        }
        if (blockAlign != channels * bits / 8) {
            throw new InputException(file, "corrupt WAV header: block align " + blockAlign + " for " + channels
                    + " × " + bits + "-bit samples");
        }
    }

    private static float[][] samples(ByteBuffer buf, int at, int frames, int channels, int format, int bits,
                                     int blockAlign) {
        float[][] out = new float[channels][frames];
        int bytes = bits / 8;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                int p = at + i * blockAlign + c * bytes;
                double v;
                if (format == 3) {
                    v = bits == 32 ? buf.getFloat(p) : buf.getDouble(p);
                } else if (bits == 8) {
                    v = ((buf.get(p) & 0xFF) - 128) / 128.0;
                } else if (bits == 16) {
                    v = buf.getShort(p) / 32768.0;
                } else if (bits == 24) {
                    int x = (buf.get(p) & 0xFF) | (buf.get(p + 1) & 0xFF) << 8 | buf.get(p + 2) << 16;
                    v = x / 8388608.0;
                } else {
                    v = buf.getInt(p) / 2147483648.0;
                }
                out[c][i] = (float) v;
            }
        }
        return out;
    }

    private static boolean tag(byte[] b, int at, String t) {
        for (int i = 0; i < 4; i++) {
            if (b[at + i] != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
