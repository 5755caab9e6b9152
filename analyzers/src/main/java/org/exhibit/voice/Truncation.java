package org.exhibit.voice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Does a compressed stream end where its own framing says it should? An MP3 whose last frame header claims
 * more bytes than follow, or an Ogg stream whose last page is cut short or carries no end-of-stream flag, was
 * cut off (an interrupted download or copy). The decoders stop quietly at such an end; the report must not.
 */
final class Truncation {

    private static final int[][] BITRATES = {
            // MPEG-1 layer I, II, III; MPEG-2/2.5 layer I, II/III (kbit/s), index 1..14
            {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
            {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
    private static final int[] RATES = {44100, 48000, 32000};

    private Truncation() {
    }

    /** A sentence when the file is cut short, else empty. */
    static Optional<String> check(Path file, String mediaType) {
        try {
            byte[] b = Files.readAllBytes(file);
            if (mediaType.contains("mpeg")) {
                return mp3(b);
            }
            if (mediaType.contains("ogg") || mediaType.contains("vorbis") || mediaType.contains("opus")) {
                return ogg(b);
            }
        } catch (IOException e) {
            return Optional.of("could not be re-read to check its end: " + e.getMessage());
        }
        return Optional.empty();
    }

    static Optional<String> mp3(byte[] b) {
        int end = b.length;
        if (end >= 128 && b[end - 128] == 'T' && b[end - 127] == 'A' && b[end - 126] == 'G') {
            end -= 128;
        }
        int pos = 0;
        if (b.length >= 10 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') {
            pos = 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F));
        }
        int frames = 0;
        while (pos + 4 <= end) {
            int len = frameLength(b, pos);
            if (len <= 0) {
                if (frames > 0) {
                    break; // trailing tag or junk after the last whole frame
                }
                pos++;
                continue;
            }
            if (pos + len > end) {
                return Optional.of(String.format(java.util.Locale.ROOT, "truncated: MP3 frame %d at byte %d needs "
                        + "%d bytes but only %d remain", frames + 1, pos, len, end - pos));
            }
            pos += len;
            frames++;
        }
        if (frames > 0 && pos < end && end - pos < 4 && end - pos > 0) {
            return Optional.of("truncated: the MP3 stream ends inside a frame header");
        }
        return Optional.empty();
    }

    private static int frameLength(byte[] b, int p) {
        int h = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        if ((h >>> 21) != 0x7FF) {
            return -1;
        }
        int version = (h >>> 19) & 3;   // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
        int layer = (h >>> 17) & 3;     // 3 = I, 2 = II, 1 = III
        int br = (h >>> 12) & 15;
        int sr = (h >>> 10) & 3;
        int pad = (h >>> 9) & 1;
        if (version == 1 || layer == 0 || br == 0 || br == 15 || sr == 3) {
            return -1;
        }
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? 3 - layer : layer == 3 ? 3 : 4;
        int kbps = BITRATES[table][br - 1];
        int rate = RATES[sr] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        if (layer == 3) {
            return (12 * kbps * 1000 / rate + pad) * 4;
        }
        int k = layer == 1 && !mpeg1 ? 72 : 144;
        return k * kbps * 1000 / rate + pad;
    }

    static Optional<String> ogg(byte[] b) {
        int pos = 0;
        int pages = 0;
        boolean eos = false;
        while (pos + 27 <= b.length) {
            if (b[pos] != 'O' || b[pos + 1] != 'g' || b[pos + 2] != 'g' || b[pos + 3] != 'S') {
                return Optional.of("truncated or damaged: no Ogg page at byte " + pos);
            }
            int segments = b[pos + 26] & 0xFF;
            if (pos + 27 + segments > b.length) {
                return Optional.of("truncated: the last Ogg page's header is cut short");
            }
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += b[pos + 27 + i] & 0xFF;
            }
            int next = pos + 27 + segments + body;
            if (next > b.length) {
                return Optional.of(String.format(java.util.Locale.ROOT, "truncated: Ogg page %d needs %d bytes but "
                        + "only %d remain", pages + 1, next - pos, b.length - pos));
            }
            eos = (b[pos + 5] & 0x04) != 0;
            pages++;
            pos = next;
        }
        if (pages > 0 && !eos) {
            return Optional.of("truncated: the Ogg stream has no end-of-stream page");
        }
        return Optional.empty();
    }
}
