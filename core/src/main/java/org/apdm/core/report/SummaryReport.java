package org.apdm.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apdm.core.inventory.DesiredFrames;

/**
 * The cross-rig summary of {@code apdm report}: per rig, stage and target the frames, hours, nights and
 * completion, as text and as a self-contained HTML page with a chart of hours per target and filter (inline
 * SVG and CSS, no scripts, nothing fetched: it works offline and from a file).
 */
public final class SummaryReport {

    /** One target folder. {@code completion} is null when nothing is planned for it. */
    public record Line(String rig, String stage, String target, String targetFolder, int frames, double hours,
                       int nights, Double completion, Map<String, Double> hoursByFilter) {
    }

    private SummaryReport() {
    }

    public static List<Line> lines(List<ReportRow> rows, DesiredFrames desired) {
        Map<String, List<ReportRow>> byFolder = new LinkedHashMap<>();
        for (ReportRow r : rows) {
            byFolder.computeIfAbsent(r.targetFolder(), k -> new ArrayList<>()).add(r);
        }
        List<Line> out = new ArrayList<>();
        byFolder.forEach((folder, g) -> {
            ReportRow first = g.get(0);
            Set<String> nights = new HashSet<>();
            Map<String, Double> byFilter = new TreeMap<>();
            int frames = 0;
            double hours = 0;
            for (ReportRow r : g) {
                nights.add(r.night());
                frames += r.frames();
                hours += r.hours();
                byFilter.merge(r.filter() == null ? "?" : r.filter(), r.hours(), Double::sum);
            }
            Double completion = TargetTotals.of(first.target(), first.rig(), first.stage(), g, desired, List.of())
                    .completion();
            out.add(new Line(first.rig(), first.stage(), first.target(), folder, frames, hours, nights.size(), completion,
                    byFilter));
        });
        out.sort(Comparator.comparing(Line::rig).thenComparing(Line::stage).thenComparing(Line::target)
                .thenComparing(Line::targetFolder));
        return out;
    }

