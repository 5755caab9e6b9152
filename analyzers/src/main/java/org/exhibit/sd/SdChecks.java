package org.exhibit.sd;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consistency checks on what was read: does the record fit the file it sits in and the program it names? Each
 * finding cites the field and, where the text is stored uncompressed, its byte offset in the file.
 */
final class SdChecks {

    static final Method METHOD = new Method("Generation record consistency checks", "1",
            "AUTOMATIC1111 modules/processing.py (create_infotext: which keys are written and when) and "
                    + "CHANGELOG.md (1.6.0: NV RNG, hires checkpoint, VAE in infotext, refiner; 1.9.0: scheduler "
                    + "selection, 'Schedule type'); ComfyUI, NovelAI and InvokeAI save PNG only");
    /** Keys create_infotext writes for every A1111/Forge image. */
    private static final List<String> ALWAYS = List.of("Steps", "Sampler", "CFG scale", "Seed", "Size");
    private static final Pattern A1111_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Set<String> PNG_ONLY = Set.of("comfyui-prompt", "comfyui-workflow", "novelai",
            "invokeai-metadata", "invokeai-sd-metadata", "invokeai-dream");

    private SdChecks() {
    }

    static List<Finding> check(Exhibit exhibit, SdReading reading) {
        List<Finding> out = new ArrayList<>();
        for (GenerationRecord r : reading.records()) {
            size(exhibit, reading, r, out);
            if (r.format().equals("a1111-infotext") && r.parameters().size() >= 3) {
                missing(exhibit, r, out);
                anachronisms(exhibit, r, out);
            }
            conversion(exhibit, reading, r, out);
        }
        disagreement(exhibit, reading.records(), out);
        return out;
    }

    private static Finding.Builder finding(String rule, Verdict v) {
        return Finding.builder(SdAnalyzer.ANALYZER, rule, METHOD).verdict(v);
    }

    private static EvidencePointer at(Exhibit e, GenerationRecord r, String key) {
        Long offset = r.fileOffsetOf(key);
        Long length = null;
        for (Param p : r.parameters()) {
            if (p.key().equals(key) && offset != null) {
                length = r.source().byteLength(r.rawText().substring(p.textOffset(), p.textOffset() + p.textLength()));
                break;
            }
        }
        if (offset == null) {
            offset = r.source().offset() < 0 ? null : r.source().offset();
            length = r.source().offset() < 0 ? null : r.source().length();
        }
        return new EvidencePointer(e.sha256(), r.source().describe(), key, offset, length, null, null, null);
    }

    /** Stated size (times the hires factor) against the pixels in the file. */
    private static void size(Exhibit e, SdReading reading, GenerationRecord r, List<Finding> out) {
        if (r.width() == null || r.height() == null || reading.width() == null || reading.width() <= 1) {
            return;
        }
        int[] expected = r.hires() == null ? new int[]{r.width(), r.height()} : r.hires().finalSize(r.width(), r.height());
        String post = r.parameter("Postprocess upscale by");
        if (post != null) {
            try {
                double f = Double.parseDouble(post);
                expected = new int[]{(int) Math.round(expected[0] * f), (int) Math.round(expected[1] * f)};
            } catch (NumberFormatException ignored) {
                // kept as stated
            }
        }
        if (expected[0] == reading.width() && expected[1] == reading.height()) {
            return;
        }
        String key = r.format().equals("a1111-infotext") ? "Size" : "width";
        out.add(finding("sd.size-mismatch", Verdict.INDICATES)
                .statement(String.format("The record in %s states %dx%d%s, but the image is %dx%d pixels: the file "
                                + "was resized or cropped after generation, or the record belongs to another image.",
                        r.source().describe(), r.width(), r.height(), r.hires() == null ? ""
                                : " (" + expected[0] + "x" + expected[1] + " after the hires pass)",
                        reading.width(), reading.height()))
                .measure("stated width", expected[0], "px").measure("stated height", expected[1], "px")
                .measure("actual width", reading.width(), "px").measure("actual height", reading.height(), "px")
                .measure("size difference", Math.abs(expected[0] - reading.width())
                        + Math.abs(expected[1] - reading.height()), "px")
                .threshold(new Threshold("size difference", ">", 0, ErrorRates.of("sd", "sd-read")))
                .evidence(at(e, r, key))
                .limitation("Some extensions and upscaling scripts change the output size without saying so.")
                .build());
    }

    /** Keys the webui always writes, missing from an infotext that has parameters. */
    private static void missing(Exhibit e, GenerationRecord r, List<Finding> out) {
        List<String> absent = ALWAYS.stream().filter(k -> r.parameter(k) == null).toList();
        if (absent.isEmpty() || !r.generator().startsWith("AUTOMATIC1111") && !r.generator().contains("Forge")) {
            return;
        }
        out.add(finding("sd.missing-field", Verdict.INDICATES)
                .statement("The infotext in " + r.source().describe() + " names " + r.generator() + " but lacks "
                        + String.join(", ", absent) + ", which that program writes for every image: the text was "
                        + "edited or written by another program.")
                .measure("missing fields", absent.size(), "fields")
                .evidence(new EvidencePointer(e.sha256(), r.source().describe(), String.join(", ", absent),
                        r.source().offset() < 0 ? null : r.source().offset(), r.source().length(), null, null, null))
                .build());
    }

