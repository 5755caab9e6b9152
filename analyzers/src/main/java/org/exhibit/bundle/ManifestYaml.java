package org.exhibit.bundle;

import org.exhibit.analysis.Roles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.exhibit.io.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code exhibit.yaml}. Reading is strict: an unknown key, a wrong type, a missing field, an
 * unknown role, or a date that is not an ISO-8601 instant is refused with the line it is on
 * ("exhibit.yaml:12: exhibits[1]: unknown role 'acused' (known: ...)"). Checks that need the bag and the
 * analysis registry are made by {@link Bundle}, with lines from {@link Parsed#line}.
 */
public final class ManifestYaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private static final long MAX_BYTES = 1 << 20;

    private ManifestYaml() {
    }

    /** A manifest with the line each part of it was on, for error messages. */
    public record Parsed(CaseManifest manifest, Path file, Map<String, Integer> lines) {

        /** Line of a JSON pointer like "/exhibits/1/role", falling back to its nearest parent; 0 if unknown. */
        public int line(String pointer) {
            for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
                Integer l = lines.get(p);
                if (l != null) {
                    return l;
                }
                if (p.isEmpty()) {
                    return 0;
                }
            }
        }

        public InputException error(String pointer, String problem) {
            return new InputException(Path.of(file + ":" + line(pointer)), where(pointer) + problem);
        }
    }

    public static Parsed read(Path file) throws InputException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(file, "is over " + MAX_BYTES + " bytes; a case manifest is a short text");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        Map<String, Integer> lines = lines(file, text);
        CaseManifest m;
        try {
            m = MAPPER.readValue(text, CaseManifest.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : " (known: " + e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
            throw at(file, lineOf(e, lines), "unknown key '" + e.getPropertyName() + "'" + known);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw at(file, lineOf(e, lines), where(pointerOf(e)) + plain(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw at(file, e.getLocation(), e.getOriginalMessage().replaceAll("\\s+", " ")
                    .replaceAll(" \\(for Object.*", "").replaceAll("`org\\.exhibit\\.bundle\\.CaseManifest\\$?", "`"));
        }
        if (m == null) {
            throw new InputException(file, "is empty");
        }
        Parsed parsed = new Parsed(m, file, lines);
        validate(parsed);
        return parsed;
    }

    public static byte[] write(CaseManifest m) {
        try {
            return ("# exhibit case manifest: see `exhibit bundle --help`. Sealed by the bag's tag manifest.\n"
                    + MAPPER.writeValueAsString(m)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest not serialisable", e);
        }
    }

    private static void validate(Parsed p) throws InputException {
        CaseManifest m = p.manifest();
        if (m.format() != CaseManifest.FORMAT) {
            throw p.error("/exhibit-manifest", "exhibit-manifest must be " + CaseManifest.FORMAT + ", is " + m.format());
        }
        if (m.caseName() == null || m.caseName().isBlank()) {
            throw p.error("/case", "'case' (the case name) is required");
        }
        if (m.date() == null) {
            throw p.error("/date", "'date' (when the bundle was made, e.g. 2026-11-20T09:00:00Z) is required");
        }
        try {
            Instant.parse(m.date());
        } catch (DateTimeParseException e) {
            throw p.error("/date", "date '" + m.date() + "' is not an ISO-8601 UTC instant like 2026-11-20T09:00:00Z");
        }
        Set<String> files = new HashSet<>();
        for (int i = 0; i < m.exhibits().size(); i++) {
            CaseManifest.ExhibitEntry e = m.exhibits().get(i);
            String at = "/exhibits/" + i;
            if (e.file() == null || e.file().isBlank()) {
                throw p.error(at, "'file' (path under data/) is required");
            }
            if (!files.add(e.file())) {
                throw p.error(at + "/file", "file '" + e.file() + "' is listed twice");
            }
            if (e.role() == null || !Roles.known(e.role())) {
                throw p.error(at + "/role", (e.role() == null ? "'role' is required" : "unknown role '" + e.role() + "'")
                        + " (known: " + String.join(", ", Roles.all().keySet()) + ")");
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < m.analyses().size(); i++) {
            CaseManifest.Step s = m.analyses().get(i);
            if (s.analysis() == null || s.analysis().isBlank()) {
                throw p.error("/analyses/" + i, "'analysis' is required");
            }
            if (!ids.add(s.name())) {
                throw p.error("/analyses/" + i, "two analyses are named '" + s.name() + "'; give one an 'id'");
            }
        }
        Set<String> checkIds = new HashSet<>();
        for (int i = 0; i < m.checks().size(); i++) {
            CaseManifest.Check c = m.checks().get(i);
            String at = "/checks/" + i;
            if (c.id() == null || c.id().isBlank() || c.rule() == null || c.rule().isBlank()) {
                throw p.error(at, "a check needs an 'id' and a 'rule'");
            }
            if (!org.exhibit.analysis.Rules.matchesAny(c.rule())) {
                throw p.error(at + "/rule", "no finding has rule '" + c.rule() + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(org.exhibit.analysis.Rules.KNOWN)) + ")");
            }
            if (!checkIds.add(c.id())) {
                throw p.error(at + "/id", "check id '" + c.id() + "' is used twice");
            }
            for (String v : new String[]{c.verdictAtLeast(), c.verdictAtMost()}) {
                if (v != null && Policy.verdict(v) == null) {
                    throw p.error(at, "unknown verdict '" + v + "' (known: info, inconclusive, contradicts, "
                            + "indicates, strongly-indicates)");
                }
            }
            if ((c.min() != null || c.max() != null) && c.measurement() == null) {
                throw p.error(at, "'min'/'max' need a 'measurement'");
            }
            if (c.verdictAtLeast() == null && c.verdictAtMost() == null && c.measurement() == null) {
                throw p.error(at, "a check needs a bound: verdict-at-least, verdict-at-most, or measurement with min/max");
            }
        }
    }

    private static InputException at(Path file, JsonLocation loc, String problem) {
        return at(file, loc == null ? 0 : loc.getLineNr(), problem);
    }

    private static InputException at(Path file, int line, String problem) {
        return new InputException(Path.of(file + (line > 0 ? ":" + line : "")), problem);
    }

    /** Jackson's binding message in the manifest's terms: "expected a list, found a number". */
    private static String plain(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?s)Cannot (?:deserialize|construct instance of) (?:value of type )?`([^`]+)`.*?from ([A-Za-z]+) value.*")
                .matcher(message);
        if (!m.matches()) {
            return message.replaceAll("\\s+", " ").replaceAll("`?org\\.exhibit\\.bundle\\.CaseManifest\\$?", "`");
        }
        String type = m.group(1);
        String expected = type.contains("List") ? "a list" : type.contains("Map") ? "a mapping (key: value)"
                : type.contains("String") ? "text" : type.matches(".*(Double|Integer|int|double).*") ? "a number"
                : type.contains("CaseManifest") ? "a mapping (key: value)" : type;
        String found = switch (m.group(2)) {
            case "Integer", "Double", "Float", "Long" -> "a number";
            case "String" -> "text";
            case "Array" -> "a list";
            case "Object" -> "a mapping";
            default -> m.group(2).toLowerCase(java.util.Locale.ROOT);
        };
        return "expected " + expected + ", found " + found;
    }

    private static String pointerOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return pointer.toString();
    }

    /** The line of the key a binding error is about (Jackson's own location is where the parser stopped). */
    private static int lineOf(com.fasterxml.jackson.databind.JsonMappingException e, Map<String, Integer> lines) {
        Integer line = lines.get(pointerOf(e));
        return line != null ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "" : pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.') + ": ";
    }

    /** JSON pointer of every key and array item → the line it starts on (1-based). */
    private static Map<String, Integer> lines(Path file, String text) throws InputException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            for (JsonToken t; (t = parser.nextToken()) != null; ) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart()) {
                    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw at(file, e.getLocation(), "is not valid YAML: " + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        return lines;
    }
}
