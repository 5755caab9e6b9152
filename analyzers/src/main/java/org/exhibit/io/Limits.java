package org.exhibit.io;

/**
 * Bounds on what an input may cost us. Each guards one attack or accident: a file too large to hash in
 * reasonable time, an image whose header promises billions of pixels (decompression bomb), a compressed text
 * chunk or archive entry that inflates without end, an archive with millions of entries, and, for every
 * container walked by {@code org.exhibit.io.container}, a length field, item count or nesting that would make a
 * reader allocate or recurse without end. Exceeding a bound is reported where it happens (a container problem,
 * then a finding); it never ends the analysis of the whole file.
 *
 * @param maxFileBytes      largest input file accepted
 * @param maxPixels         largest image (width × height) decoded
 * @param maxInflatedBytes  largest output of any one decompression (zTXt, iTXt, iCCP, ID3 frame, gzip, zip entry)
 * @param maxArchiveEntries most entries read from one archive
 * @param maxItemBytes      largest payload of one container item (chunk, segment, box, tag value, frame) read into
 *                          memory; larger items are located but not read
 * @param maxItems          most items (chunks, segments, boxes, IFD entries, frames, comments, pages) one container
 *                          walk lists
 * @param maxDepth          deepest nesting followed (boxes in boxes, sub-IFDs, RIFF lists, JUMBF superboxes)
 * @param maxTotalBytes     most bytes one container walk materialises in all (payloads read, text decoded, data
 *                          inflated, segments reassembled) from one file
 * @param maxScanBytes      most bytes searched for a byte signature outside any parsed structure (e.g. a PDF key)
 */
public record Limits(long maxFileBytes, long maxPixels, long maxInflatedBytes, int maxArchiveEntries,
                     long maxItemBytes, int maxItems, int maxDepth, long maxTotalBytes, long maxScanBytes) {

    public static final long DEFAULT_MAX_ITEM_BYTES = 64L << 20;
    public static final int DEFAULT_MAX_ITEMS = 1_000_000;
    public static final int DEFAULT_MAX_DEPTH = 32;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 256L << 20;
    public static final long DEFAULT_MAX_SCAN_BYTES = 256L << 20;

    public static final Limits DEFAULT = new Limits(8L << 30, 200_000_000L, 64L << 20, 100_000);

    public Limits {
        if (maxFileBytes <= 0 || maxPixels <= 0 || maxInflatedBytes <= 0 || maxArchiveEntries <= 0
                || maxItemBytes <= 0 || maxItems <= 0 || maxDepth <= 0 || maxTotalBytes <= 0 || maxScanBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The first four bounds as given; the container bounds at their defaults. */
    public Limits(long maxFileBytes, long maxPixels, long maxInflatedBytes, int maxArchiveEntries) {
        this(maxFileBytes, maxPixels, maxInflatedBytes, maxArchiveEntries, DEFAULT_MAX_ITEM_BYTES, DEFAULT_MAX_ITEMS,
                DEFAULT_MAX_DEPTH, DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_SCAN_BYTES);
    }

    public Limits withMaxPixels(long pixels) {
        return new Limits(maxFileBytes, pixels, maxInflatedBytes, maxArchiveEntries, maxItemBytes, maxItems, maxDepth,
                maxTotalBytes, maxScanBytes);
    }

    public Limits withMaxFileBytes(long bytes) {
        return new Limits(bytes, maxPixels, maxInflatedBytes, maxArchiveEntries, maxItemBytes, maxItems, maxDepth,
                maxTotalBytes, maxScanBytes);
    }

    public Limits withMaxInflatedBytes(long bytes) {
        return new Limits(maxFileBytes, maxPixels, bytes, maxArchiveEntries, maxItemBytes, maxItems, maxDepth,
                maxTotalBytes, maxScanBytes);
    }

    public Limits withMaxItemBytes(long bytes) {
        return new Limits(maxFileBytes, maxPixels, maxInflatedBytes, maxArchiveEntries, bytes, maxItems, maxDepth,
                maxTotalBytes, maxScanBytes);
    }

    public Limits withMaxItems(int items) {
        return new Limits(maxFileBytes, maxPixels, maxInflatedBytes, maxArchiveEntries, maxItemBytes, items, maxDepth,
                maxTotalBytes, maxScanBytes);
    }

    public Limits withMaxDepth(int depth) {
        return new Limits(maxFileBytes, maxPixels, maxInflatedBytes, maxArchiveEntries, maxItemBytes, maxItems, depth,
                maxTotalBytes, maxScanBytes);
    }

    public Limits withMaxTotalBytes(long bytes) {
        return new Limits(maxFileBytes, maxPixels, maxInflatedBytes, maxArchiveEntries, maxItemBytes, maxItems, maxDepth,
                bytes, maxScanBytes);
    }
}
