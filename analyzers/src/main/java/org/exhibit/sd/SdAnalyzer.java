package org.exhibit.sd;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what {@link SdMetadata} read from a file into findings: one {@code sd.generation-record} per record
 * (the normalised record in {@code data.record}), one finding per carrier anomaly, or {@code sd.no-record}.
 */
public final class SdAnalyzer {

    public static final String ANALYZER = "sd";
    public static final Method READER = new Method("Stable Diffusion generation metadata reader", "1",
            "AUTOMATIC1111 stable-diffusion-webui modules/infotext_utils.py (infotext grammar); PNG 1.2 "
                    + "(ISO/IEC 15948) text chunks");

    private SdAnalyzer() {
    }

    public static List<Finding> show(Exhibit exhibit, Path file, Limits limits) throws InputException {
        return findings(exhibit, SdMetadata.scan(file, limits));
    }

    public static List<Finding> findings(Exhibit exhibit, SdReading reading) {
        List<Finding> out = new ArrayList<>();
        for (GenerationRecord r : reading.records()) {
            Source s = r.source();
            Finding.Builder b = Finding.builder(ANALYZER, "sd.generation-record", READER)
                    .statement(exhibit.path() + " holds a " + r.generator() + " generation record in "
                            + s.describe() + summary(r) + ".")
                    .evidence(s.offset() < 0 ? pixels(exhibit, s, reading)
                            : EvidencePointer.bytes(exhibit, s.describe(), s.offset(), s.length()))
                    .data("record", r)
                    .limitation("Generation metadata is plain text that anyone can write or edit; it records what "
                            + "a program claims, not that the image was made that way.");
            if (r.seed() != null) {
                b.measure("seed", r.seed(), "");
            }
            out.add(b.build());
        }
        for (Anomaly a : reading.anomalies()) {
            Verdict v = a.rule().equals("sd.png-crc") ? Verdict.INDICATES : Verdict.INCONCLUSIVE;
            Finding.Builder b = Finding.builder(ANALYZER, a.rule(), READER).verdict(v).statement(a.statement());
            if (a.offset() >= 0) {
                b.evidence(EvidencePointer.bytes(exhibit, a.carrier(), a.offset(), a.length()));
            }
            out.add(b.build());
        }
        out.addAll(SdChecks.check(exhibit, reading));
        if (reading.records().isEmpty()) {
            out.add(Finding.builder(ANALYZER, "sd.no-record", READER)
                    .statement("No Stable Diffusion generation record was found in " + exhibit.path() + " ("
                            + reading.container() + ", " + reading.texts().size() + " text items read).")
                    .evidence(EvidencePointer.bytes(exhibit, "whole file", 0, exhibit.size()))
                    .limitation("Metadata is easily stripped (screenshots, re-encoding, upload sites); its absence "
                            + "says nothing about how the image was made.")
                    .build());
        }
        return out;
    }

    /** Stealth data: the leading columns of pixels it occupies (Source.length counts pixels there). */
    private static EvidencePointer pixels(Exhibit exhibit, Source s, SdReading reading) {
        int h = reading.height() == null ? 1 : reading.height();
        int columns = (int) Math.min(reading.width() == null ? 1 : reading.width(), (s.length() + h - 1) / h);
        return EvidencePointer.pixels(exhibit, s.describe(), new org.exhibit.evidence.Region(0, 0, Math.max(columns, 1), h));
    }

    private static String summary(GenerationRecord r) {
        StringBuilder s = new StringBuilder();
        if (r.model() != null) {
            s.append(": model ").append(r.model());
        }
        if (r.seed() != null) {
            s.append(s.length() == 0 ? ": " : ", ").append("seed ").append(r.seed());
        }
        if (r.steps() != null) {
            s.append(s.length() == 0 ? ": " : ", ").append(r.steps()).append(" steps");
        }
        if (r.width() != null && r.height() != null) {
            s.append(s.length() == 0 ? ": " : ", ").append(r.width()).append('×').append(r.height());
        }
        return s.toString();
    }
}
