package org.apdm.core.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apdm.core.calibration.ArchiveOperation;
import org.apdm.core.calibration.ArchivePlanner;
import org.apdm.core.calibration.CleanOperation;
import org.apdm.core.calibration.DistributionOperation;
import org.apdm.core.calibration.DistributionPlanner;
import org.apdm.core.calibration.MasterFrame;
import org.apdm.core.calibration.MasterKind;
import org.apdm.core.calibration.MasterMatch;
import org.apdm.core.calibration.PromotionOperation;
import org.apdm.core.calibration.PromotionPlanner;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;

/**
 * The wording of {@code apdm calibration archive|distribute|clean} and {@code apdm promote}: what the terminal
 * prints and the window's log shows. {@code ex} is null for a dry run (the outcomes are then the engine's preview).
 */
public final class CalibrationSummary {

    private CalibrationSummary() {
    }

    // ---- shared ----

    /** One word for what a step did or would do ("copied", "would-copy", "already-there"). */
    public static String outcomeLabel(OperationOutcome o, boolean dryRun) {
        if (o.outcome() == Outcome.ALREADY_DONE && o.operation() instanceof FileOperation.Copy) {
            return "already-there";
        }
        return PlanSummary.label(o.outcome(), o.operation(), dryRun);
    }

    public static long count(List<OperationOutcome> outcomes, Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }

    private static String state(boolean dryRun, ExecutionResult ex, String dry) {
        return dryRun ? " (" + dry + ")" : ex != null && ex.cancelled() ? " (cancelled)" : "";
    }

    // ---- archive ----

    public static PathDisplay display(ArchiveOperation.Request r) {
        return new PathDisplay(List.of(r.from(), r.library()));
    }

    public static List<String> archiveLines(ArchiveOperation.Prepared p, List<OperationOutcome> outcomes,
                                            ExecutionResult ex, boolean dryRun, PathDisplay display) {
        List<String> out = new ArrayList<>(PlanSummary.recoveryLines(p.recovery()));
        Plan plan = p.planned().plan();
        Map<Path, OperationOutcome> bySource = new HashMap<>();
        outcomes.forEach(o -> bySource.put(o.operation().source(), o));
        out.add(String.format("Archive of masters: %s → %s%s", p.request().from(), p.request().library(),
                state(dryRun, ex, "dry run, nothing copied")));
        Map<MasterKind, Integer> kinds = new EnumMap<>(MasterKind.class);
        p.planned().entries().forEach(e -> kinds.merge(e.master().kind(), 1, Integer::sum));
        out.add(String.format("  found %d master(s) (%d bias, %d darks, %d flats) in %d files%s", p.planned().entries().size(),
                kinds.getOrDefault(MasterKind.BIAS, 0), kinds.getOrDefault(MasterKind.DARK, 0),
                kinds.getOrDefault(MasterKind.FLAT, 0), p.scanned(),
                p.planned().others().isEmpty() ? "" : "; " + p.planned().others().size() + " other image(s) ignored"));
        for (ArchivePlanner.Entry e : p.planned().entries()) {
            OperationOutcome o = bySource.get(e.master().file());
            if (o == null) {
                continue;
            }
            out.add(String.format("  %-13s %s  →  %s%s", outcomeLabel(o, dryRun).replace('-', ' '), display.show(e.master().file()),
                    display.show(e.destination()), o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED
                            ? "\n                (" + (o.detail().isEmpty() ? "a different file is there" : o.detail())
                            + "; nothing was replaced)" : ""));
        }
        out.addAll(PlanSummary.leftBehindLines(display, plan.leftBehind()));
        out.add(String.format("  %s %d, already in the library %d, conflicts %d, failed %d, left behind %d",
                dryRun ? "would copy" : "copied", count(outcomes, Outcome.DONE), count(outcomes, Outcome.ALREADY_DONE),
                count(outcomes, Outcome.CONFLICT), count(outcomes, Outcome.FAILED), plan.leftBehind().size()));
        return out;
    }

    // ---- distribute ----

    public static PathDisplay display(DistributionOperation.Request r) {
        return new PathDisplay(List.of(r.data(), r.library()));
    }