    public static String text(List<Line> lines, boolean desiredAvailable) {
        StringBuilder sb = new StringBuilder();
        String rig = null;
        int rigFrames = 0;
        double rigHours = 0;
        for (Line l : lines) {
            if (!l.rig().equals(rig)) {
                if (rig != null) {
                    total(sb, rigFrames, rigHours);
                }
                rig = l.rig();
                rigFrames = 0;
                rigHours = 0;
                sb.append(rig).append('\n');
                sb.append(String.format(Locale.ROOT, "  %-11s %-42s %7s %8s %6s %8s%n", "stage", "target", "frames",
                        "hours", "nights", "complete"));
            }
            rigFrames += l.frames();
            rigHours += l.hours();
            sb.append(String.format(Locale.ROOT, "  %-11s %-42s %7d %8s %6d %8s%n", l.stage(), cut(l.target(), 42),
                    l.frames(), Numbers.hours(l.hours()), l.nights(),
                    l.completion() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", l.completion())));
        }
        if (rig != null) {
            total(sb, rigFrames, rigHours);
        }
        int frames = lines.stream().mapToInt(Line::frames).sum();
        double hours = lines.stream().mapToDouble(Line::hours).sum();
        long rigs = lines.stream().map(Line::rig).distinct().count();
        sb.append(String.format(Locale.ROOT, "All rigs: %d rig(s), %d target folder(s), %d frames, %s hours%n", rigs,
                lines.size(), frames, Numbers.hours(hours)));
        if (!desiredAvailable) {
            sb.append("Completion is unknown: no Target Scheduler plans are available.\n");
        }
        return sb.toString().replace("\r\n", "\n");
    }

    private static void total(StringBuilder sb, int frames, double hours) {
        sb.append(String.format(Locale.ROOT, "  %-11s %-42s %7d %8s%n%n", "total", "", frames, Numbers.hours(hours)));
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    // ---- HTML ----

    private static final Map<String, String> COLORS = Map.ofEntries(
            Map.entry("L", "#9e9e9e"), Map.entry("R", "#d62728"), Map.entry("G", "#2ca02c"), Map.entry("B", "#1f77b4"),
            Map.entry("H", "#8b1a1a"), Map.entry("O", "#17becf"), Map.entry("S", "#ff7f0e"),
            Map.entry("UVIR", "#9467bd"), Map.entry("RGB", "#7f7f7f"), Map.entry("ALPT", "#bcbd22"),
            Map.entry("LeXtr", "#e377c2"), Map.entry("LenHa", "#8c564b"));
    private static final String[] MORE = {"#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d",
            "#31a354", "#756bb1", "#636363"};

    static String color(String filter) {
        String c = COLORS.get(filter);
        return c != null ? c : MORE[Math.floorMod(filter.hashCode(), MORE.length)];
    }

    public static String html(List<Line> lines, String title, boolean desiredAvailable) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:0 0 2em}th,td{padding:2px 10px;text-align:right}")
                .append("th:nth-child(-n+2),td:nth-child(-n+2){text-align:left}tr:nth-child(even){background:#f3f3f3}")
                .append("h2{margin-top:2em}.muted{color:#777}svg text{font-size:11px}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n");
        int frames = lines.stream().mapToInt(Line::frames).sum();
        double hours = lines.stream().mapToDouble(Line::hours).sum();
        h.append("<p>").append(lines.stream().map(Line::rig).distinct().count()).append(" rig(s), ").append(lines.size())
                .append(" target folder(s), ").append(frames).append(" frames, ").append(Numbers.hours(hours))
                .append(" hours.");
        if (!desiredAvailable) {
            h.append(" <span class=\"muted\">Completion is unknown: no Target Scheduler plans are available.</span>");
        }
        h.append("</p>\n<h2>Hours per target and filter</h2>\n");
        chart(h, lines);
        String rig = null;
        for (Line l : lines) {
            if (!l.rig().equals(rig)) {
                if (rig != null) {
                    h.append("</tbody></table>\n");
                }
                rig = l.rig();
                h.append("<h2>").append(esc(rig)).append("</h2>\n<table><thead><tr><th>stage</th><th>target</th>")
                        .append("<th>frames</th><th>hours</th><th>nights</th><th>complete</th></tr></thead><tbody>\n");
            }
            h.append("<tr><td>").append(esc(l.stage())).append("</td><td title=\"").append(esc(l.targetFolder()))
                    .append("\">").append(esc(l.target())).append("</td><td>").append(l.frames()).append("</td><td>")
                    .append(Numbers.hours(l.hours())).append("</td><td>").append(l.nights()).append("</td><td>")
                    .append(l.completion() == null ? "–" : String.format(Locale.ROOT, "%.0f%%", l.completion()))
                    .append("</td></tr>\n");
        }
        if (rig != null) {
            h.append("</tbody></table>\n");
        }
        h.append("<p class=\"muted\">Written by apdm.</p>\n</body>\n</html>\n");
        return h.toString();
    }

    /** A horizontal stacked bar per target folder (largest first), one colour per filter, with a legend. */
    private static void chart(StringBuilder h, List<Line> lines) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble(Line::hours).reversed().thenComparing(Line::target));
        Set<String> filters = new java.util.TreeSet<>();
        sorted.forEach(l -> filters.addAll(l.hoursByFilter().keySet()));
        double max = sorted.stream().mapToDouble(Line::hours).max().orElse(1);
        int label = 390;
        int width = 560;
        int bar = 14;
        int gap = 4;
        int legend = 24;
        int height = legend + sorted.size() * (bar + gap) + 10;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(label + width + 80)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(label + width + 80).append(' ')
                .append(height).append("\">\n<title>Hours per target and filter</title>\n");
        int x = 0;
        for (String f : filters) {
            h.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"").append(color(f))
                    .append("\"/><text x=\"").append(x + 16).append("\" y=\"14\">").append(esc(f)).append("</text>\n");
            x += 24 + 8 * f.length();
        }
        int y = legend;
        for (Line l : sorted) {
            h.append("<text x=\"").append(label - 6).append("\" y=\"").append(y + bar - 3)
                    .append("\" text-anchor=\"end\">").append(esc(cut(l.target() + " · " + l.rig(), 60))).append("</text>\n");
            double px = label;
            for (Map.Entry<String, Double> e : l.hoursByFilter().entrySet()) {
                double w = max <= 0 ? 0 : e.getValue() / max * width;
                h.append("<rect x=\"").append(fmt(px)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
                        .append("\" height=\"").append(bar).append("\" fill=\"").append(color(e.getKey()))
                        .append("\"><title>").append(esc(l.target() + ", " + e.getKey() + ": " + Numbers.hours(e.getValue())
                                + " h")).append("</title></rect>\n");
                px += w;
            }
            h.append("<text x=\"").append(fmt(px + 4)).append("\" y=\"").append(y + bar - 3).append("\">")
                    .append(Numbers.hours(l.hours())).append(" h</text>\n");
            y += bar + gap;
        }
        h.append("</svg>\n");
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** HTML text and attribute escaping. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
