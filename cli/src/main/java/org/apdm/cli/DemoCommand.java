package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.core.ingest.IngestOperation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm demo}: a sample N.I.N.A. dump, its configuration, and every step that exists, run on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Try apdm on a realistic sample N.I.N.A. dump: the first thing to run.",
                       "Creates two rigs, a mosaic, nights across midnight, poor frames, flats, darks,",
                       "bias and a few broken files, writes a configuration for them, and runs every",
                       "step on them."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOptions output;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder for the demo workspace (default: ./apdm-demo, or apdm-demo-2, -3... if taken).")
    Path dir;

    private final CliEnvironment env;

    public DemoCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException, ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        Path target = dir != null ? dir : freeFolder(Path.of("apdm-demo"));
        DemoWorkspace.Layout layout = DemoWorkspace.create(target);
        DemoSteps steps = new DemoSteps();
        ApdmConfig config = ConfigLoader.load(layout.config(), env.locations(), env.env());
        if (!output.json()) {
            out.printf("Created a sample N.I.N.A. dump in %s%n", layout.raw());
            out.printf("Configuration: %s%n%n", layout.config());
            out.println(steps.title("ingest (sort RAW into the archive)"));
            out.flush();
        }
        int code = IngestCommand.run(config, new IngestOperation.Request(layout.raw(), layout.data(),
                        config.roots().calibrationOrRaw()), output, false, env, out,
                spec.commandLine().getErr());
        if (!output.json()) {
            out.println();
            out.println(steps.title("cull (reject poor frames in 10_Blink; groups above the auto-accept share wait for you)"));
            out.flush();
        }
        code = Math.max(code, cull(config, layout, out));
        code = Math.max(code, CalibrationDemoStep.run(config, layout, output, env, out, spec.commandLine().getErr(), steps));
        code = Math.max(code, DatabaseDemoStep.record(config, layout, output, out, spec.commandLine().getErr(), steps));
        // after `db update`: the sync reads the accepted frames it stored; status and reports then know the plans
        code = Math.max(code, SchedulerDemoStep.run(config, layout, output, out, spec.commandLine().getErr(), steps));
        code = Math.max(code, DatabaseDemoStep.statusAndReport(config, layout, output, out, spec.commandLine().getErr(), steps));
        if (!output.json()) {
            out.println();
            out.println("Where to look:");
            out.printf("  %s   lights per rig, in 10_Blink%n", layout.data());
            out.printf("  %s   calibration frames by type, and the broken files left behind%n", layout.raw());
            out.printf("  %s   rejected frames (same folders as in Data) and the charts of groups to decide%n",
                    layout.reject());
            out.println();
            out.println("Try the same on the workspace yourself, for example:");
            out.printf("  ./apdm ingest --config \"%s\" --dry-run%n", layout.config());
            out.printf("  ./apdm cull --config \"%s\"            (answer the questions for the groups that wait)%n",
                    layout.config());
            out.printf("  ./apdm cull restore --config \"%s\"    (puts every rejected frame back)%n", layout.config());
            out.println("The sample contains a few broken files on purpose: apdm leaves them where they are and says why.");
        }
        out.flush();
        // the demo succeeded when every step ran; files left behind are part of what it shows
        return code == ExitCodes.ABORTED ? ExitCodes.ABORTED : ExitCodes.OK;
    }

    /** Runs the cull the way a first-time user would without answering questions: automatic groups only. */
    private int cull(ApdmConfig config, DemoWorkspace.Layout layout, PrintWriter out) throws IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        TerminalDecider decider = new TerminalDecider(TerminalDecider.Mode.ASK, false,
                new CliEnvironment(env.env(), env.locations(), env.stdin(), false), spec.commandLine().getErr(),
                layout.reject().resolve("_charts").resolve("demo"));
        org.apdm.core.cull.CullOperation op = new org.apdm.core.cull.CullOperation(config, Engines.of(config),
                java.time.Clock.systemDefaultZone());
        org.apdm.core.cull.CullOperation.Result r;
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), false, true)) {
            r = op.run(new org.apdm.core.cull.CullOperation.Request(layout.data(), layout.reject(), java.util.List.of(),
                    null, null, false), decider, progress, cancel.token());
        }
        if (!output.json()) {
            long moved = r.groups().stream().mapToLong(org.apdm.core.cull.CullOperation.GroupResult::moved).sum();
            out.printf("  rejected %d frames automatically; %d group(s) wait for your decision (charts in %s)%n", moved,
                    decider.unanswered.size(), layout.reject().resolve("_charts").resolve("demo"));
        }
        return CullCommand.exitCode(r, decider);
    }

    static Path freeFolder(Path base) {
        Path p = base;
        for (int i = 2; Files.exists(p); i++) {
            p = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return p;
    }
}
