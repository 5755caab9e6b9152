package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Report;
import org.exhibit.report.Numbers;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.HiresFix;
import org.exhibit.sd.Lora;
import org.exhibit.sd.Param;

/** Terminal rendering of `sd show`: per file, each record's fields, then the other findings. */
final class SdShowText {

    private SdShowText() {
    }

    static String render(Report r) {
        StringBuilder s = new StringBuilder();
        for (Exhibit e : r.exhibits()) {
            s.append(e.path()).append("  (sha256 ").append(e.sha256()).append(")\n");
            for (Finding f : r.findings()) {
                if (f.evidence().isEmpty() || !f.evidence().get(0).exhibit().equals(e.sha256())) {
                    continue;
                }
                if (f.data().get("record") instanceof GenerationRecord g) {
                    record(s, g, f);
                } else {
                    s.append("  [").append(f.verdict().label()).append("] ").append(f.rule()).append(": ")
                            .append(f.statement()).append('\n');
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static void record(StringBuilder s, GenerationRecord g, Finding f) {
        s.append("  record  ").append(g.generator()).append("  [").append(g.format()).append("] from ")
                .append(g.source().describe()).append(" at byte ").append(g.source().offset()).append(", ")
                .append(g.source().length()).append(" bytes\n");
        line(s, "prompt", g.prompt());
        line(s, "negative", g.negativePrompt());
        if (!g.emphasis().isEmpty()) {
            line(s, "emphasis", g.emphasis().stream().map(w -> w.text() + " x" + Numbers.format(w.weight()))
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        line(s, "model", g.model() == null ? null : g.model() + (g.modelHash() == null ? "" : "  [" + g.modelHash() + "]"));
        line(s, "vae", g.vae() == null ? null : g.vae() + (g.vaeHash() == null ? "" : "  [" + g.vaeHash() + "]"));
        for (Lora l : g.loras()) {
            line(s, l.kind(), l.name() + (l.weight() == null ? "" : "  weight " + Numbers.format(l.weight()))
                    + (l.clipWeight() != null && !l.clipWeight().equals(l.weight())
                    ? "  clip " + Numbers.format(l.clipWeight()) : "")
                    + (l.hash() == null ? "" : "  [" + l.hash() + "]") + "  (" + l.origin() + ")");
        }
        line(s, "seed", g.seed() == null ? null : g.seed()
                + (g.subseed() == null ? "" : "  variation " + g.subseed() + " @ " + num(g.subseedStrength())));
        line(s, "steps", g.steps() == null ? null : g.steps().toString());
        line(s, "sampler", g.sampler() == null ? null : g.sampler()
                + (g.scheduler() == null ? "" : "  schedule " + g.scheduler()));
        line(s, "cfg", num(g.cfgScale()));
        line(s, "size", g.width() == null ? null : g.width() + " x " + g.height());
        line(s, "denoise", num(g.denoise()));
        HiresFix h = g.hires();
        if (h != null) {
            line(s, "hires", (h.upscale() == null ? "" : "x" + Numbers.format(h.upscale()) + " ")
                    + (h.resizeWidth() == null ? "" : "to " + h.resizeWidth() + "x" + h.resizeHeight() + " ")
                    + (h.upscaler() == null ? "" : h.upscaler() + " ")
                    + (h.steps() == null ? "" : h.steps() + " steps"));
        }
        line(s, "clip skip", g.clipSkip() == null ? null : g.clipSkip().toString());
        line(s, "rng", g.rngSource());
        line(s, "version", g.version());
        for (Param p : g.otherParameters()) {
            line(s, p.key(), p.value());
        }
    }

    private static String num(Double d) {
        return d == null ? null : Numbers.format(d);
    }

    private static void line(StringBuilder s, String name, String value) {
        if (value == null) {
            return;
        }
        String v = value.replace("\r", "\\r").replace("\n", "\\n");
        if (v.length() > 400) {
            v = v.substring(0, 400) + "… (" + value.length() + " chars; --format json for all)";
        }
        s.append("    ").append(String.format("%-10s", name)).append(' ').append(v).append('\n');
    }
}
