package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.fileops.RecoveryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = configOption.load(env);
        RecoveryReport r = Engines.of(config).recover();
        PrintWriter out = spec.commandLine().getOut();
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
