package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Ogg pages (RFC 3533) up to the end of the codec's header packets: each page's offset and length, and the second
 * packet (the comment header of Vorbis "\3vorbis" or Opus "OpusTags") reassembled across pages with the file offset
 * of each of its bytes. Pages after the header packets, the audio, are not walked.
 */
public final class Ogg {

    public static final String FORMAT = "Ogg";
    /** Packets walked: identification and comment header. */
    static final int HEADER_PACKETS = 2;

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> Bytes.startsWith(head, 0, "OggS"), Ogg::read);

    /** One page: 27-byte header, segment table, segments. */
    public record Page(long offset, long length, int headerType, int serial, long sequence, int segments,
                       boolean truncated) implements Item {
        @Override
        public String type() {
            return "OggS";
        }

        @Override
        public long dataOffset() {
            return offset + 27 + segments;
        }

        @Override
        public long dataLength() {
            return length - 27 - segments;
        }
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final List<Page> pages;
        private final byte[] commentPacket;
        private final List<long[]> runs;

        File(Walk walk, List<Page> pages, byte[] commentPacket, List<long[]> runs) {
            super(walk);
            this.pages = Collections.unmodifiableList(pages);
            this.commentPacket = commentPacket;
            this.runs = runs;
        }

        public List<Page> pages() {
            return pages;
        }

        @Override
        public List<Page> items() {
            return pages;
        }

        /** The second packet, or null when the file ends before it or it passes the bounds. */
        public byte[] commentPacket() {
            return commentPacket;
        }

        /** The file offset of byte {@code i} of the comment packet. */
        public long fileOffset(int i) {
            long[] run = runs.get(0);
            for (long[] r : runs) {
                if (r[0] <= i) {
                    run = r;
                } else {
                    break;
                }
            }
            return run[1] + (i - run[0]);
        }

        /** The comments of a Vorbis or Opus comment header; empty for other codecs. */
        public List<VorbisComments.Comment> comments() {
            byte[] b = commentPacket;
            if (b == null) {
                return List.of();
            }
            int skip = Bytes.startsWith(b, 0, "\3vorbis") ? 7 : Bytes.startsWith(b, 0, "OpusTags") ? 8 : -1;
            if (skip < 0) {
                return List.of();
            }
            byte[] list = java.util.Arrays.copyOfRange(b, skip, b.length);
            return VorbisComments.parse(walk, list, i -> fileOffset(i + skip), "comment header",
                    "Ogg comment header").comments();
        }
    }

    private Ogg() {
    }

    public static File read(ByteSource src, Limits limits) throws IOException {
        Walk w = new Walk(src, limits, FORMAT);
        List<Page> pages = new ArrayList<>();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        List<long[]> runs = new ArrayList<>(); // [index in packet, file offset] where each contiguous part starts
        boolean refused = false;
        int packetNo = 0;
        long p = 0;
        long size = src.size();
        while (packetNo < HEADER_PACKETS) {
            if (p + 27 > size) {
                w.problem(Problem.Kind.TRUNCATED, FORMAT, p, size - p, p >= size
                        ? "The Ogg file ends at byte " + p + " before its header packets are complete."
                        : "The Ogg file ends inside a page header at byte " + p + ".");
                break;
            }
            byte[] h = src.read(p, 27);
            if (!Bytes.startsWith(h, 0, "OggS")) {
                w.problem(Problem.Kind.MALFORMED, FORMAT, p, 0, "Ogg page expected at byte " + p);
                break;
            }
            if (!w.admit("page", p)) {
                break;
            }
            int segs = h[26] & 0xFF;
            if (p + 27 + segs > size) {
                pages.add(new Page(p, size - p, h[5] & 0xFF, (int) Bytes.le32(h, 14), Bytes.le32(h, 18), segs, true));
                w.problem(Problem.Kind.TRUNCATED, "page", p, size - p, "The Ogg page at byte " + p
                        + " ends inside its segment table.");
                break;
            }
            byte[] table = src.read(p + 27, segs);
            long total = 27 + segs;
            for (byte b : table) {
                total += b & 0xFF;
            }
            boolean cut = p + total > size;
            pages.add(new Page(p, cut ? size - p : total, h[5] & 0xFF, (int) Bytes.le32(h, 14), Bytes.le32(h, 18),
                    segs, cut));
            long data = p + 27 + segs;
            for (int i = 0; i < segs && packetNo < HEADER_PACKETS; i++) {
                int len = table[i] & 0xFF;
                if (packetNo == 1 && !refused) {
                    if (data + len > size) {
                        break;
                    }
                    if (packet.size() + len > limits.maxItemBytes()
                            || !w.charge(len, "comment header", "Ogg comment header", data, len)) {
                        if (packet.size() + len > limits.maxItemBytes()) {
                            w.problem(Problem.Kind.TOO_LARGE, "comment header", data, len, "The Ogg comment header "
                                    + "passes the limit of " + limits.maxItemBytes() + " bytes at byte " + data
                                    + "; it was not read.");
                        }
                        refused = true;
                    } else {
                        runs.add(new long[]{packet.size(), data});
                        packet.writeBytes(src.read(data, len));
                    }
                }
                data += len;
                if (len < 255) {
                    packetNo++;
                }
            }
            if (cut) {
                w.problem(Problem.Kind.TRUNCATED, "page", p, size - p, "The Ogg page at byte " + p + " declares "
                        + total + " bytes but the file ends first.");
                break;
            }
            p += total;
        }
        boolean complete = packetNo >= HEADER_PACKETS && !refused && !runs.isEmpty();
        return new File(w, pages, complete ? packet.toByteArray() : null, runs);
    }
}
