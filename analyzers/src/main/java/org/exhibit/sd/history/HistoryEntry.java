package org.exhibit.sd.history;

import org.exhibit.evidence.Exhibit;
import org.exhibit.sd.GenerationRecord;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One output file of the creator's: the exhibit, what its name and time chunk say about when it was made, and its
 * generation record (the first one the file holds).
 *
 * @param exhibit  the file
 * @param name     its file name
 * @param counter  A1111's save counter from a name like {@code 00012-2692150200.png}, or null
 * @param nameSeed the seed in such a name, or null
 * @param time     PNG tIME or EXIF DateTimeOriginal, or null
 * @param record   the generation record
 */
public record HistoryEntry(Exhibit exhibit, String name, Long counter, Long nameSeed, Instant time,
                           GenerationRecord record) {

    /** A1111's default file name: a zero-padded counter, a dash, the seed (images.py save_image, "[seed]"). */
    private static final Pattern A1111_NAME = Pattern.compile("^(\\d{5,})-(\\d{1,20})(?:-.*)?\\.[A-Za-z]+$");

    public static HistoryEntry of(Exhibit exhibit, Instant time, GenerationRecord record) {
        String name = exhibit.path().substring(exhibit.path().lastIndexOf('/') + 1);
        Matcher m = A1111_NAME.matcher(name);
        Long counter = null;
        Long seed = null;
        if (m.matches()) {
            counter = Long.parseLong(m.group(1));
            try {
                seed = Long.parseLong(m.group(2));
            } catch (NumberFormatException tooLong) {
                seed = null;
            }
        }
        return new HistoryEntry(exhibit, name, counter, seed, time, record);
    }

    public Generation generation() {
        return Generation.of(record);
    }
}