    /** Keys that the stated webui version did not write yet, or stopped writing. */
    private static void anachronisms(Exhibit e, GenerationRecord r, List<Finding> out) {
        String v = r.version();
        Matcher m = v == null ? null : A1111_VERSION.matcher(v);
        if (m == null || !m.find()) {
            return;
        }
        int version = Integer.parseInt(m.group(1)) * 10000 + Integer.parseInt(m.group(2)) * 100
                + Integer.parseInt(m.group(3));
        List<String[]> found = new ArrayList<>(); // {key, why}
        if (version < 10900 && r.parameter("Schedule type") != null) {
            found.add(new String[]{"Schedule type", "first written by 1.9.0"});
        }
        if (version < 10600 && "NV".equals(r.parameter("RNG"))) {
            found.add(new String[]{"RNG", "the NV source arrived in 1.6.0"});
        }
        for (String k : List.of("Hires checkpoint", "Refiner", "VAE")) {
            if (version < 10600 && r.parameter(k) != null) {
                found.add(new String[]{k, "first written by 1.6.0"});
            }
        }
        String sampler = r.parameter("Sampler");
        if (version >= 10900 && sampler != null && r.parameter("Schedule type") == null
                && sampler.matches(".* (Karras|Exponential)$")) {
            found.add(new String[]{"Sampler", "from 1.9.0 the schedule is written apart, as 'Schedule type'"});
        }
        for (String[] f : found) {
            out.add(finding("sd.version-anachronism", Verdict.INDICATES)
                    .statement("The infotext states Version " + v + ", but its '" + f[0] + "' entry could not come "
                            + "from that version (" + f[1] + "): the text was edited, or the version was.")
                    .evidence(at(e, r, f[0]))
                    .limitation("Forks and extensions may write keys the upstream version did not.")
                    .build());
        }
    }

    /** A PNG-only generator's record inside a JPEG/WebP, or A1111 text outside A1111's JPEG carrier. */
    private static void conversion(Exhibit e, SdReading reading, GenerationRecord r, List<Finding> out) {
        boolean pngOnly = PNG_ONLY.contains(r.format()) && !reading.container().equals("PNG");
        boolean foreignCarrier = r.format().equals("a1111-infotext") && !reading.container().equals("PNG")
                && !r.source().carrier().endsWith("EXIF UserComment");
        if (!pngOnly && !foreignCarrier) {
            return;
        }
        out.add(finding("sd.converted-file", Verdict.INDICATES)
                .statement(r.generator() + " writes this record " + (pngOnly ? "only into PNG files" : "only into "
                        + "EXIF UserComment") + ", yet it sits in " + r.source().describe() + " of a "
                        + reading.container() + ": another program re-encoded the image and copied the text, so the "
                        + "pixels are not the generator's original output.")
                .evidence(new EvidencePointer(e.sha256(), r.source().describe(), null,
                        r.source().offset() < 0 ? null : r.source().offset(), r.source().length(), null, null, null))
                .build());
    }

    /** Two records in one file (text and stealth copy, SwarmUI and its graph) that disagree. */
    private static void disagreement(Exhibit e, List<GenerationRecord> records, List<Finding> out) {
        for (int i = 1; i < records.size(); i++) {
            GenerationRecord a = records.get(0);
            GenerationRecord b = records.get(i);
            List<String> differ = new ArrayList<>();
            if (a.seed() != null && b.seed() != null && !a.seed().equals(b.seed())) {
                differ.add("seed " + a.seed() + " vs " + b.seed());
            }
            if (a.steps() != null && b.steps() != null && !a.steps().equals(b.steps())) {
                differ.add("steps " + a.steps() + " vs " + b.steps());
            }
            if (a.prompt() != null && b.prompt() != null && !Objects.equals(a.prompt().strip(), b.prompt().strip())
                    && !b.format().equals("comfyui-prompt")) {
                differ.add("prompt");
            }
            if (differ.isEmpty() || b.format().equals("comfyui-prompt") && a.format().equals("comfyui-prompt")) {
                continue; // several samplers in one graph legitimately differ
            }
            out.add(finding("sd.records-disagree", Verdict.INDICATES)
                    .statement("The file carries two records that disagree (" + String.join("; ", differ) + "): "
                            + a.source().describe() + " and " + b.source().describe() + ". One of them was changed "
                            + "after the image was made.")
                    .evidence(new EvidencePointer(e.sha256(), a.source().describe(), "seed",
                            a.source().offset() < 0 ? null : a.source().offset(), a.source().length(), null, null, null))
                    .evidence(new EvidencePointer(e.sha256(), b.source().describe(), "seed",
                            b.source().offset() < 0 ? null : b.source().offset(), b.source().length(), null, null, null))
                    .build());
        }
    }
}
