package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.RecoveryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm recover}: finishes or rolls back a run that was interrupted (every command also does this first). */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Finish or roll back file operations of a run that was killed or lost power.",
                "Every command that changes files does this first; this command does only that."})
public final class RecoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;
    @Option(names = "--dry-run", description = "List the interrupted runs and their unfinished steps; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = configOption.load(env);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            List<FileEngine.UnfinishedRun> runs = Engines.of(config).unfinishedRuns();
            if (output.json()) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (FileEngine.UnfinishedRun u : runs) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("journal", u.journal().toString());
                    m.put("title", u.title());
                    m.put("began", u.began());
                    m.put("unfinishedSteps", u.unfinishedSteps());
                    list.add(m);
                }
                out.println(Json.write(Map.of("command", "recover", "dryRun", true, "runs", list)));
            } else if (runs.isEmpty()) {
                out.println("Nothing to recover: no run was interrupted.");
            } else {
                out.println("Dry run, nothing changed. `apdm recover` (or the next command that changes files) would "
                        + "finish or roll back:");
                for (FileEngine.UnfinishedRun u : runs) {
                    out.printf("  %s, begun %s: %d unfinished step(s)  (%s)%n", u.title(), u.began(), u.unfinishedSteps(),
                            u.journal());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
        RecoveryReport r = Engines.of(config).recover();
        if (output.json()) {
            out.println(Json.write(PlanReport.RecoveryEntry.of(r)));
        } else if (r.isEmpty()) {
            out.println("Nothing to recover: no run was interrupted.");
        } else {
            PlanReport.printRecovery(out, r);
        }
        return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
    }
}
