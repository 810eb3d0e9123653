package org.apdm.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Map;
import org.apdm.core.config.ConfigLocations;

/**
 * What the command line takes from the outside world, injectable for tests: environment variables,
 * the per-user folders, standard input, and whether a person is at the terminal.
 */
public record CliEnvironment(Map<String, String> env, ConfigLocations locations, BufferedReader stdin,
                             boolean interactive) {

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), ConfigLocations.forCurrentUser(),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                System.console() != null);
    }
}
