package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.calibration.ArchiveOperation;
import org.apdm.core.calibration.ArchivePlanner;
import org.apdm.core.calibration.CleanOperation;
import org.apdm.core.calibration.DistributionOperation;
import org.apdm.core.calibration.DistributionPlanner;
import org.apdm.core.calibration.MasterMatch;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.summary.CalibrationSummary;

/** Runs the calibration commands and prints their results (text and JSON); shared with {@code apdm demo}. */
final class CalibrationReports {

    private CalibrationReports() {
    }

    // ---- archive ----

    static int archive(ApdmConfig config, ArchiveOperation.Request request, OutputOptions output, boolean dryRun,
                       CliEnvironment env, PrintWriter out, PrintWriter err) throws IOException {
        ArchiveOperation op = new ArchiveOperation(config, Engines.of(config));
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
                m.put("outcome", o == null ? "left-behind" : CalibrationSummary.outcomeLabel(o, dryRun));
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
        CalibrationSummary.archiveLines(p, outcomes, ex, dryRun, CalibrationSummary.display(request)).forEach(out::println);
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
            j.put("files", report.entries(outcomes, plan, dryRun));
            j.put("exitCode", code);
            out.println(Json.write(j));
            out.flush();
            return code;
        }
        CalibrationSummary.distributeLines(p, outcomes, ex, dryRun, CalibrationSummary.display(request),
                decider.unanswered.size()).forEach(out::println);
        out.flush();
        return code;
    }

    private static Map<String, Object> matchJson(MasterMatch mm, Path destination,
                                                 Map<Path, OperationOutcome> byDestination, boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", mm.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("master", mm.master() == null ? null : mm.master().file().toString());
        m.put("destination", destination == null ? null : destination.toString());
        OperationOutcome o = destination == null ? null : byDestination.get(destination);
        m.put("outcome", o == null ? null : CalibrationSummary.outcomeLabel(o, dryRun));
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
                CalibrationSummary.cleanPlanLines(p, predicted, dryRun, CalibrationSummary.display(request),
                        output.verbose()).forEach(out::println);
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
                CalibrationSummary.cleanResultLines(p, ex, CalibrationSummary.display(request)).forEach(out::println);
            }
            out.flush();
            return code;
        }
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
        j.put("files", report.entries(outcomes, p.planned().plan(), dryRun));
        j.put("exitCode", code);
        return j;
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
