package org.exhibit.label;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Region;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;

import java.awt.image.BufferedImage;
import java.util.List;

/** The Stable Diffusion / SDXL invisible watermark, judged with Stability AI's published bit-match thresholds. */
final class WatermarkFindings {

    static final Method METHOD = new Method("Stable Diffusion invisible watermark (imwatermark dwtDct) decoder", "1",
            "invisible-watermark 0.2 (ShieldMnt) EmbedMaxDct, ported; messages from Stability AI's stablediffusion "
                    + "(\"StableDiffusionV1\") and generative-models (0xB3EC907BB19E); thresholds from "
                    + "generative-models scripts/demo/detect.py");
    /** Stability's bands for 48 bits: <=27 none, <=33 partial, <=35 likely, above very likely. */
    static final int[] SDXL_BANDS = {27, 33, 35};

    private WatermarkFindings() {
    }

    /** The band limits scaled to a message of {@code bits} (Stability published them for 48 bits only). */
    static int[] bands(int bits) {
        int[] b = new int[3];
        for (int i = 0; i < 3; i++) {
            b[i] = (int) Math.floor(SDXL_BANDS[i] * bits / 48.0);
        }
        return b;
    }

    static void add(Exhibit exhibit, BufferedImage img, Marks marks, List<Finding> out) {
        if (!SdWatermark.largeEnough(img)) {
            return; // the library itself refuses such images; nothing to say
        }
        int sdxl = SdWatermark.matches(img, SdWatermark.SDXL);
        int sd1 = SdWatermark.matches(img, SdWatermark.SD1);
        int bandXl = band(sdxl, bands(48));
        int band1 = band(sd1, bands(SdWatermark.SD1.length));
        boolean xlWins = bandXl >= band1;
        int band = Math.max(bandXl, band1);
        String which = xlWins ? "SDXL (48-bit 0xB3EC907BB19E)" : "SD 1.x (136-bit \"StableDiffusionV1\")";
        int matched = xlWins ? sdxl : sd1;
        int length = xlWins ? 48 : SdWatermark.SD1.length;
        String[] words = {"no watermark detected", "a partial match that cannot be told from chance",
                "likely watermarked", "very likely watermarked"};
        Verdict v = switch (band) {
            case 3 -> Verdict.STRONGLY_INDICATES;
            case 2 -> Verdict.INDICATES;
            case 1 -> Verdict.INCONCLUSIVE;
            default -> Verdict.INFO;
        };
        int rows = img.getHeight() / 4 * 4;
        int cols = img.getWidth() / 4 * 4;
        EvidencePointer at = EvidencePointer.pixels(exhibit, "U channel (OpenCV YUV), Haar LL band, 4x4 blocks",
                new Region(0, 0, cols, rows));
        String statement = band == 0
                ? exhibit.path() + ": no Stable Diffusion invisible watermark detected (" + sdxl + "/48 SDXL bits, "
                + sd1 + "/136 SD 1.x bits match, as chance gives about half)."
                : exhibit.path() + ": " + matched + " of " + length + " bits match the " + which
                + " invisible watermark — " + words[band] + " by Stability AI's thresholds.";
        out.add(Finding.builder(LabelAnalyzer.ANALYZER, "label.sd-watermark", METHOD).verdict(v)
                .statement(statement)
                .measure("SDXL bits matching", sdxl, "bits of 48")
                .measure("SD 1.x bits matching", sd1, "bits of 136")
                .threshold(xlWins ? new Threshold("SDXL bits matching", ">", SDXL_BANDS[2],
                        ErrorRates.of("label", "sd-watermark-sdxl"))
                        : new Threshold("SD 1.x bits matching", ">", bands(136)[2], ErrorRates.of("label", "sd-watermark-sd1")))
                .evidence(at)
                .limitation("Anyone can embed this watermark in any image with the open-source library, and many "
                        + "SD front-ends never embed it: a match is evidence of the library, not proof of a generator, "
                        + "and no match proves nothing.")
                .limitation("Stability AI published the bands for the 48-bit SDXL message only; for the 136-bit SD 1.x "
                        + "message they are scaled by 136/48.")
                .build());
        if (band >= 2) {
            marks.generatorMarks.add(new Marks.Mark("sd-watermark", which + " invisible watermark (" + matched + "/"
                    + length + " bits)", at));
        }
    }

    private static int band(int matched, int[] limits) {
        int k = 0;
        while (k < 3 && matched > limits[k]) {
            k++;
        }
        return k;
    }
}
