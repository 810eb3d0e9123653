package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;

/** Runs the calibration commands and prints their results (text and JSON); shared with {@code apdm demo}. */
final class CalibrationReports {

    private CalibrationReports() {
    }

    // ---- archive ----

    static int archive(ApdmConfig config, ArchiveOperation.Request request, OutputOptions output, boolean dryRun,
                       CliEnvironment env, PrintWriter out, PrintWriter err) throws IOException {
        ArchiveOperation op = new ArchiveOperation(config, Engines.of(config));
        PlanReport report = new PlanReport(List.of(request.from(), request.library()));
        ArchiveOperation.Prepared p;
        List<OperationOutcome> outcomes;
        ExecutionResult ex = null;
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            p = op.prepare(request, progress, cancel.token());
            if (dryRun) {
                outcomes = op.preview(p);
            } else {
                ex = op.execute(p, progress, cancel.token()).execution();
                outcomes = ex.outcomes();
            }
        }
        Plan plan = p.planned().plan();
        int code = exitCode(plan, outcomes, ex, false);
        Map<Path, OperationOutcome> bySource = new HashMap<>();
        outcomes.forEach(o -> bySource.put(o.operation().source(), o));
        if (output.json()) {
            List<Map<String, Object>> masters = new ArrayList<>();
            for (ArchivePlanner.Entry e : p.planned().entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", e.master().file().toString());
                m.put("kind", e.master().kind().label());
                m.put("values", e.master().metadata().asMap());
                m.put("destination", e.destination() == null ? null : e.destination().toString());
                OperationOutcome o = bySource.get(e.master().file());
                m.put("outcome", o == null ? "left-behind" : outcomeLabel(o, dryRun));
                m.put("reason", e.problem() != null ? e.problem() : o != null && !o.detail().isEmpty() ? o.detail() : null);
                masters.add(m);
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("command", "calibration archive");
            j.put("dryRun", dryRun);
            j.put("from", request.from().toString());
            j.put("library", request.library().toString());
            j.put("scanned", p.scanned());
            j.put("summary", summary(outcomes, plan));
            j.put("masters", masters);
            j.put("otherImages", p.planned().others().stream().map(Path::toString).toList());
            j.put("exitCode", code);
            out.println(Json.write(j));
            out.flush();
            return code;
        }
        PlanReport.printRecovery(out, p.recovery());
        out.printf("Archive of masters: %s → %s%s%n", request.from(), request.library(),
                dryRun ? " (dry run, nothing copied)" : ex != null && ex.cancelled() ? " (cancelled)" : "");
        Map<MasterKind, Integer> kinds = new EnumMap<>(MasterKind.class);
        p.planned().entries().forEach(e -> kinds.merge(e.master().kind(), 1, Integer::sum));
        out.printf("  found %d master(s) (%d bias, %d darks, %d flats) in %d files%s%n", p.planned().entries().size(),
                kinds.getOrDefault(MasterKind.BIAS, 0), kinds.getOrDefault(MasterKind.DARK, 0),
                kinds.getOrDefault(MasterKind.FLAT, 0), p.scanned(),
                p.planned().others().isEmpty() ? "" : "; " + p.planned().others().size() + " other image(s) ignored");
        for (ArchivePlanner.Entry e : p.planned().entries()) {
            OperationOutcome o = bySource.get(e.master().file());
            if (o == null) {
                continue;
            }
            out.printf("  %-13s %s  →  %s%s%n", outcomeLabel(o, dryRun).replace('-', ' '), report.show(e.master().file()),
                    report.show(e.destination()), o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED
                            ? "\n                (" + (o.detail().isEmpty() ? "a different file is there" : o.detail())
                            + "; nothing was replaced)" : "");
        }
        report.printLeftBehind(out, plan.leftBehind());
        out.printf("  %s %d, already in the library %d, conflicts %d, failed %d, left behind %d%n",
                dryRun ? "would copy" : "copied", count(outcomes, Outcome.DONE), count(outcomes, Outcome.ALREADY_DONE),
                count(outcomes, Outcome.CONFLICT), count(outcomes, Outcome.FAILED), plan.leftBehind().size());
        out.flush();
        return code;
    }

    // ---- distribute ----

