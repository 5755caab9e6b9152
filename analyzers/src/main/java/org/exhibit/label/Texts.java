package org.exhibit.label;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text decoding shared by the carrier readers. */
final class Texts {

    private Texts() {
    }

    /**
     * Latin-1 is what PNG tEXt and TIFF ASCII promise, but label writers put UTF-8 there (Chinese producer
     * names): bytes that are valid UTF-8 with any byte above 0x7F are read as UTF-8.
     */
    static String latin1OrUtf8(byte[] b, int at, int len) {
        boolean high = false;
        for (int i = at; i < at + len; i++) {
            high |= b[i] < 0;
        }
        if (high) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, at, len)).toString();
            } catch (CharacterCodingException e) {
                // not UTF-8: the spec's Latin-1 stands
            }
        }
        return new String(b, at, len, StandardCharsets.ISO_8859_1);
    }

    static String trimNul(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    /** True when the text looks like a JSON object carrying an AIGC label (a cheap test before parsing). */
    static boolean holdsAigcObject(String s) {
        String t = s.strip();
        return t.startsWith("{") && t.contains("\"AIGC\"") || t.startsWith("{") && t.contains("\"Label\"")
                && t.contains("\"ContentProducer\"");
    }
}
