package org.apdm.gui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.fileops.FileEngine;
import org.apdm.gui.dashboard.ArchiveSummarySource;
import org.apdm.gui.dashboard.InventorySummarySource;
import org.apdm.gui.log.OperationLog;
import org.apdm.gui.task.BackgroundTasks;

/**
 * What every part of the window shares: where the configuration is and what it says, the background
 * executor, the operation log, and the factories tests replace (file engine, archive summary, clock).
 */
public final class AppContext implements AutoCloseable {

    /** Builds the file engine for a configuration; tests install one with a probe. */
    @FunctionalInterface
    public interface EngineFactory {
        FileEngine create(ApdmConfig config);

        /** The engine the command line uses: journal in the state folder, duplicates as configured. */
        EngineFactory STANDARD = c -> new FileEngine(c.engineSettings());
    }

    /**
     * How the window was started.
     *
     * @param explicitConfig {@code --config FILE}, or null
     */
    public record Options(Path explicitConfig, ConfigLocations locations, Map<String, String> env, Clock clock,
                          EngineFactory engines, ArchiveSummarySource archive, Path blinkFolder) {

        public Options(Path explicitConfig, ConfigLocations locations, Map<String, String> env, Clock clock,
                       EngineFactory engines, ArchiveSummarySource archive) {
            this(explicitConfig, locations, env, clock, engines, archive, null);
        }

        /** The window opens on the blink page showing this folder ({@code apdm blink FOLDER}). */
        public Options withBlinkFolder(Path folder) {
            return new Options(explicitConfig, locations, env, clock, engines, archive, folder);
        }

        public static Options of(Path explicitConfig, ConfigLocations locations, Map<String, String> env) {
            Clock clock = Clock.systemDefaultZone();
            return new Options(explicitConfig, locations, env, clock, EngineFactory.STANDARD,
                    new InventorySummarySource(clock));
        }

        public Options withEngines(EngineFactory f) {
            return new Options(explicitConfig, locations, env, clock, f, archive, blinkFolder);
        }

        public Options withArchive(ArchiveSummarySource a) {
            return new Options(explicitConfig, locations, env, clock, engines, a, blinkFolder);
        }
    }

    private final Options options;
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final OperationLog log;
    private final ObjectProperty<ApdmConfig> config = new SimpleObjectProperty<>();

    public AppContext(Options options) {
        this.options = options;
        this.log = new OperationLog(options.clock());
    }

    public Options options() {
        return options;
    }

    /** The file the window reads and saves: {@code --config}, else {@code APDM_CONFIG}, else the per-user file. */
    public Path configFile() {
        return ConfigLoader.locate(options.explicitConfig(), options.locations(), options.env()).toAbsolutePath();
    }

    /** Reads and validates the configuration file, the same way the command line does. */
    public ApdmConfig loadConfig() throws ConfigException {
        return ConfigLoader.load(configFile(), options.locations(), options.env());
    }

    /** The configuration in effect; replaced after Settings saves or the first run writes it. */
    public ObjectProperty<ApdmConfig> configProperty() {
        return config;
    }

    public ApdmConfig config() {
        return config.get();
    }

    public FileEngine engine(ApdmConfig c) {
        return options.engines().create(c);
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public OperationLog log() {
        return log;
    }

    public Clock clock() {
        return options.clock();
    }

    public ArchiveSummarySource archive() {
        return options.archive();
    }

    @Override
    public void close() {
        tasks.close();
    }
}
