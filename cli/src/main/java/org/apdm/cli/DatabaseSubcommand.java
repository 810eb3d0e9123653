package org.apdm.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand of {@code db}, {@code location} and {@code filter} takes: the configuration, the database, the output. */
abstract class DatabaseSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    DatabaseOption databaseOption;
    @Mixin
    OutputOptions output;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    CliEnvironment env() {
        return ApdmCli.environment(spec);
    }

    ApdmConfig config() throws ConfigException {
        return configOption.load(env());
    }
}
