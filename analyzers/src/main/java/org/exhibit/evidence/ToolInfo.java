package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Which build of exhibit made a report. Read from the build-info resource Maven writes into the jar. */
@JsonPropertyOrder({"name", "version", "commit"})
public record ToolInfo(String name, String version, String commit) {

    private static final ToolInfo CURRENT = load();

    public static ToolInfo current() {
        return CURRENT;
    }

    private static ToolInfo load() {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("/org/exhibit/build-info.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String commit = p.getProperty("commit", "");
        if (commit.isBlank() || commit.startsWith("${")) {
            commit = "unknown";
        } else if ("true".equals(p.getProperty("dirty"))) {
            commit += "-dirty"; // built from uncommitted changes: the commit alone does not identify the code
        }
        return new ToolInfo("exhibit", p.getProperty("version", "dev"), commit);
    }
}
