package org.exhibit.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.exhibit.report.Html.esc;

/**
 * Renders a finding's structured detail for people: a map becomes a two-column table, a list of maps (an
 * itemised comparison, a creative history) becomes a table with one row per item, anything else is text.
 */
final class DataTable {

    private static final int MAX_ROWS = 500;

    private DataTable() {
    }

    static void render(StringBuilder h, Map<?, ?> data) {
        h.append("<table class=\"kv\"><tbody>\n");
        for (Map.Entry<?, ?> e : data.entrySet()) {
            h.append("<tr><th>").append(esc(e.getKey())).append("</th><td class=\"text\">");
            value(h, e.getValue());
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void value(StringBuilder h, Object v) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            render(h, m);
        } else if (HtmlReportWriter.isTable(v)) {
            rows(h, (Collection<?>) v);
        } else if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(x -> parts.add(x instanceof Double d ? Numbers.format(d) : String.valueOf(x)));
            h.append(esc(String.join(", ", parts)));
        } else if (v instanceof Double d) {
            h.append(esc(Numbers.format(d)));
        } else {
            h.append(esc(v));
        }
    }

    private static void rows(StringBuilder h, Collection<?> items) {
        Set<Object> columns = new LinkedHashSet<>();
        items.forEach(i -> columns.addAll(((Map<?, ?>) i).keySet()));
        h.append("<table class=\"rows\"><thead><tr>");
        columns.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        int n = 0;
        for (Object item : items) {
            if (++n > MAX_ROWS) {
                h.append("<tr><td colspan=\"").append(columns.size()).append("\">… ").append(items.size() - MAX_ROWS)
                        .append(" more rows in report.json</td></tr>\n");
                break;
            }
            h.append("<tr>");
            for (Object c : columns) {
                h.append("<td class=\"text\">");
                Object cell = ((Map<?, ?>) item).get(c);
                value(h, cell == null ? "" : cell);
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }
}
