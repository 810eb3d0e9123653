package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.config.ConfigResolver;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.cull.CullPass;
import org.apdm.core.cull.GroupProposal;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.summary.CullSummary;
import org.apdm.core.summary.PlanSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm cull}: automatic quality passes over each rig's 10_Blink, and {@code restore}/{@code purge}. */
@Command(name = "cull", mixinStandardHelpOptions = true,
        description = {"Reject poor lights in each rig's 10_Blink by HFR, guiding RMS, star count or any header value.",
                "Groups (one folder each) below a pass's auto-accept share are applied; others are asked about.",
                "Rejected frames move to {reject}/{rig}/10_Blink/... and can be restored with `apdm cull restore`."},
        subcommands = {CullCommand.Restore.class, CullCommand.Purge.class},
        footer = {"", "Exit codes: 0 all done, 1 files left behind or groups waiting for a decision, 2 usage or configuration error, 3 aborted."})
public final class CullCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;

    @Option(names = "--data", paramLabel = "DIR", description = "The archive root (overrides roots.data).")
    Path data;
    @Option(names = "--reject-dir", paramLabel = "DIR", description = "The reject root (overrides roots.reject).")
    Path reject;
    @Option(names = "--rig", paramLabel = "RIG", description = "Cull only this rig folder (repeatable). Default: --all.")
    List<String> rigs = new ArrayList<>();
    @Option(names = "--all", description = "Cull every rig with a 10_Blink (the default).")
    boolean all;
    @Option(names = "--pass", paramLabel = "NAME", description = "Run only the pass of this name.")
    String pass;
    @Option(names = "--max-hfr", paramLabel = "X", description = "Reject HFR above X (with the other limits: one pass replacing the configured ones).")
    Double maxHfr;
    @Option(names = "--max-rms", paramLabel = "Y", description = "Reject guiding RMS (arcsec) above Y.")
    Double maxRms;
    @Option(names = "--min-stars", paramLabel = "N", description = "Reject fewer than N stars.")
    Double minStars;
    @Option(names = "--max", paramLabel = "METRIC=X", description = "Reject METRIC above X, any metric: px_fwhm=4, "
            + "px_eccentricity=0.6, a header keyword (repeatable).")
    Map<String, Double> max = new LinkedHashMap<>();
    @Option(names = "--min", paramLabel = "METRIC=X", description = "Reject METRIC below X, e.g. px_stars=200 (repeatable).")
    Map<String, Double> min = new LinkedHashMap<>();
    @Option(names = "--auto-accept-percent", paramLabel = "P", description = "Apply without asking below P %% rejected (default 30).")
    Double autoAccept;
    @ArgGroup(exclusive = true)
    Answer answer;
    @Option(names = "--dry-run", description = "Show the proposals; move nothing and ask nothing.")
    boolean dryRun;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the per-group table as CSV.")
    Path csv;
    @Option(names = "--charts", paramLabel = "DIR",
            description = "Folder for the PNG charts of groups that needed a decision (default: {reject}/_charts/<time>).")
    Path charts;

    static final class Answer {
        @Option(names = "--yes", description = "Apply every proposal, also above the auto-accept share.")
        boolean yes;
        @Option(names = "--no", description = "Apply only proposals below the auto-accept share.")
        boolean no;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = configOption.load(env);
        Path dataDir = Engines.existingFolder(data, config.roots().data(), "--data", "roots.data", config);
        StatusCommand.checkRigs(dataDir, rigs);
        Path rejectDir = Engines.folder(reject, config.roots().reject(), "--reject-dir", "roots.reject", config);
        if (all && !rigs.isEmpty()) {
            throw new UsageException("--all and --rig cannot be combined");
        }
        List<CullPass> passes = null;
        if (maxHfr != null || maxRms != null || minStars != null || !max.isEmpty() || !min.isEmpty()) {
            boolean named = maxHfr != null || maxRms != null || minStars != null;
            // the named flags go through the configuration's checks; --max/--min add to them
            CullPass p = ConfigResolver.passFromLimits("command-line", named ? maxHfr : Double.valueOf(1e9), maxRms,
                    minStars, autoAccept);
            List<CullPass.Limit> limits = new ArrayList<>(named ? p.limits() : List.of());
            max.forEach((k, v) -> limits.add(new CullPass.Limit(k.trim(), v, null)));
            min.forEach((k, v) -> limits.add(new CullPass.Limit(k.trim(), null, v)));
            passes = List.of(new CullPass(p.name(), limits, p.relative(), p.autoAcceptPercent()));
        } else if (autoAccept != null) {
            throw new UsageException("--auto-accept-percent needs limits (--max-hfr, --max-rms, --min-stars, --max or --min)");
        }
        CullOperation.Request request = new CullOperation.Request(dataDir, rejectDir, rigs, pass, passes, dryRun);
        if (request.folderProblem() != null) {
            throw new UsageException(request.folderProblem());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path chartDir = charts != null ? charts
                : dryRun ? null
                : rejectDir.resolve("_charts").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss")));
        TerminalDecider.Mode mode = answer == null ? TerminalDecider.Mode.ASK
                : answer.yes ? TerminalDecider.Mode.YES : TerminalDecider.Mode.NO;
        TerminalDecider decider = new TerminalDecider(mode, dryRun, env, err, chartDir);
        CullOperation op = new CullOperation(config, Engines.of(config), Clock.systemDefaultZone());
        CullOperation.Result r;
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            r = op.run(request, decider, progress, cancel.token());
        }
        int code = exitCode(r, decider);
        if (csv != null) {
            writeCsv(csv, r);
        }
        if (output.json()) {
            out.println(Json.write(json(r, decider, code)));
        } else {
            print(out, r, decider, dataDir, rejectDir);
        }
        out.flush();
        return code;
    }

    static int exitCode(CullOperation.Result r, TerminalDecider decider) {
        if (r.cancelled()) {
            return ExitCodes.ABORTED;
        }
        boolean problems = !r.unreadable().isEmpty() || r.groups().stream().anyMatch(g -> g.outcomes().stream()
                .anyMatch(o -> o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED));
        return problems || !decider.unanswered.isEmpty() ? ExitCodes.LEFT_BEHIND : ExitCodes.OK;
    }

    static String num(Double v) {
        return CullSummary.num(v);
    }

    private static String reasons(GroupProposal p) {
        return CullSummary.reasons(p);
    }

    private static void print(PrintWriter out, CullOperation.Result r, TerminalDecider decider, Path data, Path reject) {
        CullSummary.groupLines(r).forEach(out::println);
        if (!decider.unanswered.isEmpty()) {
            out.printf("  %d group(s) need your decision: run `apdm cull` in a terminal, or with --yes or --no%n",
                    decider.unanswered.size());
        }
        for (Path c : decider.charts) {
            out.println("  chart: " + c);
        }
        CullSummary.tailLines(r, data, reject).forEach(out::println);
    }

    private static void writeCsv(Path file, CullOperation.Result r) throws IOException {
        StringBuilder sb = new StringBuilder("rig,pass,group,frames,rejected,percent,decision,reasons\n");
        for (CullOperation.GroupResult g : r.groups()) {
            GroupProposal p = g.proposal();
            sb.append(csv(p.group().rig())).append(',').append(csv(p.pass().name())).append(',')
                    .append(csv(p.group().folder().toString().replace('\\', '/'))).append(',').append(p.total())
                    .append(',').append(p.rejects().size()).append(',').append(p.percentText()).append(',')
                    .append(g.decision().name().toLowerCase(Locale.ROOT)).append(',').append(csv(reasons(p)))
                    .append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** RFC 4180 quoting: target names contain commas and quotes. */
    static String csv(String v) {
        if (v == null) {
            return "";
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static Map<String, Object> json(CullOperation.Result r, TerminalDecider decider, int code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "cull");
        m.put("dryRun", r.dryRun());
        m.put("cancelled", r.cancelled());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (CullOperation.GroupResult g : r.groups()) {
            GroupProposal p = g.proposal();
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("rig", p.group().rig());
            gm.put("pass", p.pass().name());
            gm.put("group", p.group().folder().toString().replace('\\', '/'));
            gm.put("frames", p.total());
            gm.put("rejected", p.rejects().size());
            gm.put("percent", p.rejectedPercent());
            gm.put("autoAcceptPercent", p.pass().autoAcceptPercent());
            gm.put("decision", g.decision().name().toLowerCase(Locale.ROOT));
            gm.put("stats", p.stats());
            List<Map<String, Object>> rejects = new ArrayList<>();
            for (GroupProposal.Reject x : p.rejects()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("file", x.frame().file().toString());
                rm.put("reasons", x.reasons());
                rm.put("metrics", x.frame().metrics());
                OperationOutcome o = g.outcomes().stream().filter(oo -> oo.operation().source().equals(x.frame().file()))
                        .findFirst().orElse(null);
                rm.put("outcome", o == null ? "not-moved" : PlanSummary.label(o.outcome(), o.operation(), r.dryRun()));
                if (o != null && o.operation().destination() != null) {
                    rm.put("destination", o.operation().destination().toString());
                }
                rejects.add(rm);
            }
            gm.put("rejects", rejects);
            groups.add(gm);
        }
        m.put("groups", groups);
        m.put("unreadable", r.unreadable().stream().map(l -> Map.of("file", l.file().toString(), "reason", l.reason())).toList());
        m.put("charts", decider.charts.stream().map(Path::toString).toList());
        m.put("needDecision", decider.unanswered.size());
        m.put("notes", r.notes());
        m.put("exitCode", code);
        return m;
    }

    /** Shared by restore and purge: run or preview a reject-tree plan and print it. */
    static int runTreePlan(CullOperation op, Plan plan, Path reject, boolean dryRun, OutputOptions output,
                           CliEnvironment env, PrintWriter out, PrintWriter err, List<Path> bases) throws IOException {
        PlanReport report = new PlanReport(bases);
        if (dryRun) {
            List<OperationOutcome> predicted = op.preview(plan);
            if (output.json()) {
                out.println(Json.write(Map.of("command", plan.title(), "dryRun", true, "files", report.entries(predicted, plan, true))));
            } else {
                out.printf("%s (dry run, nothing changed)%n", plan.title());
                report.printPlan(out, plan, predicted, output.verbose());
                report.printLeftBehind(out, plan.leftBehind());
            }
            return ExitCodes.OK;
        }
        ExecutionResult r;
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            r = op.execute(plan, reject, progress, cancel.token());
        }
        long problems = r.outcomes().stream().filter(o -> o.outcome().leavesSourceBehind()).count();
        int code = r.cancelled() ? ExitCodes.ABORTED : problems > 0 ? ExitCodes.LEFT_BEHIND : ExitCodes.OK;
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", plan.title());
            m.put("dryRun", false);
            m.put("summary", r.counts());
            m.put("files", report.entries(r.outcomes(), plan, false));
            m.put("exitCode", code);
            out.println(Json.write(m));
        } else {
            PlanReport.printRecovery(out, r.recovery());
            out.println(PlanSummary.treeResultLine(plan.title(), r));
            report.printProblems(out, r);
            report.printLeftBehind(out, plan.leftBehind());
        }
        return code;
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Put rejected frames back exactly where they were (a file already there is never overwritten).")
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;
        @Option(names = "--data", paramLabel = "DIR", description = "The archive root (overrides roots.data).")
        Path data;
        @Option(names = "--reject-dir", paramLabel = "DIR", description = "The reject root (overrides roots.reject).")
        Path reject;
        @Option(names = "--rig", paramLabel = "RIG", description = "Only this rig.")
        String rig;
        @Option(names = "--target", paramLabel = "T", description = "Only this target folder.")
        String target;
        @Option(names = "--pass", paramLabel = "P", description = "Only frames rejected by this pass.")
        String pass;
        @Option(names = "--dry-run", description = "Show what would be restored; change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig config = configOption.load(env);
            Path dataDir = Engines.folder(data, config.roots().data(), "--data", "roots.data", config);
            Path rejectDir = Engines.existingFolder(reject, config.roots().reject(), "--reject-dir", "roots.reject", config);
            if (rig != null && Files.isDirectory(dataDir)) {
                StatusCommand.checkRigs(dataDir, List.of(rig));
            }
            CullOperation op = new CullOperation(config, Engines.of(config), Clock.systemDefaultZone());
            Plan plan = op.restorePlan(dataDir, rejectDir, rig, target, pass, org.apdm.core.task.CancellationToken.none());
            return runTreePlan(op, plan, rejectDir, dryRun, output, env, spec.commandLine().getOut(),
                    spec.commandLine().getErr(), List.of(rejectDir, dataDir));
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete rejected frames for good, once they are older than DAYS. Try --dry-run first.")
    static final class Purge implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;
        @Option(names = "--reject-dir", paramLabel = "DIR", description = "The reject root (overrides roots.reject).")
        Path reject;
        @Option(names = "--older-than", paramLabel = "DAYS", required = true,
                description = "Only frames rejected more than DAYS days ago.")
        int days;
        @Option(names = "--rig", paramLabel = "RIG", description = "Only this rig.")
        String rig;
        @Option(names = "--dry-run", description = "Show what would be deleted; delete nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            if (days < 0) {
                throw new UsageException("--older-than must be 0 or more days");
            }
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig config = configOption.load(env);
            Path rejectDir = Engines.existingFolder(reject, config.roots().reject(), "--reject-dir", "roots.reject", config);
            CullOperation op = new CullOperation(config, Engines.of(config), Clock.systemDefaultZone());
            Plan plan = op.purgePlan(rejectDir, Duration.ofDays(days), rig, org.apdm.core.task.CancellationToken.none());
            return runTreePlan(op, plan, rejectDir, dryRun, output, env, spec.commandLine().getOut(),
                    spec.commandLine().getErr(), List.of(rejectDir));
        }
    }
}
