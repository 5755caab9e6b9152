package org.exhibit.io;

/**
 * Bounds on what an input may cost us. Each guards one attack or accident: a file too large to hash in
 * reasonable time, an image whose header promises billions of pixels (decompression bomb), a compressed text
 * chunk or archive entry that inflates without end, an archive with millions of entries.
 *
 * @param maxFileBytes     largest input file accepted
 * @param maxPixels        largest image (width × height) decoded
 * @param maxInflatedBytes largest output of any one decompression (zTXt, iTXt, gzip, zip entry)
 * @param maxArchiveEntries most entries read from one archive
 */
public record Limits(long maxFileBytes, long maxPixels, long maxInflatedBytes, int maxArchiveEntries) {

    public static final Limits DEFAULT = new Limits(8L << 30, 200_000_000L, 64L << 20, 100_000);

    public Limits {
        if (maxFileBytes <= 0 || maxPixels <= 0 || maxInflatedBytes <= 0 || maxArchiveEntries <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public Limits withMaxPixels(long pixels) {
        return new Limits(maxFileBytes, pixels, maxInflatedBytes, maxArchiveEntries);
    }

    public Limits withMaxFileBytes(long bytes) {
        return new Limits(bytes, maxPixels, maxInflatedBytes, maxArchiveEntries);
    }
}
