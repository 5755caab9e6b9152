package org.exhibit.similarity;

import java.util.Arrays;

/**
 * A 256-bit hash. Bit k is worth 2^k; the hex form is the 64-digit big-endian number, which is how PDQ's
 * reference implementation writes its hashes (16-bit words, most significant first).
 */
public final class Hash256 {

    private final long[] words = new long[4]; // words[0] holds bits 0..63

    private Hash256() {
    }

    public static Hash256 of(boolean[] bits) {
        if (bits.length != 256) {
            throw new IllegalArgumentException("256 bits expected");
        }
        Hash256 h = new Hash256();
        for (int k = 0; k < 256; k++) {
            if (bits[k]) {
                h.words[k >> 6] |= 1L << (k & 63);
            }
        }
        return h;
    }

    public static Hash256 fromHex(String hex) {
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("a 256-bit hash is 64 hex digits: " + hex);
        }
        Hash256 h = new Hash256();
        for (int w = 0; w < 4; w++) {
            h.words[3 - w] = Long.parseUnsignedLong(hex.substring(w * 16, w * 16 + 16), 16);
        }
        return h;
    }

    public boolean bit(int k) {
        return (words[k >> 6] >>> (k & 63) & 1) != 0;
    }

    public int distance(Hash256 other) {
        int d = 0;
        for (int i = 0; i < 4; i++) {
            d += Long.bitCount(words[i] ^ other.words[i]);
        }
        return d;
    }

    public String hex() {
        return String.format("%016x%016x%016x%016x", words[3], words[2], words[1], words[0]);
    }

    @Override
    public String toString() {
        return hex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash256 h && Arrays.equals(h.words, words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }
}
