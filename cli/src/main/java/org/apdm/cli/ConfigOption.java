package org.apdm.cli;

import java.nio.file.Path;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.config.ConfigLoader;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command that reads the configuration. */
public class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: $APDM_CONFIG, else the per-user config folder).")
    Path config;

    @Option(names = "--state-dir", paramLabel = "DIR", hidden = true,
            description = "Folder for the journal and lock (overrides state_dir).")
    Path stateDir;

    public ApdmConfig load(CliEnvironment env) throws ConfigException {
        ApdmConfig c = ConfigLoader.load(config, env.locations(), env.env());
        return stateDir == null ? c : c.withStateDir(stateDir.toAbsolutePath().normalize());
    }

    public Path file(CliEnvironment env) {
        return ConfigLoader.locate(config, env.locations(), env.env());
    }
}
