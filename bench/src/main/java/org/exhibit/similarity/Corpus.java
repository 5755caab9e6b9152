package org.exhibit.similarity;

import org.exhibit.fixtures.Scenes;
import org.exhibit.fixtures.Transforms;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The similarity benchmark's labelled pairs, generated from a seed: source pictures from {@link Scenes}, each
 * paired with edited copies of itself (positives) and with other sources or their edits (negatives).
 */
final class Corpus {

    /** One labelled pair. */
    record Pair(String edit, BufferedImage original, BufferedImage accused, boolean copy) {
    }

    static final String[] EDITS = {"crop", "resize", "jpeg", "rotate-small", "rotate-90", "flip", "colour-shift",
            "blur", "text-overlay", "strip-removed", "pasted-into", "crop+jpeg"};

    private Corpus() {
    }

    static List<Pair> generate(long seed, int sources) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<BufferedImage> src = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            int w = 360 + rnd.nextInt(5) * 40, h = 270 + rnd.nextInt(5) * 30;
            src.add(Scenes.draw(w, h, rnd.nextLong()));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            BufferedImage o = src.get(i);
            for (String edit : EDITS) {
                pairs.add(new Pair(edit, o, edit(edit, o, src.get((i + 1) % sources), rnd), true));
            }
            for (int k = 0; k < EDITS.length; k++) {
                int j = (i + 1 + k % (sources - 1)) % sources; // each other picture in turn, never i itself
                BufferedImage other = src.get(j);
                BufferedImage canvas = src.get((j + 1) % sources == i ? (j + 2) % sources : (j + 1) % sources);
                BufferedImage accused = k % 2 == 0 ? other : edit(EDITS[k], other, canvas, rnd);
                pairs.add(new Pair(k % 2 == 0 ? "different" : "different+" + EDITS[k], o, accused, false));
            }
        }
        return pairs;
    }

    static BufferedImage edit(String edit, BufferedImage o, BufferedImage other, SplittableRandom rnd) {
        int w = o.getWidth(), h = o.getHeight();
        return switch (edit) {
            case "crop" -> Transforms.cropFraction(o, rnd.nextDouble(0.3, 0.9), rnd.nextDouble(), rnd.nextDouble());
            case "resize" -> Transforms.resize(o, (int) (w * rnd.nextDouble(0.4, 1.6)), (int) (h * rnd.nextDouble(0.4, 1.6)));
            case "jpeg" -> Transforms.jpeg(o, 30 + rnd.nextInt(66));
            case "rotate-small" -> Transforms.rotate(o, rnd.nextDouble(-5, 5));
            case "rotate-90" -> Transforms.rotate(o, rnd.nextBoolean() ? 90 : -90);
            case "flip" -> Transforms.flipHorizontal(o);
            case "colour-shift" -> Transforms.colourShift(o, rnd.nextInt(-40, 41), rnd.nextInt(-40, 41),
                    rnd.nextInt(-40, 41), rnd.nextDouble(0.7, 1.3));
            case "blur" -> Transforms.blur(o, 1 + rnd.nextInt(3));
            case "text-overlay" -> Transforms.textOverlay(o, "AI generated sample", (float) rnd.nextDouble(0.5, 1.0));
            case "strip-removed" -> Transforms.stripRemoved(o, rnd.nextDouble(0.05, 0.2));
            case "pasted-into" -> {
                BufferedImage part = Transforms.cropFraction(o, rnd.nextDouble(0.3, 0.6), rnd.nextDouble(), rnd.nextDouble());
                BufferedImage canvas = Transforms.resize(other, (int) (part.getWidth() * 1.6), (int) (part.getHeight() * 1.6));
                yield Transforms.paste(canvas, part, rnd.nextInt(canvas.getWidth() - part.getWidth() + 1),
                        rnd.nextInt(canvas.getHeight() - part.getHeight() + 1));
            }
            case "crop+jpeg" -> Transforms.jpeg(Transforms.cropFraction(o, rnd.nextDouble(0.3, 0.9), rnd.nextDouble(),
                    rnd.nextDouble()), 40 + rnd.nextInt(50));
            default -> throw new IllegalArgumentException(edit);
        };
    }
}
