package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JUMBF (ISO/IEC 19566-5) as C2PA stores it: ISO-BMFF boxes, where a superbox ({@code jumb}) starts with a
 * description box ({@code jumd}: 16-byte type UUID, toggles, NUL-terminated label when toggled) and holds content
 * boxes ({@code cbor}, {@code json}, {@code bidb}...) and further superboxes. The boxes are walked by {@link Bmff}
 * under the same {@link Limits}; this class only reads the descriptions.
 */
public final class Jumbf {

    public static final String FORMAT = "JUMBF";

    /**
     * A box of a JUMBF store.
     *
     * @param label        the description box's label (e.g. "c2pa.claim.v2") for a superbox, null for a content box
     *                     ("" when the description has no label)
     * @param start        offset of the box header within the store
     * @param length       total bytes of the box
     * @param headerLength bytes of its header
     * @param children     a superbox's boxes after its description box
     */
    public record Box(String label, String type, int start, int length, int headerLength, byte[] store,
                      List<Box> children) {
        /** The box body: a content box's content, or a superbox's bytes after its header. */
        public byte[] payload() {
            return Arrays.copyOfRange(store, start + headerLength, start + length);
        }

        /** The child superbox with this label, or null. */
        public Box child(String childLabel) {
            for (Box c : children) {
                if (childLabel.equals(c.label)) {
                    return c;
                }
            }
            return null;
        }

        /** The first content box of a superbox (the CBOR or JSON of an assertion, claim or signature). */
        public Box content() {
            for (Box c : children) {
                if (!c.type.equals("jumb")) {
                    return c;
                }
            }
            return null;
        }
    }

    /** The store's top-level boxes and what was wrong with them. */
    public record Store(List<Box> boxes, List<Problem> problems) {
    }

    private Jumbf() {
    }

    public static Store read(byte[] store, Limits limits) throws IOException {
        Bmff.File f = Bmff.read(ByteSource.of(store), 0, store.length, limits, FORMAT);
        List<Box> out = new ArrayList<>();
        for (Bmff.Box b : f.boxes()) {
            out.add(convert(store, b));
        }
        return new Store(out, f.problems());
    }

    private static Box convert(byte[] store, Bmff.Box b) {
        int start = (int) b.offset();
        int length = (int) b.length();
        if (!b.type().equals("jumb")) {
            return new Box(null, b.type(), start, length, b.headerLength(), store, List.of());
        }
        String label = null;
        List<Box> kids = List.of();
        if (!b.children().isEmpty() && b.children().get(0).type().equals("jumd")) {
            Bmff.Box d = b.children().get(0);
            label = description(store, (int) d.dataOffset(), (int) (d.offset() + d.length()));
            kids = new ArrayList<>();
            for (Bmff.Box c : b.children().subList(1, b.children().size())) {
                kids.add(convert(store, c));
            }
        }
        return new Box(label, b.type(), start, length, b.headerLength(), store, kids);
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
}
