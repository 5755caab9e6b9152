package org.exhibit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.exhibit.evidence.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The canonical JSON form. Byte-deterministic: properties in declared order, map keys sorted, two-space
 * indent, "\n" line ends on every platform, UTF-8, trailing newline.
 */
public final class JsonReportWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private JsonReportWriter() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Report report) {
        return toJson(report).getBytes(StandardCharsets.UTF_8);
    }

    public static String toJson(Object value) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("report not serialisable", e);
        }
    }
}
