package org.apdm.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apdm.core.config.ConfigLocations;

/** Runs {@code apdm} in-process with captured output and an isolated environment. */
final class CliHarness {

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private final CliEnvironment env;

    CliHarness(Path home, String stdin, boolean interactive) {
        this.env = new CliEnvironment(Map.of(), new ConfigLocations(home.resolve("config/config.yaml"),
                home.resolve("data")), new BufferedReader(new StringReader(stdin)), interactive);
    }

    CliHarness(Path home, String stdin) {
        this(home, stdin, false);
    }

    CliHarness(Path home) {
        this(home, "");
    }

    Run apdm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ApdmCli.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code apdm ARGS --config CONFIG}. */
    Run apdm(java.nio.file.Path config, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return apdm(all);
    }
}
