package org.exhibit.label;

/** Text tests shared by the carrier pickers (decoding itself is {@link org.exhibit.io.container.Text}'s). */
final class Texts {

    private Texts() {
    }

    /** True when the text looks like a JSON object carrying an AIGC label (a cheap test before parsing). */
    static boolean holdsAigcObject(String s) {
        String t = s.strip();
        return t.startsWith("{") && t.contains("\"AIGC\"") || t.startsWith("{") && t.contains("\"Label\"")
                && t.contains("\"ContentProducer\"");
    }
}
