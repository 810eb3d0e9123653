package org.apdm.core.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.cull.GroupProposal;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;

/** The wording of a cull's result: one line per group with rejects, totals per rig and pass, what was unreadable. */
public final class CullSummary {

    private CullSummary() {
    }

    /** A number with at most two decimals and no trailing zeros ({@code 4.6}, {@code 30}). */
    public static String num(Double v) {
        if (v == null) {
            return "-";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** Metrics that rejected frames, with counts ({@code hfr 3, rmsac 1}). */
    public static String reasons(GroupProposal p) {
        Map<String, Integer> byMetric = new TreeMap<>();
        p.rejects().forEach(x -> x.metricsBroken().forEach(m -> byMetric.merge(m, 1, Integer::sum)));
        List<String> parts = new ArrayList<>();
        byMetric.forEach((m, n) -> parts.add(m + " " + n));
        return String.join(", ", parts);
    }

    public static String decision(CullOperation.GroupResult g, boolean dryRun) {
        return switch (g.decision()) {
            case NOTHING -> "-";
            case AUTOMATIC -> dryRun ? "would apply (auto)" : "applied (auto)";
            case APPROVED -> dryRun ? "would apply (yes)" : "applied (yes)";
            case DECLINED -> "not applied (needs a decision)";
        };
    }

    /** Header, notes, the per-group table and the totals. */
    public static List<String> groupLines(CullOperation.Result r) {
        List<String> out = new ArrayList<>(PlanSummary.recoveryLines(r.recovery()));
        out.add(String.format("Cull of 10_Blink%s%s", r.dryRun() ? " (dry run, nothing moved)" : "",
                r.cancelled() ? " (cancelled)" : ""));
        r.notes().forEach(n -> out.add("  note: " + n));
        out.add(String.format("  %-10s %8s %6s %6s  %-32s %s", "pass", "rejected", "of", "%", "decision", "group"));
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, Integer> byReason = new TreeMap<>();
        for (CullOperation.GroupResult g : r.groups()) {
            GroupProposal p = g.proposal();
            long[] t = totals.computeIfAbsent(p.group().rig() + " / " + p.pass().name(), k -> new long[2]);
            t[1] += p.total();
            boolean applied = g.decision() == CullOperation.Decision.AUTOMATIC
                    || g.decision() == CullOperation.Decision.APPROVED;
            if (applied) {
                t[0] += r.dryRun() ? p.rejects().size() : g.moved();
                p.rejects().forEach(x -> x.metricsBroken().forEach(m -> byReason.merge(m, 1, Integer::sum)));
            }
            if (p.rejects().isEmpty()) {
                continue;
            }
            out.add(String.format("  %-10s %8d %6d %6s  %-32s %s  [%s]", p.pass().name(), p.rejects().size(), p.total(),
                    p.percentText(), decision(g, r.dryRun()), p.group().folder().toString().replace('\\', '/'),
                    reasons(p)));
            for (OperationOutcome o : g.outcomes()) {
                if (o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED) {
                    out.add(String.format("      %s %s: %s", PlanSummary.label(o.outcome(), o.operation()),
                            o.operation().source().getFileName(), o.detail()));
                }
            }
        }
        out.add("  totals (rejected / judged):");
        totals.forEach((k, t) -> out.add(String.format("    %-40s %6d / %d", k, t[0], t[1])));
        if (!byReason.isEmpty()) {
            List<String> parts = new ArrayList<>();
            byReason.forEach((m, n) -> parts.add(m + " " + n));
            out.add("    by reason: " + String.join(", ", parts));
        }
        return out;
    }

    /** Unreadable frames and where the rejects went. */
    public static List<String> tailLines(CullOperation.Result r, Path data, Path reject) {
        List<String> out = new ArrayList<>();
        if (!r.unreadable().isEmpty()) {
            out.add(String.format("  unreadable     %d  (never culled; they stay where they are)", r.unreadable().size()));
            r.unreadable().forEach(l -> out.add(String.format("    %s: %s", data.relativize(l.file()), l.reason())));
        }
        if (!r.dryRun()) {
            out.add("  rejected frames are in " + reject + "; `apdm cull restore` puts them back");
        }
        return out;
    }

    /** The statistics of a group that needs a decision, as the terminal asks and the window shows them. */
    public static String describe(GroupProposal p) {
        StringBuilder sb = new StringBuilder();
        sb.append("Reject for '").append(p.group().folder().toString().replace('\\', '/')).append("' (")
                .append(p.pass().name()).append(", auto-accept below ")
                .append(num(p.pass().autoAcceptPercent())).append(" %)\n");
        p.stats().forEach((metric, s) -> {
            sb.append(String.format(Locale.ROOT, "  %-7s", metric));
            if (s.withValue() == 0) {
                sb.append(" no data");
            } else {
                sb.append(String.format(Locale.ROOT, " min %s  median %s  max %s", num(s.min()), num(s.median()),
                        num(s.max())));
            }
            if (s.noData() > 0) {
                sb.append("  (").append(s.noData()).append(" without a value)");
            }
            long broken = p.rejects().stream().filter(r -> r.metricsBroken().contains(metric)).count();
            sb.append("  → rejects ").append(broken).append('\n');
        });
        for (GroupProposal.Reject r : p.rejects()) {
            sb.append("    ").append(r.frame().file().getFileName()).append(": ").append(String.join(", ", r.reasons()))
                    .append('\n');
        }
        p.relativeNotes().forEach(n -> sb.append("  note: ").append(n).append('\n'));
        return sb.toString().stripTrailing();
    }
}