    static int distribute(ApdmConfig config, DistributionOperation.Request request, OutputOptions output, boolean dryRun,
                          CliEnvironment env, PrintWriter out, PrintWriter err) throws IOException {
        DistributionOperation op = new DistributionOperation(config, Engines.of(config));
        TerminalFlatDecider decider = new TerminalFlatDecider(dryRun, env, err);
        PlanReport report = new PlanReport(List.of(request.data(), request.library()));
        DistributionOperation.Prepared p;
        List<OperationOutcome> outcomes;
        ExecutionResult ex = null;
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            p = op.prepare(request, decider, progress, cancel.token());
            if (dryRun) {
                outcomes = op.preview(p);
            } else {
                ex = op.execute(p, progress, cancel.token()).execution();
                outcomes = ex.outcomes();
            }
        }
        DistributionPlanner.Result planned = p.planned();
        Plan plan = planned.plan();
        Map<Path, OperationOutcome> byDestination = new HashMap<>();
        outcomes.forEach(o -> byDestination.put(o.operation().destination(), o));
        long incomplete = planned.missing();
        int code = exitCode(plan, outcomes, ex, incomplete > 0);
        if (output.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DistributionPlanner.Row r : planned.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rig", r.rig());
                m.put("target", r.night().target());
                m.put("accepted", r.night().accepted());
                m.put("night", r.night().night());
                m.put("folder", r.group().folder().toString());
                m.put("filter", r.filter());
                m.put("exposure", r.exposure());
                m.put("lights", r.group().lights());
                for (MasterMatch mm : r.match().all()) {
                    m.put(mm.kind().label(), matchJson(mm, r.destinations().get(mm.kind()), byDestination, dryRun));
                }
                rows.add(m);
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("command", "calibration distribute");
            j.put("dryRun", dryRun);
            j.put("data", request.data().toString());
            j.put("library", request.library().toString());
            j.put("masters", p.masters());
            j.put("flatFallback", p.policy().flatFallback().configName());
            j.put("darkScaling", p.policy().darkScaling());
            Map<String, Object> s = summary(outcomes, plan);
            s.put("groups", planned.rows().size());
            s.put("groups_incomplete", incomplete);
            j.put("summary", s);
            j.put("rows", rows);
            j.put("notes", p.notes());
            j.put("unreadableLibraryFiles", p.unreadable().stream().map(l -> l.file() + ": " + l.reason()).toList());
            j.put("files", report.entries(outcomes, plan));
            j.put("exitCode", code);
            out.println(Json.write(j));
            out.flush();
            return code;
        }
        PlanReport.printRecovery(out, p.recovery());
        out.printf("Calibration of 10_Blink from %s (%d masters; flat fallback %s, dark scaling %s)%s%n",
                request.library(), p.masters(), p.policy().flatFallback().configName(),
                p.policy().darkScaling() ? "on" : "off",
                dryRun ? " (dry run, nothing copied)" : ex != null && ex.cancelled() ? " (cancelled)" : "");
        p.notes().forEach(n -> out.println("  note: " + n));
        for (LeftBehind u : p.unreadable()) {
            out.printf("  unreadable library file %s: %s%n", report.show(u.file()), u.reason());
        }
        printTable(out, planned.rows(), byDestination, dryRun);
        List<String> problems = new ArrayList<>();
        for (DistributionPlanner.Row r : planned.rows()) {
            for (MasterMatch mm : r.match().all()) {
                if (!mm.satisfied()) {
                    StringBuilder sb = new StringBuilder("  ").append(r.rig()).append(" / ").append(r.night().label())
                            .append(" / ").append(r.group().folder().getFileName()).append(": ").append(mm.kind().label())
                            .append(' ').append(status(mm)).append(" — ").append(mm.detail());
                    if (mm.status() == MasterMatch.Status.AMBIGUOUS) {
                        for (MasterFrame c : mm.candidates()) {
                            sb.append("\n      ").append(report.show(c.file()));
                        }
                    }
                    problems.add(sb.toString());
                }
            }
        }
        if (!problems.isEmpty()) {
            out.println("What is missing:");
            problems.forEach(out::println);
        }
        report.printProblems(out, ex != null ? ex : new ExecutionResult(outcomes, false, 0, p.recovery()));
        report.printLeftBehind(out, plan.leftBehind());
        long complete = planned.rows().size() - incomplete;
        out.printf("%s %d master(s); %d of %d light group(s) have their dark and flat%s%n",
                dryRun ? "Would copy" : "Copied", count(outcomes, Outcome.DONE), complete, planned.rows().size(),
                p.policy().darkScaling() ? " (and bias where a dark is scaled)" : "");
        if (!decider.unanswered.isEmpty()) {
            out.printf("%d question(s) about flats of other nights wait for you: run without --dry-run at a terminal%n",
                    decider.unanswered.size());
        }
        out.flush();
        return code;
    }

    private static void printTable(PrintWriter out, List<DistributionPlanner.Row> rows,
                                   Map<Path, OperationOutcome> byDestination, boolean dryRun) {
        Map<String, List<String[]>> byRig = new LinkedHashMap<>();
        for (DistributionPlanner.Row r : rows) {
            String night = (r.night().accepted() ? "accept/" : "") + r.night().night();
            String[] cells = {r.night().target(), night, r.filter() == null ? "-" : r.filter(),
                    r.exposure() == null ? "-" : r.exposure(), String.valueOf(r.group().lights()),
                    cell(r.match().dark(), r.destinations().get(MasterKind.DARK), byDestination, dryRun),
                    cell(r.match().flat(), r.destinations().get(MasterKind.FLAT), byDestination, dryRun),
                    cell(r.match().bias(), r.destinations().get(MasterKind.BIAS), byDestination, dryRun)};
            byRig.computeIfAbsent(r.rig(), k -> new ArrayList<>()).add(cells);
        }
        if (byRig.isEmpty()) {
            out.println("  no nights of lights found in 10_Blink");
            return;
        }
        String[] head = {"target", "night", "filter", "exp", "lights", "dark", "flat", "bias"};
        for (Map.Entry<String, List<String[]>> e : byRig.entrySet()) {
            out.println(e.getKey());
            int[] w = new int[head.length];
            for (int i = 0; i < head.length; i++) {
                w[i] = head[i].length();
                for (String[] c : e.getValue()) {
                    w[i] = Math.max(w[i], c[i].length());
                }
            }
            printRow(out, head, w);
            for (String[] c : e.getValue()) {
                printRow(out, c, w);
            }
        }
    }

    private static void printRow(PrintWriter out, String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder(" ");
        for (int i = 0; i < cells.length; i++) {
            sb.append(' ').append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(w[i] - cells[i].length() + 1));
            }
        }
        out.println(sb);
    }

    private static String cell(MasterMatch mm, Path destination, Map<Path, OperationOutcome> byDestination,
                               boolean dryRun) {
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

    private static String status(MasterMatch mm) {
        return switch (mm.status()) {
            case MISSING -> "MISSING";
            case AMBIGUOUS -> "AMBIGUOUS (" + mm.candidates().size() + ")";
            case UNDECIDED -> "CHOOSE";
            default -> mm.status().name().toLowerCase(Locale.ROOT);
        };
    }

    private static Map<String, Object> matchJson(MasterMatch mm, Path destination,
                                                 Map<Path, OperationOutcome> byDestination, boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", mm.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("master", mm.master() == null ? null : mm.master().file().toString());
        m.put("destination", destination == null ? null : destination.toString());
        OperationOutcome o = destination == null ? null : byDestination.get(destination);
        m.put("outcome", o == null ? null : outcomeLabel(o, dryRun));
        m.put("detail", mm.detail());
        if (!mm.candidates().isEmpty()) {
            m.put("candidates", mm.candidates().stream().map(c -> c.file().toString()).toList());
        }
        return m;
    }

    // ---- clean ----

    static int clean(ApdmConfig config, CleanOperation.Request request, OutputOptions output, boolean dryRun, boolean yes,
                     CliEnvironment env, PrintWriter out, PrintWriter err) throws IOException {
        CleanOperation op = new CleanOperation(config, Engines.of(config));
        List<Path> bases = new ArrayList<>(List.of(request.raw(), request.library()));
        if (request.pixinsightTemp() != null) {
            bases.add(request.pixinsightTemp());
        }
        PlanReport report = new PlanReport(bases);
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            CleanOperation.Prepared p = op.prepare(request, progress, cancel.token());
            progress.close();
            Plan plan = p.planned().plan();
            List<OperationOutcome> predicted = op.preview(p);
            if (!output.json()) {
                PlanReport.printRecovery(out, p.recovery());
                out.printf("Clean up after archiving%s%n", dryRun ? " (dry run, nothing deleted)" : "");
                p.planned().notes().forEach(n -> out.println("  note: " + n));
                out.printf("  raw calibration frames in %s: %d read; would delete %d (%s), keep %d%n", request.raw(),
                        p.scanned(), p.planned().rawDeleted().values().stream().mapToInt(Integer::intValue).sum(),
                        kinds(p.planned().rawDeleted()), p.planned().rawKept());
                if (p.tempFolder() != null) {
                    out.printf("  PixInsight temp folder %s: would delete %d file(s)%n", p.tempFolder(),
                            p.planned().tempDeleted());
                }
                printDeletions(out, report, predicted, output.verbose());
                printKept(out, report, plan.leftBehind());
                out.flush();
            }
            boolean nothing = plan.operations().isEmpty();
            if (dryRun || nothing) {
                int code = exitCode(plan, predicted, null, false);
                if (output.json()) {
                    out.println(Json.write(cleanJson(p, predicted, report, dryRun, code)));
                } else if (nothing) {
                    out.println("Nothing to delete.");
                }
                out.flush();
                return code;
            }
            if (!yes) {
                if (!env.interactive() || output.json()) {
                    err.println("Nothing was deleted: pass --yes to delete without asking (or run at a terminal to be asked).");
                    err.flush();
                    return ExitCodes.USAGE;
                }
                err.printf("Delete these %d file(s)? [y/N] ", plan.operations().size());
                err.flush();
                String line = env.stdin().readLine();
                if (line == null || !(line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"))) {
                    out.println("Nothing was deleted.");
                    out.flush();
                    return ExitCodes.OK;
                }
            }
            ExecutionResult ex = op.execute(p, progress, cancel.token()).execution();
            int code = exitCode(plan, ex.outcomes(), ex, false);
            if (output.json()) {
                out.println(Json.write(cleanJson(p, ex.outcomes(), report, false, code)));
            } else {
                report.printProblems(out, ex);
                out.printf("Deleted %d file(s)%s; kept %d; failed %d; removed %d empty folder(s)%n",
                        count(ex.outcomes(), Outcome.DONE), ex.cancelled() ? " (cancelled)" : "", plan.leftBehind().size(),
                        count(ex.outcomes(), Outcome.FAILED), ex.removedDirectories());
            }
            out.flush();
            return code;
        }
    }

    private static void printDeletions(PrintWriter out, PlanReport report, List<OperationOutcome> predicted,
                                       boolean everyFile) {
        Map<String, Integer> byFolder = new TreeMap<>();
        for (OperationOutcome o : predicted) {
            if (everyFile) {
                out.printf("    delete %s%n", report.show(o.operation().source()));
            } else {
                byFolder.merge(report.show(o.operation().source().getParent()), 1, Integer::sum);
            }
        }
        byFolder.forEach((folder, n) -> out.printf("  %5d  delete in %s%n", n, folder));
    }

    /** Kept files grouped by folder and reason: hundreds of raw flats of one night make one line. */
    private static void printKept(PrintWriter out, PlanReport report, List<LeftBehind> left) {
        Map<String, Integer> groups = new TreeMap<>();
        for (LeftBehind l : left) {
            groups.merge(report.show(l.file().getParent()) + ": " + l.reason(), 1, Integer::sum);
        }
        groups.forEach((g, n) -> out.printf("  %5d  keep in %s%n", n, g));
    }

    private static Map<String, Object> cleanJson(CleanOperation.Prepared p, List<OperationOutcome> outcomes,
                                                 PlanReport report, boolean dryRun, int code) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("command", "calibration clean");
        j.put("dryRun", dryRun);
        j.put("raw", p.request().raw().toString());
        j.put("library", p.request().library().toString());
        j.put("pixinsightTemp", p.tempFolder() == null ? null : p.tempFolder().toString());
        j.put("notes", p.planned().notes());
        Map<String, Object> s = summary(outcomes, p.planned().plan());
        s.put("raw_covered", p.planned().rawDeleted().values().stream().mapToInt(Integer::intValue).sum());
        s.put("raw_kept", p.planned().rawKept());
        s.put("temp_files", p.planned().tempDeleted());
        j.put("summary", s);
        j.put("files", report.entries(outcomes, p.planned().plan()));
        j.put("exitCode", code);
        return j;
    }

    private static String kinds(Map<MasterKind, Integer> m) {
        List<String> parts = new ArrayList<>();
        for (MasterKind k : MasterKind.values()) {
            parts.add(m.getOrDefault(k, 0) + " " + k.rawType().folderName());
        }
        return String.join(", ", parts);
    }

    // ---- shared ----

    /** 3 when cancelled; 1 when files stay behind, a step conflicted or failed, or {@code incomplete}; else 0. */
    static int exitCode(Plan plan, List<OperationOutcome> outcomes, ExecutionResult ex, boolean incomplete) {
        if (ex != null && ex.cancelled()) {
            return ExitCodes.ABORTED;
        }
        boolean problems = !plan.leftBehind().isEmpty() || incomplete || outcomes.stream().anyMatch(o ->
                o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED || o.outcome() == Outcome.NOT_RUN);
        return problems ? ExitCodes.LEFT_BEHIND : ExitCodes.OK;
    }

    static String outcomeLabel(OperationOutcome o, boolean dryRun) {
        if (o.outcome() == Outcome.ALREADY_DONE && o.operation() instanceof FileOperation.Copy) {
            return "already-there";
        }
        String label = PlanReport.label(o.outcome(), o.operation());
        if (dryRun && o.outcome() == Outcome.DONE) {
            return "would-" + o.operation().verb();
        }
        return label;
    }

    static long count(List<OperationOutcome> outcomes, Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }

    static Map<String, Object> summary(List<OperationOutcome> outcomes, Plan plan) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            s.put(o.name().toLowerCase(Locale.ROOT), count(outcomes, o));
        }
        s.put("left_behind", plan.leftBehind().size());
        return s;
    }
}
