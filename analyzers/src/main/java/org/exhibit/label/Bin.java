package org.exhibit.label;

import java.nio.charset.StandardCharsets;

/** Byte-order helpers for the container walkers. */
final class Bin {

    private Bin() {
    }

    static long be32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static int be16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static long be64(byte[] b, int at) {
        return be32(b, at) << 32 | be32(b, at + 4);
    }

    static long le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24;
    }

    static String ascii(byte[] b, int at, int len) {
        return new String(b, at, len, StandardCharsets.ISO_8859_1);
    }

    static void putBe32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putLe32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    static boolean startsWith(byte[] b, int at, String prefix) {
        if (at + prefix.length() > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[at + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
