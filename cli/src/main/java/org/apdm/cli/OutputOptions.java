package org.apdm.cli;

import picocli.CommandLine.Option;

/** {@code --json} and {@code --quiet}, shared by commands that report results. */
public class OutputOptions {

    @Option(names = "--json", description = "Print a machine-readable result (JSON) on standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no log lines; only the result.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "List every file, not only the summary.")
    boolean verbose;

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }
}
