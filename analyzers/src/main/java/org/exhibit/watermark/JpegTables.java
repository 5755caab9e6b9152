package org.exhibit.watermark;

import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Jpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JPEG quantisation tables read from the DQT segments (ITU-T T.81 B.2.4.1), and the IJG quality they match:
 * libjpeg scales the standard tables of T.81 Annex K by S = 5000/Q (Q < 50) or 200 − 2Q, entry = (base·S + 50)/100
 * clamped to 1..255. A table equal to a scaled standard table gives that Q exactly; others get the nearest Q.
 */
final class JpegTables {

    /** T.81 Table K.1, luminance, in natural (row-major) order. */
    static final int[] STD_LUMA = {
            16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
            14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

    /** Zig-zag position k → natural index (T.81 Figure A.6). */
    static final int[] ZIGZAG = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
            12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
            35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private JpegTables() {
    }

    /** One table: its id (0..3) and 64 entries in natural order. */
    record Table(int id, int[] natural) {
    }

    /**
     * Every DQT table in file order (empty for a file that is not a JPEG). The segments are found by the container
     * layer; a DQT segment cut short by the end of the bytes gives the tables it still holds whole.
     */
    static List<Table> read(byte[] f) {
        List<Table> out = new ArrayList<>();
        if (!Jpeg.READER.accepts(f)) {
            return out;
        }
        try {
            Jpeg.File jpeg = Jpeg.read(ByteSource.of(f), Limits.DEFAULT);
            for (Jpeg.Segment s : jpeg.segments()) {
                if (s.marker() == 0xDB) {
                    byte[] d = jpeg.data(s);
                    if (d != null) {
                        tables(d, out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory: cannot happen
        }
        return out;
    }

    /** The tables of one DQT segment's payload (T.81 B.2.4.1: Pq/Tq, then 64 entries of 8 or 16 bits each). */
    private static void tables(byte[] d, List<Table> out) {
        int q = 0;
        while (q < d.length) {
            int precision = (d[q] & 0xff) >> 4, id = d[q] & 0x0f;
            int size = precision == 0 ? 1 : 2;
            if (q + 1 + 64 * size > d.length) {
                break;
            }
            int[] nat = new int[64];
            for (int k = 0; k < 64; k++) {
                int at = q + 1 + k * size;
                nat[ZIGZAG[k]] = size == 1 ? d[at] & 0xff : (d[at] & 0xff) << 8 | (d[at + 1] & 0xff);
            }
            out.add(new Table(id, nat));
            q += 1 + 64 * size;
        }
    }

    /** The IJG quality (1..100) whose luminance table is nearest; [quality, summed absolute difference]. */
    static int[] ijgQuality(int[] luma) {
        int bestQ = 0, bestD = Integer.MAX_VALUE;
        for (int q = 1; q <= 100; q++) {
            int[] t = scaled(q);
            int d = 0;
            for (int i = 0; i < 64; i++) {
                d += Math.abs(t[i] - luma[i]);
            }
            if (d < bestD) {
                bestD = d;
                bestQ = q;
            }
        }
        return new int[]{bestQ, bestD};
    }

    static int[] scaled(int quality) {
        int s = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] t = new int[64];
        for (int i = 0; i < 64; i++) {
            t[i] = Math.max(1, Math.min(255, (STD_LUMA[i] * s + 50) / 100));
        }
        return t;
    }
}
