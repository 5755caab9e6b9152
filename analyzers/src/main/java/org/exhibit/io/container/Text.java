package org.exhibit.io.container;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** How text stored in containers is decoded, in one place for every reader and caller. */
public final class Text {

    public static final String LATIN1 = "ISO-8859-1";
    public static final String UTF8 = "UTF-8";

    private Text() {
    }

    /**
     * Latin-1 is what PNG tEXt/zTXt and TIFF ASCII promise, but generators and label writers put UTF-8 there:
     * "UTF-8" when the bytes are valid UTF-8 with some byte above 0x7F, else "ISO-8859-1".
     */
    public static String latin1OrUtf8(byte[] b, int at, int len) {
        boolean ascii = true;
        for (int i = at; i < at + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return LATIN1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, at, len));
            return UTF8;
        } catch (CharacterCodingException e) {
            return LATIN1;
        }
    }

    public static String latin1OrUtf8(byte[] b) {
        return latin1OrUtf8(b, 0, b.length);
    }

    /** The bytes decoded as {@link #latin1OrUtf8(byte[], int, int)} decides. */
    public static String decode(byte[] b, int at, int len) {
        return new String(b, at, len, charset(latin1OrUtf8(b, at, len)));
    }

    public static String decode(byte[] b) {
        return decode(b, 0, b.length);
    }

    public static Charset charset(String encoding) {
        return UTF8.equals(encoding) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    public static String trimNul(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }
}
