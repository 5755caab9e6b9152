package org.exhibit.watermark;

import org.exhibit.evidence.ErrorRate;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.exhibit.metadata.Inventory;
import org.exhibit.metadata.MetadataInspector;
import org.exhibit.metadata.MetadataItem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The file side of the watermark question: which provenance carriers (EXIF, XMP, C2PA manifest, GB 45438 AIGC
 * label) the original has and the accused lacks, whether the Software tag changed, and whether the accused was
 * re-encoded (JPEG quantisation tables and IJG quality).
 */
public final class MetadataComparison {

    static final Method METHOD = new Method("Metadata and encoding comparison", "1",
            "metadata-extractor 2.19 inventory; carrier signatures (EXIF 'Exif\\0\\0', XMP 'x:xmpmeta', C2PA JUMBF "
                    + "'jumb'/'c2pa', GB 45438-2025 'AIGC'); JPEG DQT tables (ITU-T T.81 B.2.4.1) against IJG scaling");
    /** Bytes scanned for carrier signatures (metadata sits at the start of image files). */
    static final int SCAN_BYTES = 16 << 20;

    private static final Map<String, String> CARRIERS = new LinkedHashMap<>();

    static {
        CARRIERS.put("EXIF", "Exif\0\0");
        CARRIERS.put("XMP", "x:xmpmeta");
        CARRIERS.put("C2PA manifest", "c2pa");
        CARRIERS.put("AIGC label (GB 45438-2025)", "AIGC");
    }

    private MetadataComparison() {
    }

    /**
     * Compares the two files.
     *
     * @param accusedImage the accused's decoded pixels, for the error-level picture (null to leave it out)
     */
    public static List<Finding> compare(Exhibit original, Path originalFile, Exhibit accused, Path accusedFile,
                                        java.awt.image.BufferedImage accusedImage, Limits limits)
            throws InputException {
        byte[] ho = head(originalFile), ha = head(accusedFile);
        Inventory io = inventory(original, originalFile, limits), ia = inventory(accused, accusedFile, limits);
        List<Finding> out = new ArrayList<>();
        out.add(carriers(original, accused, ho, ha, io, ia));
        Finding.Builder enc = encoding(original, accused, ho, ha);
        if (accusedImage != null) {
            enc.figure(new org.exhibit.evidence.Figure("watermark-ela", "Supporting figure only, no measured error "
                    + "rate: error level analysis of the accused (re-saved at JPEG quality 90, difference × "
                    + Ela.GAIN + "); areas edited after the last save may stand out, but content and file history "
                    + "also shape it.", Ela.figure(accusedImage)));
        }
        out.add(enc.build());
        return out;
    }

    private static Finding carriers(Exhibit o, Exhibit a, byte[] ho, byte[] ha, Inventory io, Inventory ia) {
        List<String> lost = new ArrayList<>(), kept = new ArrayList<>();
        for (Map.Entry<String, String> c : CARRIERS.entrySet()) {
            boolean inO = contains(ho, c.getValue()), inA = contains(ha, c.getValue());
            if (inO && !inA) {
                lost.add(c.getKey());
            } else if (inO) {
                kept.add(c.getKey());
            }
        }
        String swO = software(io), swA = software(ia);
        TreeSet<String> groupsLost = groups(io);
        groupsLost.removeAll(groups(ia));
        boolean provenanceLost = lost.contains("C2PA manifest") || lost.contains("AIGC label (GB 45438-2025)");
        StringBuilder s = new StringBuilder();
        s.append(lost.isEmpty() ? "The accused keeps every provenance carrier the original has"
                : "The accused lacks " + String.join(", ", lost) + " that the original carries");
        if (!Objects.equals(swO, swA)) {
            s.append("; the Software tag changed from ").append(swO == null ? "none" : "\"" + swO + "\"")
                    .append(" to ").append(swA == null ? "none" : "\"" + swA + "\"");
        }
        s.append('.');
        return Finding.builder(WatermarkAnalyzer.ANALYZER, "watermark.metadata-stripped", METHOD)
                .verdict(provenanceLost ? Verdict.INDICATES : Verdict.INFO)
                .statement(s.toString())
                .measure("carriers lost", lost.size(), "carriers")
                .measure("metadata items original", io.items().size(), "items")
                .measure("metadata items accused", ia.items().size(), "items")
                .threshold(new Threshold("carriers lost", ">=", 1, ErrorRate.notMeasured(
                        "a byte-signature reading, not a statistical decision: no error rate applies")))
                .evidence(EvidencePointer.field(o, "metadata", "inventory"))
                .evidence(EvidencePointer.field(a, "metadata", "inventory"))
                .data("lost", lost).data("kept", kept).data("groupsLost", new ArrayList<>(groupsLost))
                .data("softwareOriginal", swO == null ? "" : swO).data("softwareAccused", swA == null ? "" : swA)
                .limitation("Platforms and messengers strip metadata on upload by themselves; a missing carrier "
                        + "shows the file went through some re-saving, not who removed it.")
                .limitation("Carriers are found by signature in the first 16 MiB; a C2PA manifest is not validated here.")
                .build();
    }

