package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apdm.core.calibration.MasterKind;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.integrate.IntegrateOperation;
import org.apdm.core.integrate.IntegrationPlanner;
import org.apdm.core.integrate.SirilRunner;
import org.apdm.core.summary.IntegrateSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "integrate", mixinStandardHelpOptions = true,
        description = {"Make master bias, darks and flats from the raw calibration frames with Siril.",
                "Raw frames below {calibration}/BIAS|DARK|FLAT are grouped by their rig's matching keys (flats also by "
                        + "night, optic and filter). Each group of at least calibration.integrate.min_frames (15) frames "
                        + "that the library has no master for is stacked by siril-cli with calibration.integrate.stack "
                        + "(default as Siril's own scripts: rej 3 3, bias and darks not normalised, flats calibrated "
                        + "with the master bias and normalised multiplicatively), given the keywords the matcher needs, "
                        + "and moved into the library like PixInsight's masters. Raw frames are only read."},
        footer = {"", "siril-cli: calibration.integrate.siril, else the PATH (Debian: apt-get install siril), else "
                + "C:\\Program Files\\Siril\\bin\\siril-cli.exe (Windows) or "
                + "/Applications/Siril.app/Contents/MacOS/siril-cli (macOS).",
                "Exit codes: 0 all done, 1 a group failed or masters left behind, 2 usage or configuration error "
                        + "(siril-cli missing), 3 aborted."})
final class IntegrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;
    @Option(names = "--raw", paramLabel = "DIR",
            description = "The folder holding the raw BIAS, DARK and FLAT folders (overrides roots.calibration, else roots.raw).")
    Path raw;
    @Option(names = "--library", paramLabel = "DIR", description = "The library root (overrides roots.library).")
    Path library;
    @Option(names = "--rig", paramLabel = "R", description = "Only frames of this rig's camera.")
    String rig;
    @Option(names = "--type", paramLabel = "KIND", description = "Only bias, dark or flat (repeatable).")
    List<String> types = new ArrayList<>();
    @Option(names = "--dry-run", description = "List the groups and what Siril would make; run nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = configOption.load(env);
        Path rawDir = Engines.existingFolder(raw, config.roots().calibrationOrRaw(), "--raw", "roots.raw", config);
        Path libraryDir = CalibrationCommand.library(library, config);
        Set<MasterKind> kinds = EnumSet.noneOf(MasterKind.class);
        for (String t : types) {
            MasterKind k = switch (t.trim().toLowerCase(Locale.ROOT)) {
                case "bias" -> MasterKind.BIAS;
                case "dark", "darks" -> MasterKind.DARK;
                case "flat", "flats" -> MasterKind.FLAT;
                default -> throw new UsageException("--type " + t + ": use bias, dark or flat");
            };
            kinds.add(k);
        }
        String camera = null;
        if (rig != null) {
            camera = org.apdm.core.layout.RigName.parse(ApdmConfig.canonicalRig(rig)).map(r -> r.camera())
                    .orElseThrow(() -> new UsageException("--rig " + rig + ": a rig is named {optic}@f{ratio}+{camera}, "
                            + "e.g. C8E@f7.0+ZWO ASI2600MM Pro"));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SirilRunner siril = null;
        if (!dryRun) {
            try {
                siril = SirilRunner.find(config.calibration().integrate().siril(), env.env());
            } catch (SirilRunner.SirilMissingException e) {
                throw new UsageException(e.getMessage());
            }
        }
        IntegrateOperation op = new IntegrateOperation(config, Engines.of(config), Clock.systemDefaultZone());
        IntegrateOperation.Request request = new IntegrateOperation.Request(rawDir, libraryDir, config.roots().data(),
                kinds, camera);
        IntegrateOperation.Result result = null;
        IntegrateOperation.Prepared p;
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            p = op.prepare(request, progress, cancel.token());
            if (!dryRun) {
                result = op.execute(p, siril, progress, cancel.token());
            }
        }
        int code = ExitCodes.OK;
        if (IntegrateSummary.leftBehind(result)) {
            code = ExitCodes.LEFT_BEHIND;
        }
        print(p, result, out, code);
        out.flush();
        return code;
    }

    private void print(IntegrateOperation.Prepared p, IntegrateOperation.Result r, PrintWriter out, int code) {
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", "calibration integrate");
            m.put("dryRun", dryRun);
            m.put("raw", p.request().raw().toString());
            m.put("library", p.request().library().toString());
            m.put("scanned", p.scanned());
            m.put("groups", p.plan().groups().stream().map(g -> Map.of("kind", g.kind().label(), "group", g.label(),
                    "frames", g.frames().size(), "status", IntegrateSummary.status(g, r))).toList());
            m.put("skipped", p.plan().skipped().stream().map(s -> Map.of("kind", s.group().kind().label(),
                    "group", s.group().label(), "frames", s.group().frames().size(), "reason", s.reason())).toList());
            m.put("failed", r == null ? List.of() : r.failed().stream().map(f -> Map.of("group", f.group().label(),
                    "reason", f.reason())).toList());
            m.put("archived", IntegrateSummary.archived(r).stream().map(o -> Map.of("master", o.operation().destination().toString(),
                            "outcome", o.outcome().name().toLowerCase(Locale.ROOT))).toList());
            m.put("exitCode", code);
            out.println(Json.write(m));
            return;
        }
        IntegrateSummary.lines(p, r, dryRun).forEach(out::println);
    }
}
