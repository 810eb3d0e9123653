package org.apdm.cli;

import java.nio.file.Path;
import org.apdm.core.config.ApdmConfig;
import picocli.CommandLine.Option;

/** {@code --db FILE} on the commands that read the desired frames from the Target Scheduler, as on {@code scheduler}. */
public class SchedulerDbOption {

    @Option(names = "--db", paramLabel = "FILE",
            description = "The Target Scheduler database the desired frames come from (default: scheduler.database).")
    Path scheduler;

    /** The configuration with {@code --db} as its scheduler database, when given. */
    ApdmConfig applyTo(ApdmConfig config) {
        if (scheduler == null) {
            return config;
        }
        ApdmConfig.SchedulerSettings s = config.scheduler();
        return config.withScheduler(new ApdmConfig.SchedulerSettings(scheduler.toAbsolutePath().normalize(),
                s.masterReadyPercent(), s.updateProjectState(), s.backups(), s.busyTimeout()));
    }
}
