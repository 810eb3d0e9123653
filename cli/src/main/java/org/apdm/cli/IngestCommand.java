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
import org.apdm.core.capture.CaptureProfile;
import org.apdm.core.capture.CaptureProfiles;
import org.apdm.core.capture.CaptureSource;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.ingest.IngestOperation;
import org.apdm.core.summary.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm ingest}: sorts a N.I.N.A. dump into the archive. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Sort the N.I.N.A. RAW folder and other capture programs' folders into the archive.",
                "BIAS, then DARK, then FLAT, then LIGHT; other programs' folders come from ingest.sources and --source.",
                "Lights go to {data}/{optic}@f{ratio}+{camera}/10_Blink/{target}/DATE_{night}/FILTER_.../,",
                "calibration frames to {calibration}/{TYPE}/{optic}+{camera}/DATE_{night}/.../.",
                "Files that cannot be placed stay where they are and are listed with the reason."},
        footer = {"", "Exit codes: 0 all done, 1 done with files left behind, 2 usage or configuration error, 3 aborted."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;

    @Option(names = "--raw", paramLabel = "DIR", description = "The N.I.N.A. output folder (overrides roots.raw).")
    Path raw;
    @Option(names = "--data", paramLabel = "DIR", description = "The archive root (overrides roots.data).")
    Path data;
    @Option(names = "--calibration", paramLabel = "DIR",
            description = "Where raw BIAS/DARK/FLAT go (overrides roots.calibration; default: the RAW folder).")
    Path calibration;
    @Option(names = "--source", paramLabel = "DIR[=PROFILE]",
            description = {"Another capture program's folder to ingest too (repeatable), with its profile: "
                    + "nina, sharpcap, asiair, dwarf3, seestar, ekos, apt, or auto (the default) to detect it per file. "
                    + "Adds to ingest.sources in the configuration."})
    List<String> sources = new ArrayList<>();
    @Option(names = "--list-profiles", description = "List the capture programs apdm knows and their naming; change nothing.")
    boolean listProfiles;
    @Option(names = "--dry-run", description = "Show the plan; change nothing.")
    boolean dryRun;

    private final CliEnvironment env;

    public IngestCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        if (listProfiles) {
            PrintWriter out = spec.commandLine().getOut();
            for (CaptureProfile p : CaptureProfiles.ALL) {
                out.printf("%-9s %s%n", p.id(), p.program());
                p.patterns().forEach(n -> out.println("          " + n.template()));
            }
            out.println("auto      detect per file: the first program above whose naming the path has, else N.I.N.A.");
            out.flush();
            return ExitCodes.OK;
        }
        ApdmConfig config = configOption.load(env);
        Path rawDir = Engines.existingFolder(raw, config.roots().raw(), "--raw", "roots.raw", config);
        Path dataDir = Engines.folder(data, config.roots().data(), "--data", "roots.data", config);
        Path calDir = calibration != null ? calibration.toAbsolutePath().normalize()
                : config.roots().calibration() != null ? config.roots().calibration() : rawDir;
        IngestOperation.Request request = new IngestOperation.Request(rawDir, dataDir, calDir, sources(sources));
        if (request.folderProblem() != null) {
            throw new UsageException(request.folderProblem());
        }
        return run(config, request, output, dryRun, env, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** {@code DIR[=PROFILE]} values; an unknown profile is a usage error naming the known ones. */
    static List<CaptureSource> sources(List<String> values) {
        List<CaptureSource> out = new ArrayList<>();
        for (String v : values) {
            int eq = v.lastIndexOf('=');
            String dir = eq < 0 ? v : v.substring(0, eq);
            String profile = eq < 0 ? CaptureProfiles.AUTO : v.substring(eq + 1).trim();
            if (!profile.equalsIgnoreCase(CaptureProfiles.AUTO) && CaptureProfiles.byId(profile) == null) {
                throw new UsageException("--source " + v + ": '" + profile + "' is not one of " + CaptureProfiles.ids());
            }
            Path path = Path.of(dir).toAbsolutePath().normalize();
            if (!java.nio.file.Files.isDirectory(path)) {
                throw new UsageException("--source " + v + ": " + path + " is not a folder");
            }
            out.add(new CaptureSource(path, profile, Map.of()));
        }
        return out;
    }

    /** Runs an ingest and prints its result; shared with {@code apdm demo}. */
    static int run(ApdmConfig config, IngestOperation.Request request, OutputOptions output, boolean dryRun,
                   CliEnvironment env, PrintWriter out, PrintWriter err) throws IOException {
        IngestOperation op = new IngestOperation(config, Engines.of(config));
        PlanReport report = new PlanReport(List.of(request.raw(), request.data(), request.calibration()));
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            IngestOperation.Prepared prepared = op.prepare(request, progress, cancel.token());
            progress.close();
            if (dryRun) {
                List<OperationOutcome> predicted = op.preview(prepared);
                boolean behind = !prepared.planned().plan().leftBehind().isEmpty()
                        || predicted.stream().anyMatch(o -> o.outcome().leavesSourceBehind());
                int code = behind ? ExitCodes.LEFT_BEHIND : ExitCodes.OK;
                if (output.json()) {
                    out.println(Json.write(json(prepared, predicted, null, report, true, code)));
                } else {
                    IngestSummary.planLines(prepared, predicted, IngestSummary.display(request), output.verbose())
                            .forEach(out::println);
                }
                out.flush();
                return code;
            }
            IngestOperation.Result result = op.execute(prepared, progress, cancel.token());
            progress.close();
            ExecutionResult ex = result.execution();
            int code = exitCode(result);
            if (output.json()) {
                out.println(Json.write(json(prepared, ex.outcomes(), ex, report, false, code)));
            } else {
                printSummary(out, result, report, output.verbose());
            }
            out.flush();
            return code;
        }
    }

    static int exitCode(IngestOperation.Result r) {
        ExecutionResult ex = r.execution();
        if (ex.cancelled()) {
            return ExitCodes.ABORTED;
        }
        long behind = r.prepared().planned().plan().leftBehind().size();
        for (OperationOutcome o : ex.outcomes()) {
            if (o.outcome().leavesSourceBehind()) {
                behind++;
            }
        }
        return behind == 0 ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
    }

    private static void printSummary(PrintWriter out, IngestOperation.Result r, PlanReport report, boolean verbose) {
        IngestSummary.resultLines(r, IngestSummary.display(r.prepared().request()), verbose).forEach(out::println);
    }

    private static Map<String, Object> json(IngestOperation.Prepared p, List<OperationOutcome> outcomes,
                                            ExecutionResult ex, PlanReport report, boolean dryRun, int code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "ingest");
        m.put("dryRun", dryRun);
        m.put("raw", p.request().raw().toString());
        m.put("data", p.request().data().toString());
        m.put("calibration", p.request().calibration().toString());
        m.put("sources", p.sources().stream().map(s -> Map.of("path", s.path().toString(),
                "profile", s.profile())).toList());
        m.put("programs", p.programs());
        m.put("missingSources", p.missing().stream().map(Path::toString).toList());
        m.put("scanned", p.scanned());
        m.put("alreadyInPlace", p.planned().alreadyInPlace());
        Map<String, Long> summary = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            summary.put(o.name().toLowerCase(Locale.ROOT), outcomes.stream()
                    .filter(x -> x.outcome() == o && !(x.operation() instanceof FileOperation.MakeDirectory)).count());
        }
        summary.put("folders_created", outcomes.stream()
                .filter(x -> x.outcome() == Outcome.DONE && x.operation() instanceof FileOperation.MakeDirectory).count());
        summary.put("left_behind", (long) p.planned().plan().leftBehind().size());
        m.put("summary", summary);
        m.put("cancelled", ex != null && ex.cancelled());
        m.put("removedEmptyFolders", ex == null ? 0 : ex.removedDirectories());
        m.put("recovery", PlanReport.RecoveryEntry.of(ex != null ? ex.recovery().plus(p.recovery()) : p.recovery()));
        m.put("exitCode", code);
        m.put("files", report.entries(outcomes, p.planned().plan(), dryRun));
        return m;
    }
}
