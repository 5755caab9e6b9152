package org.exhibit.label;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.Images;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.ocr.Ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds every AI label and generator mark in a file and explains the file's labelling status: GB 45438 implicit
 * labels in every carrier, IPTC digital source type, C2PA manifests, the SD invisible watermark, visible labels
 * (OCR), and, given an original, labels that were stripped. Every flag points at the bytes or pixels it rests on.
 */
public final class LabelAnalyzer {

    public static final String ANALYZER = "label";
    static final Method STATUS = new Method("AI labelling status", "1",
            "GB 45438-2025 (implicit and explicit labels); C2PA 2.1; IPTC digital source type; SD invisible watermark");
    private static final Set<String> DECODED_IMAGES = Set.of("png", "jpeg", "webp", "gif", "tiff");

    /** What one file yielded. */
    public record Result(List<Finding> findings, Marks marks) {
    }

    /**
     * @param watermark   decode the SD invisible watermark in images
     * @param ocr         the OCR to read visible labels with, or null to skip explicit labels in images
     * @param noOcrReason why there is no OCR (said in the report), or null when skipping was asked for
     * @param trust       C2PA trust anchors the user gave, or null: signer trust is then "not checked"
     */
    public record Options(boolean watermark, Ocr ocr, String noOcrReason, List<X509Certificate> trust) {
        public Options(boolean watermark, Ocr ocr) {
            this(watermark, ocr, null, null);
        }

        public Options(boolean watermark, Ocr ocr, String noOcrReason) {
            this(watermark, ocr, noOcrReason, null);
        }
    }

    private LabelAnalyzer() {
    }

