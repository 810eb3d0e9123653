package org.apdm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.run.FolderSettler;
import org.apdm.core.run.RunStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm watch}: waits for N.I.N.A. to finish writing, then runs the part of {@code apdm run} before the blink. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Ingest and cull each time N.I.N.A. has finished writing to the RAW folder.",
                       "Waits until the RAW folder (and the folders of ingest.sources) has new files,",
                       "none ending in .tmp, all unchanged for the settle time; then ingests and culls",
                       "(the part of `apdm run` before the blink), and waits again. Files a run leaves",
                       "where they are (a card's own stacks, frames it cannot place) start no new run."},
        footer = {"", "Exit codes: 0 stopped after --runs runs or --timeout, 2 usage or configuration error, 3 aborted."})
public final class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "120",
            description = "Seconds the files must stay unchanged (default: ${DEFAULT-VALUE}).")
    double settleSeconds;
    @Option(names = "--runs", paramLabel = "N", defaultValue = "0",
            description = "Stop after N runs (default: watch until Ctrl-C).")
    int runs;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds of watching (default: no limit).")
    double timeoutSeconds;

    /** The steps before the blink gate. */
    static final List<String> PRE_BLINK = List.of("ingest", "cull");

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = configOption.load(env);
        Path raw = Engines.existingFolder(null, config.roots().raw(), "--raw", "roots.raw", config);
        Engines.folder(null, config.roots().data(), "--data", "roots.data", config);
        if (settleSeconds < 0 || runs < 0 || timeoutSeconds < 0) {
            throw new UsageException("--settle, --runs and --timeout must not be negative");
        }
        List<RunStep> steps = new ArrayList<>(RunCommand.steps(config).stream()
                .filter(s -> PRE_BLINK.contains(s.id())).toList());
        FolderSettler settler = FolderSettler.real(Duration.ofMillis((long) (settleSeconds * 1000)));
        long deadline = timeoutSeconds == 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeoutSeconds * 1e9);
        int done = 0;
        int code = ExitCodes.OK;
        var out = spec.commandLine().getOut();
        List<Path> folders = new ArrayList<>(List.of(raw));
        config.ingestSources().forEach(s -> folders.add(s.path()));
        String watched = folders.size() == 1 ? raw.toString()
                : raw + " and " + (folders.size() - 1) + " capture folder" + (folders.size() == 2 ? "" : "s");
        java.util.Map<String, String> afterLastRun = null;
        try (Cancellation cancel = new Cancellation()) {
            while (runs == 0 || done < runs) {
                if (!output.quiet()) {
                    out.println("Waiting for " + watched + " to settle (" + settleSeconds + " s, no .tmp files)...");
                    out.flush();
                }
                if (!settler.awaitSettled(folders, afterLastRun, () -> System.nanoTime() > deadline, cancel.token())) {
                    break;
                }
                code = Math.max(code, RunCommand.run(config, steps, List.of(), false, output, env, out,
                        spec.commandLine().getErr()));
                // what stays (frames left behind, a card's stacks) does not start the next run; something new does
                afterLastRun = FolderSettler.snapshot(folders);
                done++;
            }
        }
        return code == ExitCodes.LEFT_BEHIND ? ExitCodes.OK : code;
    }
}
