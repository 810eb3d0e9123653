package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.inventory.WorkQueue;
import org.apdm.core.run.Gate;
import org.apdm.core.run.RunCheckpoint;
import org.apdm.core.run.RunExecutor;
import org.apdm.core.run.RunPlan;
import org.apdm.core.run.RunStep;
import org.apdm.core.run.RunSteps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm run}: every step that is due, per rig, up to where a person is needed. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Do what is due for every rig, in order, up to where a person is needed.",
                       "The order: ingest (BIAS, DARK, FLAT, LIGHT, with the sync service stopped),",
                       "calibration archive, cull passes, (blink), calibration distribute, promote, db",
                       "update, calibration clean. Stops at each manual gate and says what waits and",
                       "what resolves it; the next `apdm run` continues from there. An interrupted run",
                       "resumes where it stopped."},
        footer = {"", "Exit codes: 0 done (gates may wait), 1 files left behind, 2 usage or configuration error,",
                "3 cancelled, a step failed, or another apdm run is working."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;

    @Option(names = "--rig", paramLabel = "R", description = "Only this rig (repeatable).")
    List<String> rigs = new ArrayList<>();
    @Option(names = "--dry-run", description = "Print the plan: per rig each step with its file count and what it waits for.")
    boolean dryRun;

    /** Every step of the run, in the documented order; the database and scheduler steps come from their modules. */
    static List<RunStep> steps(ApdmConfig config) {
        return org.apdm.core.run.RunSteps.of(config, new org.apdm.db.update.DbUpdateStep(config),
                new org.apdm.nina.SchedulerSyncStep(config), new org.apdm.db.report.ReportsStep(config));
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = configOption.load(env);
        Path root = Engines.existingFolder(null, config.roots().data(), "--data", "roots.data", config);
        StatusCommand.checkRigs(root, rigs);
        return run(config, steps(config), rigs, dryRun, output, env, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    static List<String> rigFolders(Path root, List<String> only) throws IOException {
        return RunSteps.rigFolders(root, only);
    }

    static int run(ApdmConfig config, List<RunStep> steps, List<String> only, boolean dryRun, OutputOptions output,
                   CliEnvironment env, PrintWriter out, PrintWriter err) throws IOException {
        RunCheckpoint checkpoint = RunCheckpoint.load(config.stateDir());
        RunExecutor executor = new RunExecutor(steps, checkpoint, Runtime.getRuntime().availableProcessors());
        Path root = config.roots().data();
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            if (dryRun) {
                List<String> rigList = rigFolders(root, only);
                WorkQueue q = RunSteps.queue(config, rigList, progress, cancel.token());
                RunPlan plan = executor.plan(rigList, q, progress, cancel.token());
                progress.close();
                if (output.json()) {
                    out.println(Json.write(planJson(plan)));
                } else {
                    printPlan(out, plan);
                }
                out.flush();
                return ExitCodes.OK;
            }
            boolean quiet = output.quiet() || output.json();
            RunExecutor.Listener listener = new RunExecutor.Listener() {
                @Override
                public void onProgress(org.apdm.core.task.Progress p) {
                    progress.onProgress(p);
                }

                @Override
                public void onMessage(String line) {
                    progress.onMessage(line);
                }

                @Override
                public void stepStarted(String rig, String step) {
                    if (!quiet) {
                        progress.onMessage("== " + (rig == null ? "all rigs" : rig) + ": " + step);
                    }
                }

                @Override
                public void stepSkipped(String rig, String step) {
                    if (!quiet) {
                        progress.onMessage("== " + (rig == null ? "all rigs" : rig) + ": " + step
                                + " already done by the interrupted run");
                    }
                }
            };
            boolean resumed = !checkpoint.finished().isEmpty();
            RunExecutor.Result result = executor.execute(() -> rigFolders(root, only),
                    (rigList, l, c) -> RunSteps.queue(config, rigList, l, c), listener, cancel.token());
            List<Gate> gates = result.gates();
            progress.close();
            int code = result.cancelled() || !result.failures().isEmpty() ? ExitCodes.ABORTED
                    : result.leftBehind() > 0 ? ExitCodes.LEFT_BEHIND : ExitCodes.OK;
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("command", "run");
                m.put("dryRun", false);
                m.put("resumed", resumed);
                Map<String, Object> steps2 = new LinkedHashMap<>();
                result.steps().forEach((k, o) -> steps2.put(k, Map.of("done", o.done(), "leftBehind", o.leftBehind(),
                        "cancelled", o.cancelled())));
                m.put("steps", steps2);
                m.put("gates", gates.stream().map(RunCommand::gateJson).toList());
                m.put("failures", result.failures());
                m.put("cancelled", result.cancelled());
                m.put("exitCode", code);
                out.println(Json.write(m));
            } else {
                printResult(out, result, gates, resumed);
            }
            out.flush();
            return code;
        }
    }

    static void printPlan(PrintWriter out, RunPlan plan) {
        out.println(plan.resumed() ? "Plan (resuming an interrupted run; steps marked done are skipped):" : "Plan:");
        if (!plan.shared().isEmpty()) {
            out.println("all rigs");
            plan.shared().forEach(s -> out.println(stepLine(s)));
        }
        plan.rigs().keySet().stream().sorted().forEach(rig -> {
            out.println(rig);
            plan.rigs().get(rig).forEach(s -> out.println(stepLine(s)));
        });
        printGates(out, plan.gates().values().stream().flatMap(List::stream).toList());
        if (plan.nothingToDo() && plan.gates().isEmpty()) {
            out.println("Nothing to do.");
        }
    }

    private static String stepLine(RunPlan.PlannedStep s) {
        String files = s.finished() ? "done" : s.files() < 0 ? "?" : s.files() + " file(s)";
        return String.format(Locale.ROOT, "  %-12s %-12s%s", s.step(), files,
                s.waitsFor().isEmpty() ? "" : "  waits for: " + s.waitsFor());
    }

    private static void printGates(PrintWriter out, List<Gate> gates) {
        if (gates.isEmpty()) {
            return;
        }
        out.println();
        out.println("Waiting for you:");
        gates.forEach(g -> out.println("  " + g.describe()));
    }

    private static void printResult(PrintWriter out, RunExecutor.Result r, List<Gate> gates, boolean resumed) {
        if (resumed) {
            out.println("Resumed an interrupted run.");
        }
        r.steps().forEach((k, o) -> out.printf(Locale.ROOT, "  %-28s %d done%s%s%n", k, o.done(),
                o.leftBehind() > 0 ? ", " + o.leftBehind() + " left behind" : "", o.cancelled() ? ", cancelled" : ""));
        r.failures().forEach(f -> out.println("  failed: " + f));
        if (r.cancelled()) {
            out.println("Cancelled: run `apdm run` again to go on from here.");
        }
        printGates(out, gates);
        if (!r.cancelled() && r.failures().isEmpty() && gates.isEmpty()) {
            out.println("All rigs are up to date.");
        }
    }

    static Map<String, Object> gateJson(Gate g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", g.kind());
        m.put("rig", g.rig());
        m.put("target", g.target());
        m.put("night", g.night());
        m.put("frames", g.frames());
        m.put("waitsFor", g.waitsFor());
        m.put("resolvedBy", g.resolvedBy());
        return m;
    }

    static Map<String, Object> planJson(RunPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "run");
        m.put("dryRun", true);
        m.put("resumed", plan.resumed());
        m.put("shared", plan.shared().stream().map(RunCommand::stepJson).toList());
        Map<String, Object> rigs = new java.util.TreeMap<>();
        plan.rigs().forEach((rig, steps) -> rigs.put(rig, steps.stream().map(RunCommand::stepJson).toList()));
        m.put("rigs", rigs);
        m.put("gates", plan.gates().values().stream().flatMap(List::stream).map(RunCommand::gateJson).toList());
        m.put("nothingToDo", plan.nothingToDo());
        return m;
    }

    private static Map<String, Object> stepJson(RunPlan.PlannedStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", s.step());
        m.put("files", s.files());
        m.put("finished", s.finished());
        m.put("waitsFor", s.waitsFor());
        return m;
    }
}
