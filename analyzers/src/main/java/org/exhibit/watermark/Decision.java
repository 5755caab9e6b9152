package org.exhibit.watermark;

import org.exhibit.similarity.Alignment;

/**
 * What happened to the mark, decided from the alignment and the region measurements at fixed thresholds
 * (chosen on the benchmark corpus, where present and removed marks lie far apart: structure above 0.9 vs below
 * 0.3). The removal method is a description of what the pixels look like, not a separate claim.
 */
final class Decision {

    /** Structure correlation at or above which the mark's strokes are still there. */
    static final double PRESENT_STRUCTURE = 0.5;
    /** Coverage below which the mark's box lies mostly outside the accused frame. */
    static final double CROPPED_COVERAGE = 0.5;
    /** Clone match at or above which the box's content is a copy of a nearby patch. */
    static final double CLONE_MATCH = 0.6;
    /** Luma standard deviation (0..255) below which the box is one flat colour. */
    static final double FLAT_STD = 2.0;
    /** Ring noise (median |Laplacian|) below which the surroundings have too little texture to tell smoothing. */
    static final double MIN_RING_NOISE = 3.0;
    /** Fraction of the altered pixels that must be smoothed for a blur or an inpainting. */
    static final double SMOOTHED = 0.7;
    /** Altered-patch density at or above which the smoothing covered a rectangle (blur) rather than the mark's shape. */
    static final double BLUR_DENSITY = 0.72;

    enum Outcome {
        /** The two images do not show the same picture. */
        NOT_SAME_IMAGE("not the same image"),
        /** An alignment was found but is too weak to rely on. */
        INCONCLUSIVE("inconclusive"),
        /** The mark's box lies outside the accused frame. */
        CROPPED("cropped away"),
        /** The accused covers the box but the mark's strokes are gone. */
        REMOVED("removed in frame"),
        /** The mark's strokes are still there. */
        PRESENT("still present");

        final String words;

        Outcome(String words) {
            this.words = words;
        }
    }

    enum Method {
        CLONED("covered with a copy of a nearby patch"),
        FLAT_FILL("painted over with a flat colour"),
        BLURRED("blurred"),
        INPAINTED("filled by interpolation from its border (inpainting)"),
        UNKNOWN("altered by a method the measurements do not single out");

        final String words;

        Method(String words) {
            this.words = words;
        }
    }

    private Decision() {
    }

    static Outcome outcome(Alignment alignment, RegionMeasures m) {
        if (alignment.quality() == Alignment.Quality.NONE) {
            return Outcome.NOT_SAME_IMAGE;
        }
        if (!alignment.trustworthy() || m == null) {
            return Outcome.INCONCLUSIVE;
        }
        if (m.coverage() < CROPPED_COVERAGE) {
            return Outcome.CROPPED;
        }
        return m.structure() >= PRESENT_STRUCTURE ? Outcome.PRESENT : Outcome.REMOVED;
    }

    static Method method(RegionMeasures m) {
        if (m.cloneMatch() >= CLONE_MATCH) {
            return Method.CLONED;
        }
        if (m.flatness() < FLAT_STD) {
            return Method.FLAT_FILL;
        }
        if (m.ringNoise() < MIN_RING_NOISE) {
            return Method.UNKNOWN;
        }
        if (m.smoothed() < SMOOTHED) {
            return Method.UNKNOWN;
        }
        return m.density() >= BLUR_DENSITY ? Method.BLURRED : Method.INPAINTED;
    }
}
