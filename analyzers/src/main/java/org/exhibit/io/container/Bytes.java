package org.exhibit.io.container;

import java.nio.charset.StandardCharsets;

/** Byte-order helpers shared by the readers. */
public final class Bytes {

    private Bytes() {
    }

    public static int be16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    public static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    public static long be32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    public static long le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24;
    }

    public static long be64(byte[] b, int at) {
        return be32(b, at) << 32 | be32(b, at + 4);
    }

    public static int u24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    /** ID3v2 "syncsafe" integer: four bytes of seven bits each. */
    public static long syncsafe(byte[] b, int at) {
        return (b[at] & 0x7F) << 21 | (b[at + 1] & 0x7F) << 14 | (b[at + 2] & 0x7F) << 7 | (b[at + 3] & 0x7F);
    }

    public static void putBe32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    public static void putLe32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    public static String ascii(byte[] b, int at, int len) {
        return new String(b, at, len, StandardCharsets.ISO_8859_1);
    }

    public static boolean startsWith(byte[] b, int at, String prefix) {
        if (at < 0 || at + prefix.length() > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[at + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static int indexOf(byte[] hay, byte[] needle, int from) {
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

    /** First zero byte at or after {@code from}, or -1. */
    public static int indexOfNul(byte[] b, int from) {
        for (int i = Math.max(0, from); i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The four bytes as a type name when they are printable ASCII, else "(unnamed)". */
    public static String printable(String type) {
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "(unnamed)";
            }
        }
        return type;
    }
}
