package org.exhibit.ocr;

import org.exhibit.evidence.Region;

/**
 * One line of text the OCR read.
 *
 * @param text       the characters, as recognised (not corrected)
 * @param confidence mean per-character probability of the recogniser, 0..1
 * @param box        where the line lies, in the read image's pixel grid
 */
public record TextLine(String text, double confidence, Region box) {
}
