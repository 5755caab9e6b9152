package org.exhibit.label;

import org.exhibit.evidence.EvidencePointer;

import java.util.ArrayList;
import java.util.List;

/**
 * What one file's findings rest on, gathered while they are made: labels (implicit and explicit), generator
 * marks, and every way a label falls short. The per-file status and the comparison with an original read it.
 */
public final class Marks {

    /**
     * One label or mark.
     *
     * @param kind        stable kind, e.g. "gb45438", "c2pa", "iptc", "sd-watermark", "sd-metadata", "explicit"
     * @param description one phrase, e.g. "C2PA manifest by OpenAI Media Service API (trainedAlgorithmicMedia)"
     * @param pointer     where it lies
     */
    public record Mark(String kind, String description, EvidencePointer pointer) {
    }

    public final List<Mark> implicitLabels = new ArrayList<>();
    public final List<Mark> explicitLabels = new ArrayList<>();
    public final List<Mark> generatorMarks = new ArrayList<>();
    /** Non-compliance: clause and field in words, with the pointer it concerns. */
    public final List<Mark> shortfalls = new ArrayList<>();
    public final List<String> searched = new ArrayList<>();
    /** C2PA manifests or stores that are there but could not be read: they may hold a label nobody can see. */
    public final List<Mark> unreadC2pa = new ArrayList<>();
    /** Whether visible labels were looked for (OCR ran, or the file is text). */
    public boolean explicitChecked;

    public List<Mark> all() {
        List<Mark> out = new ArrayList<>(implicitLabels);
        out.addAll(explicitLabels);
        out.addAll(generatorMarks);
        return out;
    }
}
