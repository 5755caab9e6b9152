package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * FLAC metadata blocks (xiph.org FLAC format §METADATA_BLOCK): "fLaC", then blocks of a 4-byte header (last-block
 * flag, type, 24-bit length) up to the one flagged last; the audio frames after it are not read. The
 * VORBIS_COMMENT block (type 4) is decoded.
 */
public final class Flac {

    public static final String FORMAT = "FLAC";
    public static final int STREAMINFO = 0;
    public static final int VORBIS_COMMENT = 4;
    public static final int PICTURE = 6;

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> Bytes.startsWith(head, 0, "fLaC"), Flac::read);

    /** One metadata block. */
    public record Block(int blockType, boolean last, long offset, long dataLength, boolean truncated) implements Item {
        @Override
        public String type() {
            return switch (blockType) {
                case 0 -> "STREAMINFO";
                case 1 -> "PADDING";
                case 2 -> "APPLICATION";
                case 3 -> "SEEKTABLE";
                case 4 -> "VORBIS_COMMENT";
                case 5 -> "CUESHEET";
                case 6 -> "PICTURE";
                default -> "type " + blockType;
            };
        }

        @Override
        public long length() {
            return 4 + dataLength;
        }

        @Override
        public long dataOffset() {
            return offset + 4;
        }
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final List<Block> blocks;
        private final long audioOffset;

        File(Walk walk, List<Block> blocks, long audioOffset) {
            super(walk);
            this.blocks = Collections.unmodifiableList(blocks);
            this.audioOffset = audioOffset;
        }

        public List<Block> blocks() {
            return blocks;
        }

        @Override
        public List<Block> items() {
            return blocks;
        }

        /** Where the audio frames start, or -1 when the walk did not reach the last metadata block. */
        public long audioOffset() {
            return audioOffset;
        }

        /** The comments of every VORBIS_COMMENT block, in order. */
        public List<VorbisComments.Comment> comments() throws IOException {
            List<VorbisComments.Comment> out = new ArrayList<>();
            for (Block b : blocks) {
                if (b.blockType() == VORBIS_COMMENT && !b.truncated()) {
                    byte[] d = data(b);
                    if (d != null) {
                        long base = b.dataOffset();
                        out.addAll(VorbisComments.parse(walk, d, i -> base + i, b.type(), "FLAC VORBIS_COMMENT")
                                .comments());
                    }
                }
            }
            return out;
        }
    }

    private Flac() {
    }

    public static File read(ByteSource src, Limits limits) throws IOException {
        Walk w = new Walk(src, limits, FORMAT);
        List<Block> blocks = new ArrayList<>();
        long size = src.size();
        if (!Bytes.startsWith(src.readUpTo(0, 4), 0, "fLaC")) {
            w.problem(Problem.Kind.MALFORMED, FORMAT, 0, Math.min(size, 4), "The file does not start with \"fLaC\".");
            return new File(w, blocks, -1);
        }
        long p = 4;
        while (true) {
            if (p + 4 > size) {
                w.problem(Problem.Kind.TRUNCATED, FORMAT, p, size - p, "The FLAC file ends at byte " + size
                        + " inside its metadata blocks (no block is flagged last).");
                return new File(w, blocks, -1);
            }
            byte[] h = src.read(p, 4);
            int type = h[0] & 0x7F;
            boolean last = (h[0] & 0x80) != 0;
            long n = Bytes.be32(h, 0) & 0xFFFFFF;
            if (!w.admit(String.valueOf(type), p)) {
                return new File(w, blocks, -1);
            }
            if (p + 4 + n > size) {
                Block b = new Block(type, last, p, n, true);
                blocks.add(b);
                w.problem(Problem.Kind.TRUNCATED, b.type(), p, size - p, "The FLAC " + b.type() + " block at byte " + p
                        + " declares " + n + " bytes but the file ends first.");
                return new File(w, blocks, -1);
            }
            blocks.add(new Block(type, last, p, n, false));
            p += 4 + n;
            if (last) {
                return new File(w, blocks, p);
            }
        }
    }
}
