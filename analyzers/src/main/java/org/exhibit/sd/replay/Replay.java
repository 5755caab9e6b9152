package org.exhibit.sd.replay;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Hashing;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Region;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.sd.GenerationRecord;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reproduction by replay: renders the record on a running generator, compares the result with the claimed image
 * ({@code sd.replay}), and runs the control experiment, each with one setting changed ({@code sd.replay-control}).
 * One figure shows the claimed, reproduced and control images side by side with their scores.
 */
public final class Replay {

    public static final String RULE = "sd.replay";
    public static final String CONTROL_RULE = "sd.replay-control";
    static final Method METHOD = new Method("Replay on a generator server, compared by pixel difference, SSIM and PDQ",
            "1", "A1111 /sdapi/v1/txt2img, ComfyUI /prompt; SSIM (Wang et al. 2004) and PDQ (Meta ThreatExchange) "
            + "from exhibit's similarity analyzer");

    private Replay() {
    }

    public static List<Finding> run(Exhibit claimed, BufferedImage claimedImage, GenerationRecord record,
                                    GeneratorServer server, List<Variations.Kind> controls, ReplayProgress progress)
            throws ReplayException {
        progress.update("rendering the recorded settings", 0);
        GeneratorServer.Rendered main = server.render(record, progress);
        BufferedImage reproduced = decode(main.png());
        ImageComparison score = ImageComparison.of(claimedImage, reproduced);
        List<SideBySide.Panel> panels = new ArrayList<>();
        panels.add(new SideBySide.Panel(claimedImage, "claimed", claimed.figureLabel()));
        panels.add(new SideBySide.Panel(reproduced, "reproduced (seed " + record.seed() + ")", scores(score)));
        List<Finding> controlFindings = new ArrayList<>();
        for (Variations.Kind kind : controls) {
            Variations.Variant v = Variations.of(record, kind);
            progress.update("control: " + v.change(), 0);
            BufferedImage out = decode(server.render(v.record(), progress).png());
            ImageComparison c = ImageComparison.of(reproduced, out);
            panels.add(new SideBySide.Panel(out, "control: " + v.change(), scores(c)));
            controlFindings.add(control(claimed, v, c));
        }
        Figure figure = new Figure("sd-replay", "Claimed image, the image the generator made from the recorded "
                + "settings, and the control images, with their scores against the reproduction.",
                SideBySide.png(panels));
        List<Finding> out = new ArrayList<>();
        out.add(replayFinding(claimed, claimedImage, record, main, score, figure));
        out.addAll(controlFindings);
        return out;
    }

    private static Finding replayFinding(Exhibit claimed, BufferedImage image, GenerationRecord record,
                                         GeneratorServer.Rendered main, ImageComparison s, Figure figure) {
        Threshold pdq = new Threshold("PDQ distance", "<=", 31, ErrorRates.of("similarity", "pdq"));
        Verdict verdict;
        String statement;
        if (s.pixelIdentical()) {
            verdict = Verdict.STRONGLY_INDICATES;
            statement = "The generator reproduced the claimed image pixel for pixel from its recorded settings.";
        } else if (pdq.passes(s.pdqDistance())) {
            verdict = Verdict.INDICATES;
            statement = "The generator made a near-identical image from the recorded settings (PDQ distance "
                    + s.pdqDistance() + ", SSIM " + round(s.ssim()) + "), but not pixel for pixel.";
        } else {
            verdict = Verdict.INCONCLUSIVE;
            statement = "The image made from the recorded settings differs from the claimed one (PDQ distance "
                    + s.pdqDistance() + ", SSIM " + round(s.ssim()) + "); the settings alone did not reproduce it here.";
        }
        return Finding.builder("sd", RULE, METHOD).verdict(verdict).statement(statement)
                .measure("identical pixels", s.identicalFraction() * 100, "%")
                .measure("mean absolute difference", s.meanAbsDifference(), "levels (0-255)")
                .measure("maximum absolute difference", s.maxAbsDifference(), "levels (0-255)")
                .measure("SSIM", s.ssim(), "").measure("PDQ distance", s.pdqDistance(), "bits")
                .threshold(pdq)
                .evidence(EvidencePointer.pixels(claimed, "decoded image", new Region(0, 0, image.getWidth(),
                        image.getHeight())))
                .figure(figure)
                .limitation("A reproduction needs the same model file, generator version, sampler implementation, "
                        + "hardware class and noise source; GPU kernels are not bit-deterministic across cards, so "
                        + "a close but not identical image is expected even for a true record.")
                .limitation("A failed reproduction does not show the record is false; a successful one shows the "
                        + "settings produce this image, not who ran them first.")
                .data("modelUsed", main.modelUsed()).data("request", main.request())
                .data("reproducedSha256", Hashing.sha256Hex(main.png())).data("sameSize", s.sameSize())
                .build();
    }

    private static Finding control(Exhibit claimed, Variations.Variant v, ImageComparison c) {
        boolean changed = !c.pixelIdentical();
        return Finding.builder("sd", CONTROL_RULE, METHOD).verdict(changed ? Verdict.INFO : Verdict.INCONCLUSIVE)
                .statement("Control (" + v.change() + "): the output " + (changed ? "changed" : "did not change")
                        + " (PDQ distance " + c.pdqDistance() + " and SSIM " + round(c.ssim())
                        + " against the reproduction).")
                .measure("PDQ distance", c.pdqDistance(), "bits").measure("SSIM", c.ssim(), "")
                .measure("identical pixels", c.identicalFraction() * 100, "%")
                .evidence(EvidencePointer.field(claimed, "generation record", v.kind() == Variations.Kind.SEED
                        ? "seed" : "prompt"))
                .data("change", v.change()).build();
    }

    private static String scores(ImageComparison c) {
        return "PDQ " + c.pdqDistance() + ", SSIM " + round(c.ssim()) + ", same px " + round(c.identicalFraction() * 100) + "%";
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    /** Decodes the server's image after checking its header against the pixel limit. */
    static BufferedImage decode(byte[] png) throws ReplayException {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ReplayException("the server's image is not in a format this tool decodes");
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > 200_000_000L) {
                    throw new ReplayException("the server's image is too large to decode");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new ReplayException("the server's image cannot be decoded: " + e.getMessage(), e);
        }
    }
}
