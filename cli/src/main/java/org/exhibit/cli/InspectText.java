package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Report;
import org.exhibit.metadata.Inventory;
import org.exhibit.metadata.MetadataItem;
import org.exhibit.report.Numbers;

/** Terminal rendering of `inspect`: one block per file, every metadata item on a line (long values cut). */
final class InspectText {

    private static final int WIDTH = 160;

    private InspectText() {
    }

    static String render(Report r) {
        StringBuilder s = new StringBuilder();
        for (Exhibit e : r.exhibits()) {
            Inventory inv = r.findings().stream()
                    .filter(f -> f.evidence().stream().anyMatch(p -> e.sha256().equals(p.exhibit())))
                    .map(f -> (Inventory) f.data().get("inventory")).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (inv == null) {
                continue; // not analysed: listed after the inventories
            }
            s.append(e.path()).append('\n')
                    .append("  type      ").append(e.mediaType()).append('\n')
                    .append("  size      ").append(e.size()).append(" bytes\n")
                    .append("  sha256    ").append(e.sha256()).append('\n');
            if (inv.width() != null) {
                s.append("  pixels    ").append(inv.width()).append(" x ").append(inv.height()).append('\n');
            }
            if (inv.duration() != null) {
                s.append("  duration  ").append(Numbers.format(inv.duration())).append(" s\n");
            }
            if (inv.pages() != null) {
                s.append("  pages     ").append(inv.pages()).append('\n');
            }
            s.append("  metadata  (").append(inv.reader()).append(")\n");
            String group = null;
            for (MetadataItem m : inv.items()) {
                if (!m.group().equals(group)) {
                    group = m.group();
                    s.append("    [").append(group).append("]\n");
                }
                String v = m.value().replace("\r", "\\r").replace("\n", "\\n");
                if (v.length() > WIDTH) {
                    v = v.substring(0, WIDTH) + "… (" + m.value().length() + " chars; --format json for all)";
                }
                s.append("      ").append(m.tag()).append(": ").append(v).append('\n');
            }
            s.append('\n');
        }
        return s.toString();
    }
}