    /**
     * @param unanswered questions about flats of other nights nobody answered
     */
    public static List<String> distributeLines(DistributionOperation.Prepared p, List<OperationOutcome> outcomes,
                                               ExecutionResult ex, boolean dryRun, PathDisplay display, int unanswered) {
        DistributionPlanner.Result planned = p.planned();
        Plan plan = planned.plan();
        Map<Path, OperationOutcome> byDestination = byDestination(outcomes);
        List<String> out = new ArrayList<>(PlanSummary.recoveryLines(p.recovery()));
        out.add(String.format("Calibration of 10_Blink from %s (%d masters; flat fallback %s, dark scaling %s)%s",
                p.request().library(), p.masters(), p.policy().flatFallback().configName(),
                p.policy().darkScaling() ? "on" : "off", state(dryRun, ex, "dry run, nothing copied")));
        p.notes().forEach(n -> out.add("  note: " + n));
        for (LeftBehind u : p.unreadable()) {
            out.add(String.format("  unreadable library file %s: %s", display.show(u.file()), u.reason()));
        }
        out.addAll(tableLines(planned.rows(), byDestination, dryRun));
        List<String> problems = missingLines(planned.rows(), display);
        if (!problems.isEmpty()) {
            out.add("What is missing:");
            out.addAll(problems);
        }
        out.addAll(PlanSummary.problemLines(display, ex != null ? ex : new ExecutionResult(outcomes, false, 0, p.recovery())));
        out.addAll(PlanSummary.leftBehindLines(display, plan.leftBehind()));
        long complete = planned.rows().size() - planned.missing();
        out.add(String.format("%s %d master(s); %d of %d light group(s) have their dark and flat%s",
                dryRun ? "Would copy" : "Copied", count(outcomes, Outcome.DONE), complete, planned.rows().size(),
                p.policy().darkScaling() ? " (and bias where a dark is scaled)" : ""));
        if (unanswered > 0) {
            out.add(String.format("%d question(s) about flats of other nights wait for you: run without --dry-run at a terminal",
                    unanswered));
        }
        return out;
    }

    public static Map<Path, OperationOutcome> byDestination(List<OperationOutcome> outcomes) {
        Map<Path, OperationOutcome> m = new HashMap<>();
        outcomes.forEach(o -> m.put(o.operation().destination(), o));
        return m;
    }

    /** The columns of the per-rig table: target, night, filter, exp, lights, dark, flat, bias. */
    public static final List<String> TABLE_HEAD = List.of("target", "night", "filter", "exp", "lights", "dark", "flat", "bias");

    /** One light group's cells, in {@link #TABLE_HEAD} order. */
    public static List<String> cells(DistributionPlanner.Row r, Map<Path, OperationOutcome> byDestination, boolean dryRun) {
        String night = (r.night().accepted() ? "accept/" : "") + r.night().night();
        return List.of(r.night().target(), night, r.filter() == null ? "-" : r.filter(),
                r.exposure() == null ? "-" : r.exposure(), String.valueOf(r.group().lights()),
                cell(r.match().dark(), r.destinations().get(MasterKind.DARK), byDestination, dryRun),
                cell(r.match().flat(), r.destinations().get(MasterKind.FLAT), byDestination, dryRun),
                cell(r.match().bias(), r.destinations().get(MasterKind.BIAS), byDestination, dryRun));
    }

    private static List<String> tableLines(List<DistributionPlanner.Row> rows, Map<Path, OperationOutcome> byDestination,
                                           boolean dryRun) {
        List<String> out = new ArrayList<>();
        Map<String, List<List<String>>> byRig = new LinkedHashMap<>();
        for (DistributionPlanner.Row r : rows) {
            byRig.computeIfAbsent(r.rig(), k -> new ArrayList<>()).add(cells(r, byDestination, dryRun));
        }
        if (byRig.isEmpty()) {
            out.add("  no nights of lights found in 10_Blink");
            return out;
        }
        for (Map.Entry<String, List<List<String>>> e : byRig.entrySet()) {
            out.add(e.getKey());
            int[] w = new int[TABLE_HEAD.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = TABLE_HEAD.get(i).length();
                for (List<String> c : e.getValue()) {
                    w[i] = Math.max(w[i], c.get(i).length());
                }
            }
            out.add(row(TABLE_HEAD, w));
            for (List<String> c : e.getValue()) {
                out.add(row(c, w));
            }
        }
        return out;
    }

    private static String row(List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder(" ");
        for (int i = 0; i < cells.size(); i++) {
            sb.append(' ').append(cells.get(i));
            if (i < cells.size() - 1) {
                sb.append(" ".repeat(w[i] - cells.get(i).length() + 1));
            }
        }
        return sb.toString();
    }

