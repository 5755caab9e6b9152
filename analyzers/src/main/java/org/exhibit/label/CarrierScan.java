package org.exhibit.label;

import java.util.ArrayList;
import java.util.List;

/**
 * What the carrier readers found in one file, before interpretation: candidate GB 45438 label texts, XMP packets,
 * C2PA manifest stores, and the list of carriers that were looked at (so "nothing found" can say where it looked).
 */
public final class CarrierScan {

    /** A text stored under the key AIGC (or a text that holds an AIGC object), with where it lies. */
    public record LabelText(Located where, String text) {
    }

    /**
     * A whole XMP packet, the carrier it lies in, and the file offset of its first byte (-1 when it was
     * decompressed, so its bytes have no place in the file).
     */
    public record XmpPacket(Located where, byte[] bytes, long dataOffset) {
    }

    /**
     * A C2PA manifest store (JUMBF). {@code jumbf} is the store reassembled; {@code where} covers the carrier
     * bytes in the file (for a JPEG, the first to the last APP11 segment).
     */
    public record C2paStore(Located where, byte[] jumbf) {
    }

    public final String format;
    public final List<LabelText> labels = new ArrayList<>();
    public final List<XmpPacket> xmp = new ArrayList<>();
    public final List<C2paStore> c2pa = new ArrayList<>();
    public final List<String> searched = new ArrayList<>();
    public final List<String> problems = new ArrayList<>();

    public CarrierScan(String format) {
        this.format = format;
    }
}
