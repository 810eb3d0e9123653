package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apdm.core.calibration.PromotionOperation;
import org.apdm.core.calibration.PromotionPlanner;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.summary.CalibrationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm promote}: move reviewed, calibrated nights from 10_Blink to 20_Data. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Move reviewed, calibrated nights from 10_Blink to 20_Data.",
                "Nights in {rig}/10_Blink/{target}/accept/DATE_* move to {rig}/20_Data/{target}/accept/, merging with "
                        + "nights already there, when every light folder of the night holds its master dark and flat (and "
                        + "bias where a dark is scaled). Nights that are not ready stay, each with its reason."},
        footer = {"", "Exit codes: 0 all done, 1 nights not ready or files left behind, 2 usage or configuration error, 3 aborted."})
public final class PromoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;
    @Option(names = "--data", paramLabel = "DIR", description = "The archive root (overrides roots.data).")
    Path data;
    @Option(names = "--rig", paramLabel = "RIG", description = "Only this rig folder (repeatable). Default: every rig.")
    List<String> rigs = new ArrayList<>();
    @Option(names = "--target", paramLabel = "T", description = "Only this target folder (repeatable).")
    List<String> targets = new ArrayList<>();
    @Option(names = "--dry-run", description = "Show which nights would move and which stay; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = configOption.load(env);
        Path dataDir = Engines.existingFolder(data, config.roots().data(), "--data", "roots.data", config);
        StatusCommand.checkRigs(dataDir, rigs);
        return run(config, new PromotionOperation.Request(dataDir, rigs, new LinkedHashSet<>(targets)), output, dryRun,
                env, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs a promotion and prints it; shared with {@code apdm demo}. */
    static int run(ApdmConfig config, PromotionOperation.Request request, OutputOptions output, boolean dryRun,
                   CliEnvironment env, PrintWriter out, PrintWriter err) throws IOException {
        PromotionOperation op = new PromotionOperation(config, Engines.of(config));
        PlanReport report = new PlanReport(List.of(request.data()));
        PromotionOperation.Prepared p;
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
        int code = CalibrationReports.exitCode(plan, outcomes, ex, false);
        Map<Path, List<OperationOutcome>> byNight = CalibrationSummary.byNight(p, outcomes);
        if (output.json()) {
            List<Map<String, Object>> nights = new ArrayList<>();
            for (PromotionPlanner.NightResult n : p.planned().nights()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rig", n.night().rig());
                m.put("target", n.night().target());
                m.put("night", n.night().night());
                m.put("folder", n.night().folder().toString());
                m.put("destination", n.destination().toString());
                m.put("ready", n.ready());
                m.put("reasons", n.reasons());
                List<OperationOutcome> mine = byNight.get(n.night().folder());
                m.put("files", mine.size());
                m.put("problems", mine.stream().filter(o -> o.outcome().leavesSourceBehind())
                        .map(o -> o.operation().source() + ": " + o.detail()).toList());
                nights.add(m);
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("command", "promote");
            j.put("dryRun", dryRun);
            j.put("data", request.data().toString());
            j.put("summary", CalibrationReports.summary(outcomes, plan));
            j.put("nights", nights);
            j.put("notes", p.notes());
            j.put("files", report.entries(outcomes, plan, dryRun));
            j.put("exitCode", code);
            out.println(Json.write(j));
            out.flush();
            return code;
        }
        CalibrationSummary.promoteLines(p, outcomes, ex, dryRun, CalibrationSummary.display(request)).forEach(out::println);
        out.flush();
        return code;
    }
}
