package org.apdm.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.inventory.InventoryFolder;

/**
 * {@code totals.txt}: hours a target has, wants and still needs, per filter and panel. "Want" comes from the
 * {@link DesiredFrames} source (the Target Scheduler); without one, want and need are shown as unknown.
 * Hours are summed first and rounded once (the old script rounded every row).
 */
public final class TargetTotals {

    /** One filter (and panel). {@code want} and {@code need} are null when unknown. */
    public record Entry(String filter, String panel, double have, Double want, Double need) {
    }

    public record Totals(String target, String rig, String stage, List<Entry> entries, boolean wantKnown) {
        public double have() {
            return entries.stream().mapToDouble(Entry::have).sum();
        }

        public Double want() {
            return wantKnown ? entries.stream().mapToDouble(e -> e.want() == null ? 0 : e.want()).sum() : null;
        }

        public Double need() {
            return wantKnown ? entries.stream().mapToDouble(e -> e.need() == null ? 0 : e.need()).sum() : null;
        }

        /** The least complete planned filter/panel in percent, or null when nothing is planned. */
        public Double completion() {
            Double least = null;
            for (Entry e : entries) {
                if (e.want() != null && e.want() > 0) {
                    double p = Math.min(100.0, e.have() * 100.0 / e.want());
                    least = least == null ? p : Math.min(least, p);
                }
            }
            return least;
        }
    }

    private TargetTotals() {
    }

    public static Totals of(String target, String rig, String stage, List<ReportRow> rows, DesiredFrames desired,
                            List<String> filterOrder) {
        Map<String, double[]> have = new LinkedHashMap<>();
        for (ReportRow r : rows) {
            have.computeIfAbsent(key(r.filter(), r.panel()), k -> new double[1])[0] += r.hours();
        }
        return of(target, rig, stage, have, desired, filterOrder);
    }

    /**
     * The same totals from the archive itself rather than the database: the accepted folders of one target in one
     * stage (folders not yet through blink are not counted, as the database does not record them). The window's
     * dashboard shows this completion, so it reads the same as the report's.
     */
    public static Totals ofFolders(String target, String rig, String stage, List<InventoryFolder> folders,
                                   DesiredFrames desired, List<String> filterOrder) {
        Map<String, double[]> have = new LinkedHashMap<>();
        for (InventoryFolder f : folders) {
            if (f.accepted()) {
                have.computeIfAbsent(key(f.filter(), f.panel()), k -> new double[1])[0] += f.hours();
            }
        }
        return of(target, rig, stage, have, desired, filterOrder);
    }

    private static Totals of(String target, String rig, String stage, Map<String, double[]> have, DesiredFrames desired,
                             List<String> filterOrder) {
        Map<String, Double> want = new LinkedHashMap<>();
        if (desired.available()) {
            for (DesiredFrames.Desired d : desired.desired(rig, target)) {
                want.merge(key(d.filter(), d.panel()), d.hours(), Double::sum);
            }
        }
        List<String> keys = new ArrayList<>(have.keySet());
        want.keySet().stream().filter(k -> !have.containsKey(k)).forEach(keys::add);
        keys.sort((a, b) -> {
            int ia = order(filterOrder, a.split("\u0000", -1)[0]);
            int ib = order(filterOrder, b.split("\u0000", -1)[0]);
            return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
        });
        List<Entry> entries = new ArrayList<>();
        for (String k : keys) {
            String[] p = k.split("\u0000", -1);
            double h = have.containsKey(k) ? have.get(k)[0] : 0;
            Double w = desired.available() ? want.getOrDefault(k, 0.0) : null;
            entries.add(new Entry(p[0].isEmpty() ? null : p[0], p[1], h, w, w == null ? null : Math.max(0, w - h)));
        }
        return new Totals(target, rig, stage, entries, desired.available());
    }

    private static int order(List<String> filterOrder, String filter) {
        int i = filterOrder.indexOf(filter);
        return i < 0 ? filterOrder.size() : i;
    }

    private static String key(String filter, String panel) {
        return (filter == null ? "" : filter) + "\u0000" + (panel == null ? "" : panel);
    }

    /** The file's text: a small table, the same every time for the same data (no date in it). */
    public static String format(Totals t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.target()).append(" (").append(t.rig()).append(", ").append(t.stage()).append(")\n");
        sb.append("Hours per filter and panel, written by apdm.");
        sb.append(t.wantKnown() ? " Want is what the Target Scheduler plans.\n"
                : " Want and need are unknown: no Target Scheduler plans are available.\n");
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-10s %-8s %8s %8s %8s%n", "filter", "panel", "have", "want", "need"));
        for (Entry e : t.entries()) {
            sb.append(String.format(Locale.ROOT, "%-10s %-8s %8s %8s %8s%n", e.filter() == null ? "?" : e.filter(),
                    e.panel(), Numbers.hours(e.have()), e.want() == null ? "-" : Numbers.hours(e.want()),
                    e.need() == null ? "-" : Numbers.hours(e.need())));
        }
        sb.append(String.format(Locale.ROOT, "%-10s %-8s %8s %8s %8s%n", "total", "", Numbers.hours(t.have()),
                t.want() == null ? "-" : Numbers.hours(t.want()), t.need() == null ? "-" : Numbers.hours(t.need())));
        return sb.toString().replace("\r\n", "\n");
    }
}
