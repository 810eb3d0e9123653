package org.apdm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.FileEngine;

/** Builds the file engine from the configuration, and checks the folders a command was given. */
final class Engines {

    private Engines() {
    }

    static FileEngine of(ApdmConfig config) {
        return new FileEngine(config.engineSettings());
    }

    /** The flag's value, else the configured one; neither is a usage error that says how to fix it. */
    static Path folder(Path flag, Path configured, String flagName, String setting, ApdmConfig config) {
        Path p = flag != null ? flag : configured;
        if (p == null) {
            String where = config.source() == null ? "a configuration file (see `apdm config init`)"
                    : config.source().toString();
            throw new UsageException("no " + setting + " folder: pass " + flagName + " DIR or set " + setting
                    + " in " + where);
        }
        return p.toAbsolutePath().normalize();
    }

    static Path existingFolder(Path flag, Path configured, String flagName, String setting, ApdmConfig config) {
        Path p = folder(flag, configured, flagName, setting, config);
        if (!Files.isDirectory(p)) {
            throw new UsageException(setting + " folder " + p + " does not exist (from "
                    + (flag != null ? flagName : setting) + ")");
        }
        return p;
    }
}