    /** "rig / night / folder: flat MISSING — no master flat with DATE …", with the candidates of an ambiguous one. */
    public static List<String> missingLines(List<DistributionPlanner.Row> rows, PathDisplay display) {
        List<String> problems = new ArrayList<>();
        for (DistributionPlanner.Row r : rows) {
            for (MasterMatch mm : r.match().all()) {
                if (!mm.satisfied()) {
                    StringBuilder sb = new StringBuilder("  ").append(r.rig()).append(" / ").append(r.night().label())
                            .append(" / ").append(r.group().folder().getFileName()).append(": ").append(mm.kind().label())
                            .append(' ').append(status(mm)).append(" — ").append(mm.detail());
                    if (mm.status() == MasterMatch.Status.AMBIGUOUS) {
                        for (MasterFrame c : mm.candidates()) {
                            sb.append("\n      ").append(display.show(c.file()));
                        }
                    }
                    problems.add(sb.toString());
                }
            }
        }
        return problems;
    }

    /** A table cell: "copied", "would copy (flat of 2025-03-01)", "MISSING", "CHOOSE", "-" (not needed), or what is there. */
    public static String cell(MasterMatch mm, Path destination, Map<Path, OperationOutcome> byDestination, boolean dryRun) {
        switch (mm.status()) {
            case NOT_NEEDED:
                return "-";
            case PRESENT:
                return mm.detail();
            case MISSING:
            case AMBIGUOUS:
            case UNDECIDED:
                return status(mm);
            default:
                break;
        }
        OperationOutcome o = destination == null ? null : byDestination.get(destination);
        String what = o == null ? "?" : switch (o.outcome()) {
            case DONE -> dryRun ? "would copy" : "copied";
            case ALREADY_DONE -> "already there";
            case CONFLICT -> "CONFLICT";
            case FAILED -> "FAILED";
            case NOT_RUN -> "not run";
            default -> o.outcome().name().toLowerCase(Locale.ROOT);
        };
        return mm.status() == MasterMatch.Status.EXACT ? what : what + " (" + mm.detail() + ")";
    }

    public static String status(MasterMatch mm) {
        return switch (mm.status()) {
            case MISSING -> "MISSING";
            case AMBIGUOUS -> "AMBIGUOUS (" + mm.candidates().size() + ")";
            case UNDECIDED -> "CHOOSE";
            default -> mm.status().name().toLowerCase(Locale.ROOT);
        };
    }

    // ---- clean ----

    public static PathDisplay display(CleanOperation.Request r) {
        List<Path> bases = new ArrayList<>(List.of(r.raw(), r.library()));
        if (r.pixinsightTemp() != null) {
            bases.add(r.pixinsightTemp());
        }
        return new PathDisplay(bases);
    }

    /** What clean would delete and keep, before it asks. */
    public static List<String> cleanPlanLines(CleanOperation.Prepared p, List<OperationOutcome> predicted, boolean dryRun,
                                              PathDisplay display, boolean everyFile) {
        List<String> out = new ArrayList<>(PlanSummary.recoveryLines(p.recovery()));
        out.add(String.format("Clean up after archiving%s", dryRun ? " (dry run, nothing deleted)" : ""));
        p.planned().notes().forEach(n -> out.add("  note: " + n));
        out.add(String.format("  raw calibration frames in %s: %d read; would delete %d (%s), keep %d", p.request().raw(),
                p.scanned(), p.planned().rawDeleted().values().stream().mapToInt(Integer::intValue).sum(),
                kinds(p.planned().rawDeleted()), p.planned().rawKept()));
        if (p.tempFolder() != null) {
            out.add(String.format("  PixInsight temp folder %s: would delete %d file(s)", p.tempFolder(),
                    p.planned().tempDeleted()));
        }
        Map<String, Integer> byFolder = new TreeMap<>();
        for (OperationOutcome o : predicted) {
            if (everyFile) {
                out.add(String.format("    delete %s", display.show(o.operation().source())));
            } else {
                byFolder.merge(display.show(o.operation().source().getParent()), 1, Integer::sum);
            }
        }
        byFolder.forEach((folder, n) -> out.add(String.format("  %5d  delete in %s", n, folder)));
        out.addAll(keptLines(display, p.planned().plan().leftBehind()));
        return out;
    }

