package org.exhibit.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JUMBF (ISO/IEC 19566-5) boxes as C2PA uses them: superboxes ({@code jumb}) that start with a description box
 * ({@code jumd}: type UUID, toggles, label) and hold content boxes ({@code cbor}, {@code json}, {@code bidb}...).
 *
 * @param label    the description box's label, e.g. "c2pa.claim.v2"; null for a content box
 * @param type     box type, e.g. "jumb", "cbor"
 * @param start    offset of the box header within the store
 * @param length   total bytes of the box
 * @param payload  the box body (content box) or the bytes after the header (superbox)
 * @param children content boxes and nested superboxes of a superbox, after its description box
 */
record Jumbf(String label, String type, int start, int length, byte[] payload, List<Jumbf> children) {

    static List<Jumbf> parse(byte[] b, int from, int to, int depth) throws IOException {
        if (depth > 16) {
            throw new IOException("JUMBF nested more than 16 levels");
        }
        List<Jumbf> out = new ArrayList<>();
        int p = from;
        while (p + 8 <= to) {
            long n = Bin.be32(b, p);
            String type = Bin.ascii(b, p + 4, 4);
            int header = 8;
            if (n == 1) {
                n = Bin.be64(b, p + 8);
                header = 16;
            } else if (n == 0) {
                n = to - p;
            }
            if (n < header || p + n > to) {
                throw new IOException("JUMBF box '" + type + "' at store byte " + p + " runs past its container");
            }
            int end = (int) (p + n);
            byte[] body = java.util.Arrays.copyOfRange(b, p + header, end);
            if (type.equals("jumb")) {
                String label = null;
                List<Jumbf> kids = List.of();
                int q = p + header;
                if (q + 8 <= end && Bin.ascii(b, q + 4, 4).equals("jumd")) {
                    int dLen = (int) Bin.be32(b, q);
                    label = description(b, q + 8, q + dLen);
                    kids = parse(b, q + dLen, end, depth + 1);
                }
                out.add(new Jumbf(label, type, p, (int) n, body, kids));
            } else {
                out.add(new Jumbf(null, type, p, (int) n, body, List.of()));
            }
            p = end;
        }
        return out;
    }

    /** The label of a description box body: 16-byte type, toggles byte, then a NUL-terminated label if toggled. */
    private static String description(byte[] b, int from, int to) {
        if (to - from < 17 || (b[from + 16] & 0x02) == 0) {
            return "";
        }
        int p = from + 17;
        int e = p;
        while (e < to && b[e] != 0) {
            e++;
        }
        return new String(b, p, e - p, StandardCharsets.UTF_8);
    }

    Jumbf child(String childLabel) {
        for (Jumbf c : children) {
            if (childLabel.equals(c.label)) {
                return c;
            }
        }
        return null;
    }

    /** The first content box of a superbox (the CBOR or JSON of an assertion, claim or signature). */
    Jumbf content() {
        for (Jumbf c : children) {
            if (!c.type.equals("jumb")) {
                return c;
            }
        }
        return null;
    }
}
