package org.exhibit.sd.history;

import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Jpeg;
import org.exhibit.io.container.Png;
import org.exhibit.io.container.Riff;
import org.exhibit.io.container.Tiff;
import org.exhibit.io.container.Webp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The time a file records of its own making: PNG tIME (UTC by the PNG spec) or EXIF DateTimeOriginal (local time
 * of the writer; read as UTC, which keeps the order within one writer), from PNG eXIf, JPEG APP1, WebP EXIF or a
 * TIFF. Read through the container layer under {@link Limits}; a tIME chunk is taken as metadata-extractor gives it
 * ("yyyy:MM:dd HH:mm:ss"), so the order is the one that reader gave.
 */
public final class RecordedTime {

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private RecordedTime() {
    }

    /** The recorded time, or null when the file records none or cannot be read for it. */
    public static Instant of(Path file) {
        return of(file, Limits.DEFAULT);
    }

    public static Instant of(Path file, Limits limits) {
        try (ByteSource src = ByteSource.open(file)) {
            byte[] head = src.readUpTo(0, 16);
            List<Tiff.File> exif = new ArrayList<>();
            if (Png.READER.accepts(head)) {
                Png.File png = Png.read(src, limits);
                for (Png.Chunk c : png.chunks("tIME")) {
                    Instant t = c.truncated() || c.dataLength() != 7 ? null : parse(time(png.data(c)));
                    if (t != null) {
                        return t;
                    }
                }
                for (Png.Chunk c : png.chunks("eXIf")) {
                    if (!c.truncated()) {
                        exif.add(Tiff.exif(png, c.dataOffset(), c.dataLength(), "PNG eXIf"));
                    }
                }
            } else if (Jpeg.READER.accepts(head)) {
                Jpeg.File jpeg = Jpeg.read(src, limits);
                for (Jpeg.Segment s : jpeg.segments()) {
                    if (!s.truncated() && s.isApp(1) && Jpeg.EXIF_ID.equals(s.identifier())) {
                        long[] block = Jpeg.File.exifBlock(s);
                        exif.add(Tiff.read(jpeg, block[0], block[1], "JPEG APP1"));
                    }
                }
            } else if (Webp.isWebp(head)) {
                Riff.File webp = Riff.read(src, limits);
                for (Riff.Chunk c : webp.chunks()) {
                    if (!c.truncated() && c.id().equals("EXIF")) {
                        exif.add(Tiff.exif(webp, c.dataOffset(), c.dataLength(), "WebP EXIF"));
                    }
                }
            } else if (Tiff.READER.accepts(head)) {
                exif.add(Tiff.read(src, 0, src.size(), limits, "TIFF"));
            }
            for (Tiff.File t : exif) {
                for (Tiff.Entry e : t.items()) {
                    if (e.ifd().endsWith("/Exif") && e.tag() == Tiff.DATE_TIME_ORIGINAL && e.fieldType() == 2) {
                        Instant i = parse(t.ascii(e));
                        if (i != null) {
                            return i;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // the record reader reports the file's problems; a missing time only weakens the ordering
        }
        return null;
    }

    /** tIME (year 2 bytes, month, day, hour, minute, second) as "yyyy:MM:dd HH:mm:ss"; null when not a valid time. */
    private static String time(byte[] d) {
        if (d == null || d.length != 7) {
            return null;
        }
        int year = (d[0] & 0xFF) << 8 | (d[1] & 0xFF);
        int hour = d[4] & 0xFF;
        int minute = d[5] & 0xFF;
        int second = d[6] & 0xFF;
        try {
            java.time.LocalDate.of(year, d[2] & 0xFF, d[3] & 0xFF);
        } catch (java.time.DateTimeException e) {
            return null;
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return String.format("%04d:%02d:%02d %02d:%02d:%02d", year, d[2] & 0xFF, d[3] & 0xFF, hour, minute, second);
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