    /** Kept files grouped by folder and reason: hundreds of raw flats of one night make one line. */
    public static List<String> keptLines(PathDisplay display, List<LeftBehind> left) {
        Map<String, Integer> groups = new TreeMap<>();
        for (LeftBehind l : left) {
            groups.merge(display.show(l.file().getParent()) + ": " + l.reason(), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        groups.forEach((g, n) -> out.add(String.format("  %5d  keep in %s", n, g)));
        return out;
    }

    /** What clean deleted. */
    public static List<String> cleanResultLines(CleanOperation.Prepared p, ExecutionResult ex, PathDisplay display) {
        List<String> out = new ArrayList<>(PlanSummary.problemLines(display, ex));
        out.add(String.format("Deleted %d file(s)%s; kept %d; failed %d; removed %d empty folder(s)",
                count(ex.outcomes(), Outcome.DONE), ex.cancelled() ? " (cancelled)" : "", p.planned().plan().leftBehind().size(),
                count(ex.outcomes(), Outcome.FAILED), ex.removedDirectories()));
        return out;
    }

    public static String kinds(Map<MasterKind, Integer> m) {
        List<String> parts = new ArrayList<>();
        for (MasterKind k : MasterKind.values()) {
            parts.add(m.getOrDefault(k, 0) + " " + k.rawType().folderName());
        }
        return String.join(", ", parts);
    }

    // ---- promote ----

    public static PathDisplay display(PromotionOperation.Request r) {
        return new PathDisplay(List.of(r.data()));
    }

    /** The steps of each night, by the night's folder. */
    public static Map<Path, List<OperationOutcome>> byNight(PromotionOperation.Prepared p, List<OperationOutcome> outcomes) {
        Map<Path, List<OperationOutcome>> byNight = new LinkedHashMap<>();
        for (PromotionPlanner.NightResult n : p.planned().nights()) {
            byNight.put(n.night().folder(), new ArrayList<>());
        }
        for (OperationOutcome o : outcomes) {
            for (Map.Entry<Path, List<OperationOutcome>> e : byNight.entrySet()) {
                if (o.operation().source().startsWith(e.getKey())) {
                    e.getValue().add(o);
                    break;
                }
            }
        }
        return byNight;
    }

    public static List<String> promoteLines(PromotionOperation.Prepared p, List<OperationOutcome> outcomes,
                                            ExecutionResult ex, boolean dryRun, PathDisplay display) {
        Map<Path, List<OperationOutcome>> byNight = byNight(p, outcomes);
        List<String> out = new ArrayList<>(PlanSummary.recoveryLines(p.recovery()));
        out.add(String.format("Promote reviewed nights 10_Blink → 20_Data%s", state(dryRun, ex, "dry run, nothing moved")));
        p.notes().forEach(n -> out.add("  note: " + n));
        int moved = 0;
        int stay = 0;
        for (PromotionPlanner.NightResult n : p.planned().nights()) {
            if (n.ready()) {
                List<OperationOutcome> mine = byNight.get(n.night().folder());
                long problems = mine.stream().filter(o -> o.outcome().leavesSourceBehind()).count();
                out.add(String.format("  %-10s %s / %s  →  %s  (%d files%s)", dryRun ? "would move" : problems == 0 ? "moved" : "partly",
                        n.night().rig(), n.night().label(), display.show(n.destination()), mine.size(),
                        problems == 0 ? "" : ", " + problems + " stayed"));
                for (OperationOutcome o : mine) {
                    if (o.outcome().leavesSourceBehind() || o.outcome() == Outcome.FAILED) {
                        out.add(String.format("      %s %s: %s", PlanSummary.label(o.outcome(), o.operation()),
                                display.show(o.operation().source()), o.detail()));
                    }
                }
                moved++;
            } else {
                out.add(String.format("  %-10s %s / %s", "stays", n.night().rig(), n.night().label()));
                n.reasons().forEach(r -> out.add(String.format("      %s", r)));
                stay++;
            }
        }
        if (p.planned().nights().isEmpty()) {
            out.add("  no reviewed nights in any {target}/accept/ of 10_Blink");
        }
        p.planned().plan().leftBehind().stream().filter(l -> !l.reason().startsWith("not ready"))
                .forEach(l -> out.add(String.format("  unreadable %s: %s", display.show(l.file()), l.reason())));
        out.add(String.format("%s %d night(s); %d not ready%s", dryRun ? "Would move" : "Moved", moved, stay,
                ex != null && ex.removedDirectories() > 0 ? "; removed " + ex.removedDirectories() + " empty folder(s)" : ""));
        return out;
    }
}
