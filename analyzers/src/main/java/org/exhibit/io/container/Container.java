package org.exhibit.io.container;

import java.util.List;

/** What one reader found in one container: its items in file order, and what was wrong. */
public interface Container {

    /** "PNG", "JPEG", "RIFF", "ISO-BMFF", "TIFF", "ID3v2", "FLAC", "Ogg", "GIF" */
    String format();

    /** Every item read, in file order (nested items after their parent). */
    List<? extends Item> items();

    /** Every problem met, in the order met. */
    List<Problem> problems();

    /** True when some bound of {@code Limits} stopped the reader somewhere. */
    default boolean limitReached() {
        return problems().stream().anyMatch(Problem::limitReached);
    }
}