    private static Finding.Builder encoding(Exhibit o, Exhibit a, byte[] ho, byte[] ha) {
        List<JpegTables.Table> to = JpegTables.read(ho), ta = JpegTables.read(ha);
        Finding.Builder b = Finding.builder(WatermarkAnalyzer.ANALYZER, "watermark.reencoding", METHOD)
                .evidence(EvidencePointer.field(o, "JPEG DQT", "quantisation tables"))
                .evidence(EvidencePointer.field(a, "JPEG DQT", "quantisation tables"))
                .limitation("Double-compression analysis (DCT histogram periodicity) is not performed; equal "
                        + "tables do not prove the pixels were not re-encoded at the same quality.");
        String qo = describe(to, b, "original"), qa = describe(ta, b, "accused");
        boolean differ = !to.isEmpty() && !ta.isEmpty() && !sameTables(to, ta);
        boolean lossyCopyOfLossless = to.isEmpty() && !ta.isEmpty();
        b.verdict(differ || lossyCopyOfLossless ? Verdict.INDICATES : Verdict.INFO)
                .statement("Original: " + qo + "; accused: " + qa + (differ ? ": the accused was re-encoded."
                        : lossyCopyOfLossless ? ": the accused is a lossy re-encoding." : "."))
                .threshold(new Threshold("tables differ", "==", 1, ErrorRate.notMeasured(
                        "a reading of the files' tables, not a statistical decision")));
        return b;
    }

    private static String describe(List<JpegTables.Table> tables, Finding.Builder b, String side) {
        if (tables.isEmpty()) {
            return "not a JPEG";
        }
        int[] q = JpegTables.ijgQuality(tables.get(0).natural());
        b.measure("IJG quality " + side, q[0], "quality").measure("table distance " + side, q[1], "sum |Δ|");
        return "JPEG, " + tables.size() + " tables, luminance " + (q[1] == 0 ? "exactly" : "nearest")
                + " IJG quality " + q[0];
    }

    private static boolean sameTables(List<JpegTables.Table> a, List<JpegTables.Table> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i).natural(), b.get(i).natural())) {
                return false;
            }
        }
        return true;
    }

    private static Inventory inventory(Exhibit e, Path file, Limits limits) throws InputException {
        return (Inventory) MetadataInspector.inspect(e, file, limits).data().get("inventory");
    }

    private static String software(Inventory inv) {
        return inv.items().stream().filter(i -> i.tag().equals("Software")).map(MetadataItem::value).findFirst()
                .orElse(null);
    }

    private static TreeSet<String> groups(Inventory inv) {
        TreeSet<String> g = new TreeSet<>();
        inv.items().forEach(i -> g.add(i.group()));
        return g;
    }

    private static boolean contains(byte[] hay, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (hay[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] head(Path file) throws InputException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SCAN_BYTES);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
