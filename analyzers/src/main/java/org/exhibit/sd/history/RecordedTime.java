package org.exhibit.sd.history;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.png.PngDirectory;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time a file records of its own making: PNG tIME (UTC by the PNG spec) or EXIF DateTimeOriginal (local time
 * of the writer; read as UTC, which keeps the order within one writer). Read with metadata-extractor.
 */
public final class RecordedTime {

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private RecordedTime() {
    }

    /** The recorded time, or null when the file records none or cannot be read for it. */
    public static Instant of(Path file) {
        try {
            Metadata m = ImageMetadataReader.readMetadata(file.toFile());
            for (Directory d : m.getDirectoriesOfType(PngDirectory.class)) {
                Instant t = parse(d.getString(PngDirectory.TAG_LAST_MODIFICATION_TIME));
                if (t != null) {
                    return t;
                }
            }
            for (Directory d : m.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
                Instant t = parse(d.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
                if (t != null) {
                    return t;
                }
            }
        } catch (Exception unreadable) {
            // the record reader reports the file's problems; a missing time only weakens the ordering
        }
        return null;
    }

    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), EXIF).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
