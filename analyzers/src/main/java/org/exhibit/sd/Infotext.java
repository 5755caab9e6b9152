package org.exhibit.sd;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AUTOMATIC1111 "infotext" grammar, parsed exactly as the webui parses it
 * ({@code modules/infotext_utils.py: parse_generation_parameters}): strip the text, split on "\n"; the last line
 * holds the parameters if {@link #PARAM} finds at least 3 pairs in it, otherwise it is prompt text; lines up to
 * one starting with "Negative prompt:" are the prompt, that line and all after it the negative prompt (each
 * line stripped, joined with "\n"); a value in double quotes is JSON-unquoted. Forge, SD.Next, Fooocus' A1111
 * mode and many extensions write the same grammar.
 *
 * <p>Two deliberate differences, both to lose nothing: a pair with an empty value is kept (the webui's loop
 * skips it with an IndexError), and every pair is kept in order even when a key repeats.
 */
public final class Infotext {

    /** The webui's re_param_code; Python's str patterns are Unicode-aware and "$" ignores only a final "\n". */
    static final Pattern PARAM = Pattern.compile("\\s*(\\w[\\w \\-/]+):\\s*(\"(?:\\\\.|[^\\\\\"])+\"|[^,]*)(?:,|$)",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);
    static final Pattern IMAGE_SIZE = Pattern.compile("^(\\d+)x(\\d+)$");
    private static final String NEGATIVE = "Negative prompt:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Infotext() {
    }

    /** The parts of an infotext, before mapping to a {@link GenerationRecord}. */
    public record Parsed(String prompt, String negativePrompt, List<Param> params) {
    }

    /** Parses {@code text}; param offsets index into {@code text} as given. */
    public static Parsed parse(String text) {
        int lead = 0;
        while (lead < text.length() && isPySpace(text.charAt(lead))) {
            lead++;
        }
        String x = pyStrip(text);
        String[] split = x.split("\n", -1);
        List<String> lines = new ArrayList<>(List.of(split).subList(0, split.length - 1));
        String lastLine = split[split.length - 1];
        int lastLineStart = lead + x.length() - lastLine.length();
        if (count(lastLine) < 3) {
            lines.add(lastLine);
            lastLine = "";
        }
        StringBuilder prompt = new StringBuilder();
        StringBuilder negative = new StringBuilder();
        boolean doneWithPrompt = false;
        boolean firstPrompt = true;
        boolean firstNegative = true;
        for (String raw : lines) {
            String line = pyStrip(raw);
            if (line.startsWith(NEGATIVE)) {
                doneWithPrompt = true;
                line = pyStrip(line.substring(NEGATIVE.length()));
            }
            if (doneWithPrompt) {
                negative.append(firstNegative ? "" : "\n").append(line);
                firstNegative = false;
            } else {
                prompt.append(firstPrompt ? "" : "\n").append(line);
                firstPrompt = false;
            }
        }
        List<Param> params = new ArrayList<>();
        Matcher m = PARAM.matcher(lastLine);
        while (m.find()) {
            String v = m.group(2);
            if (!v.isEmpty() && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
                v = unquote(v);
            }
            params.add(new Param(m.group(1), v, lastLineStart + m.start(1), m.end(2) - m.start(1)));
        }
        return new Parsed(prompt.toString(), negative.toString(), params);
    }

    /**
     * Whether {@code text} has an infotext's shape: a parameter line the webui would parse (≥ 3 pairs on the last
     * line) that states {@code Steps}, which every A1111-grammar writer records. Free text ("Holiday in Rome"),
     * a camera's binary UserComment or a caption with a colon or two is not a generation record.
     */
    public static boolean looksLikeInfotext(String text) {
        String[] split = pyStrip(text).split("\n", -1);
        String last = split[split.length - 1];
        if (count(last) < 3) {
            return false;
        }
        Matcher m = PARAM.matcher(last);
        while (m.find()) {
            if (m.group(1).equals("Steps")) {
                return true;
            }
        }
        return false;
    }

    /** The webui's quote(): values with ",", ":" or a newline become JSON strings (ensure_ascii=False). */
    public static String quote(String value) {
        if (!value.contains(",") && !value.contains("\n") && !value.contains(":")) {
            return value;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unquote(String v) {
        try {
            Object o = JSON.readValue(v, Object.class);
            return o instanceof String s ? s : v;
        } catch (IOException e) {
            return v; // the webui keeps the text as written when json.loads fails
        }
    }

    private static int count(String line) {
        Matcher m = PARAM.matcher(line);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Python's str.isspace(), which str.strip() uses. */
    static boolean isPySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static String pyStrip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isPySpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isPySpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }
}