    public static Result analyze(Exhibit exhibit, Path file, Limits limits, Options options) throws InputException {
        CarrierScan scan = Carriers.scan(file, limits);
        List<Finding> out = new ArrayList<>();
        Marks marks = new Marks();
        marks.searched.addAll(scan.searched);
        for (String problem : scan.problems) {
            out.add(Finding.builder(ANALYZER, "label.carrier-problem", ImplicitFindings.METHOD)
                    .verdict(Verdict.INCONCLUSIVE)
                    .statement(exhibit.path() + ": " + problem + "; carriers after it may have been missed.")
                    .evidence(EvidencePointer.bytes(exhibit, scan.format + " structure", 0, exhibit.size())).build());
        }
        ImplicitFindings.add(exhibit, scan, marks, out);
        try (ByteSource src = ByteSource.open(file)) {
            C2paFindings.add(exhibit, scan, src, limits, marks, out, new C2paReader.Context(options.trust(), Instant.now()));
            if (scan.format.equals("text")) {
                long size = src.size();
                ExplicitFindings.text(exhibit, src.readUpTo(0, 4096), src.readUpTo(Math.max(0, size - 4096), 4096),
                        Math.max(0, size - 4096), marks, out);
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        if (DECODED_IMAGES.contains(scan.format)) {
            SdMarkFindings.add(exhibit, file, limits, marks, out);
        }
        if (DECODED_IMAGES.contains(scan.format) && (options.watermark() || options.ocr() != null)) {
            BufferedImage img = null;
            try {
                img = Images.read(file, limits);
            } catch (InputException e) {
                // damaged pixels (or a pixel bomb) must not hide the labels the metadata carries: those stand
                out.add(Finding.builder(ANALYZER, "label.pixels-unreadable", ExplicitFindings.METHOD)
                        .verdict(Verdict.INCONCLUSIVE)
                        .statement("The pixels of " + exhibit.path() + " could not be decoded (" + e.problem()
                                + "), so the invisible watermark and visible labels were not checked; the "
                                + "metadata labels reported for it stand.")
                        .evidence(EvidencePointer.bytes(exhibit, "whole image", 0, exhibit.size())).build());
            }
            if (img != null && options.watermark()) {
                WatermarkFindings.add(exhibit, img, marks, out);
            }
            if (img != null && options.ocr() != null) {
                ExplicitFindings.image(exhibit, img, options.ocr(), marks, out);
            }
        }
        if (DECODED_IMAGES.contains(scan.format) && options.ocr() == null && options.noOcrReason() != null) {
            out.add(Finding.builder(ANALYZER, "label.explicit-not-read", ExplicitFindings.METHOD)
                    .verdict(Verdict.INCONCLUSIVE)
                    .statement("Visible labels in " + exhibit.path() + " were not read: " + options.noOcrReason() + ".")
                    .evidence(EvidencePointer.bytes(exhibit, "whole image", 0, exhibit.size())).build());
        }
        return new Result(out, marks);
    }

    /** The one-line answer for the file, with the pointers it rests on. Call after every other finding is made. */
    public static Finding status(Exhibit exhibit, Marks marks, Marks original, Exhibit originalExhibit) {
        Finding.Builder b = Finding.builder(ANALYZER, "label.status", STATUS);
        List<Marks.Mark> lost = original == null ? List.of() : lost(original, marks);
        String status;
        if (!lost.isEmpty()) {
            status = "label-stripped";
            b.verdict(Verdict.INDICATES).statement(exhibit.path() + " lacks " + lost.size() + " label(s) or mark(s) that "
                    + originalExhibit.path() + " carries: " + describe(lost) + ".");
            lost.forEach(m -> b.evidence(m.pointer()));
            b.evidence(EvidencePointer.bytes(exhibit, "whole file (searched: " + String.join("; ", marks.searched) + ")",
                    0, exhibit.size()));
        } else if (!marks.implicitLabels.isEmpty() && marks.shortfalls.isEmpty()) {
            status = "labelled-compliant";
            b.verdict(Verdict.INFO).statement(exhibit.path() + " is labelled as GB 45438 asks: "
                    + describe(marks.implicitLabels) + (marks.explicitLabels.isEmpty() ? "" : "; "
                    + describe(marks.explicitLabels)) + ".");
            marks.implicitLabels.forEach(m -> b.evidence(m.pointer()));
            marks.explicitLabels.forEach(m -> b.evidence(m.pointer()));
        } else if (!marks.shortfalls.isEmpty()) {
            status = "labelled-noncompliant";
            b.verdict(Verdict.INDICATES).statement(exhibit.path() + " carries an AI label that falls short of "
                    + "GB 45438-2025: " + describe(marks.shortfalls) + ".");
            marks.shortfalls.forEach(m -> b.evidence(m.pointer()));
        } else if (!marks.generatorMarks.isEmpty()) {
            status = "generated-but-unlabelled";
            b.verdict(Verdict.INDICATES).statement(exhibit.path() + " has no GB 45438 implicit label"
                    + (marks.explicitChecked && marks.explicitLabels.isEmpty() ? " and no visible label" : "") + ", yet bears generator marks: "
                    + describe(marks.generatorMarks) + ".");
            marks.generatorMarks.forEach(m -> b.evidence(m.pointer()));
            marks.explicitLabels.forEach(m -> b.evidence(m.pointer()));
        } else if (!marks.explicitLabels.isEmpty()) {
            status = "labelled-noncompliant";
            b.verdict(Verdict.INDICATES).statement(exhibit.path() + " shows a visible AI label ("
                    + describe(marks.explicitLabels) + ") but carries no GB 45438 implicit label in its metadata.");
            marks.explicitLabels.forEach(m -> b.evidence(m.pointer()));
            b.evidence(EvidencePointer.bytes(exhibit, "whole file (searched: " + String.join("; ", marks.searched) + ")",
                    0, exhibit.size()));
        } else {
            status = "no-evidence";
            b.verdict(Verdict.INCONCLUSIVE).statement((marks.unreadC2pa.isEmpty()
                    ? "No AI label and no generator mark was found in " + exhibit.path()
                    : "No AI label and no generator mark could be read in " + exhibit.path() + ", which carries "
                    + describe(marks.unreadC2pa) + " that may hold one")
                    + "; this says nothing either way about how it was made.")
                    .evidence(EvidencePointer.bytes(exhibit, "whole file (searched: " + String.join("; ", marks.searched)
                            + ")", 0, exhibit.size()));
            marks.unreadC2pa.forEach(m -> b.evidence(m.pointer()));
        }
        return b.data("status", status)
                .measure("implicit labels", marks.implicitLabels.size(), "labels")
                .measure("explicit labels", marks.explicitLabels.size(), "labels")
                .measure("generator marks", marks.generatorMarks.size(), "marks")
                .measure("shortfalls", marks.shortfalls.size(), "shortfalls")
                .limitation("Labels and marks can be written by anyone and removed by re-saving; their presence "
                        + "or absence is evidence about the file, not proof of how it was made.")
                .build();
    }

    /** Marks of the original whose kind the file has none of. */
    private static List<Marks.Mark> lost(Marks original, Marks file) {
        List<Marks.Mark> out = new ArrayList<>();
        for (Marks.Mark m : original.all()) {
            boolean kept = file.all().stream().anyMatch(k -> k.kind().equals(m.kind()));
            if (!kept) {
                out.add(m);
            }
        }
        return out;
    }

    private static String describe(List<Marks.Mark> marks) {
        return String.join("; ", marks.stream().map(Marks.Mark::description).toList());
    }
}
