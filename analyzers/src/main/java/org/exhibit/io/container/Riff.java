package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * RIFF chunks (WebP, WAV, AVI): the form type and the chunk tree, each chunk with its offset and length; LIST
 * chunks are walked into (their media lists, AVI "movi", are located, not walked). The walk keeps to the size the
 * RIFF header declares; bytes after it are a {@link Problem.Kind#TRAILING} problem, a file that ends before it a
 * {@link Problem.Kind#TRUNCATED} one. Chunks are padded to an even length.
 */
public final class Riff {

    public static final String FORMAT = "RIFF";

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> head.length >= 12 && Bytes.startsWith(head, 0, "RIFF"), Riff::read);

    /**
     * One chunk: four-character id, 32-bit little-endian size, data, pad byte.
     *
     * @param listType for a LIST chunk, its list type ("INFO", "adtl", "hdrl"); else null
     * @param path      ids from the top, e.g. "LIST:INFO/ICMT"
     * @param truncated the chunk passes the end of the file or of its RIFF/LIST; {@link #length()} is clipped
     */
    public record Chunk(String id, String listType, String path, int depth, long offset, long length, long dataLength,
                        boolean truncated, List<Chunk> children) implements Item {
        @Override
        public String type() {
            return id;
        }

        @Override
        public long dataOffset() {
            return offset + 8;
        }

        public boolean isList(String type) {
            return id.equals("LIST") && type.equals(listType);
        }
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final String formType;
        private final long declaredEnd;
        private final List<Chunk> chunks;
        private final List<Chunk> all;

        File(Walk walk, String formType, long declaredEnd, List<Chunk> chunks) {
            super(walk);
            this.formType = formType;
            this.declaredEnd = declaredEnd;
            this.chunks = Collections.unmodifiableList(chunks);
            List<Chunk> flat = new ArrayList<>();
            flatten(chunks, flat);
            this.all = Collections.unmodifiableList(flat);
        }

        private static void flatten(List<Chunk> level, List<Chunk> out) {
            for (Chunk c : level) {
                out.add(c);
                flatten(c.children(), out);
            }
        }

        /** "WEBP", "WAVE", "AVI "... */
        public String formType() {
            return formType;
        }

        /** 8 + the RIFF header's size field. */
        public long declaredEnd() {
            return declaredEnd;
        }

        /** The top-level chunks (children within). */
        public List<Chunk> chunks() {
            return chunks;
        }

        /** Every chunk, depth first. */
        @Override
        public List<Chunk> items() {
            return all;
        }

        /** The first top-level chunk with this id, or null. */
        public Chunk first(String id) {
            return chunks.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
        }
    }

    private Riff() {
    }

    public static File read(ByteSource src, Limits limits) throws IOException {
        Walk w = new Walk(src, limits, FORMAT);
        long size = src.size();
        byte[] h = src.readUpTo(0, 12);
        if (h.length < 12 || !Bytes.startsWith(h, 0, "RIFF")) {
            w.problem(Problem.Kind.MALFORMED, FORMAT, 0, h.length, "The file does not start with a RIFF header.");
            return new File(w, "", h.length, List.of());
        }
        String form = Bytes.ascii(h, 8, 4);
        long declared = 8 + Bytes.le32(h, 4);
        long end = Math.min(declared, size);
        List<Chunk> chunks = new ArrayList<>();
        walk(w, 12, end, 0, "", label(form), chunks);
        if (declared > size && !w.hasTruncation()) {
            w.problem(Problem.Kind.TRUNCATED, FORMAT, 0, size, "The RIFF header declares " + declared
                    + " bytes but the file ends after " + size + ".");
        } else if (declared < size && declared >= 12) {
            w.problem(Problem.Kind.TRAILING, FORMAT, declared, size - declared, (size - declared)
                    + " bytes follow the end the RIFF header declares (byte " + declared + ").");
        }
        return new File(w, form, declared, chunks);
    }

    /** How messages name the file: "WebP", "WAV", "AVI", else "RIFF". */
    static String label(String form) {
        return switch (form) {
            case "WEBP" -> "WebP";
            case "WAVE" -> "WAV";
            case "AVI " -> "AVI";
            default -> "RIFF";
        };
    }

    private static void walk(Walk w, long from, long to, int depth, String parent, String label, List<Chunk> out)
            throws IOException {
        long pos = from;
        long fileEnd = w.size();
        while (pos + 8 <= to) {
            byte[] h = w.src.read(pos, 8);
            String id = Bytes.ascii(h, 0, 4);
            long n = Bytes.le32(h, 4);
            String path = parent.isEmpty() ? id : parent + "/" + id;
            if (!w.admit(path, pos)) {
                return;
            }
            if (pos + 8 + n > to) {
                boolean eof = pos + 8 + n > fileEnd;
                out.add(new Chunk(id, null, path, depth, pos, to - pos, n, true, List.of()));
                w.problem(eof ? Problem.Kind.TRUNCATED : Problem.Kind.OUT_OF_BOUNDS, path, pos, to - pos,
                        "The " + label + " " + Bytes.printable(id).strip() + " chunk at byte " + pos + " declares " + n
                                + " bytes but " + (eof ? "the file ends first." : "its "
                                + (parent.isEmpty() ? "RIFF" : parent) + " ends first."));
                return;
            }
            String listType = null;
            List<Chunk> children = List.of();
            if (id.equals("LIST") && n >= 4) {
                listType = Bytes.ascii(w.src.read(pos + 8, 4), 0, 4);
                if (!listType.equals("movi") && w.within(depth + 1, path, pos, 8 + n)) {
                    children = new ArrayList<>();
                    walk(w, pos + 12, pos + 8 + n, depth + 1, path + ":" + listType, label, children);
                }
            }
            out.add(new Chunk(id, listType, id.equals("LIST") && listType != null ? path + ":" + listType : path, depth,
                    pos, 8 + n, n, false, children));
            pos += 8 + n + (n & 1);
        }
        if (pos < to && to >= fileEnd && depth == 0) {
            w.problem(Problem.Kind.TRUNCATED, parent.isEmpty() ? FORMAT : parent, pos, to - pos, "The " + label + " ends inside"
                    + " a chunk header at byte " + pos + " (" + (to - pos) + " bytes left, 8 needed).");
        }
    }
}
