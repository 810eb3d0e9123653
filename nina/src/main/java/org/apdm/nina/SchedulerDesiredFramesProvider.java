package org.apdm.nina;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.inventory.DesiredFramesProvider;

/**
 * Gives `apdm status` and the reports the desired frames of the Target Scheduler's exposure plans
 * (found through {@link java.util.ServiceLoader}), when its database and apdm's exist.
 */
public final class SchedulerDesiredFramesProvider implements DesiredFramesProvider {

    @Override
    public Optional<org.apdm.core.inventory.DesiredFrames> open(ApdmConfig config) throws IOException {
        Path ts = config.scheduler().database();
        if (ts == null || !Files.isRegularFile(ts) || !Files.isRegularFile(config.database())) {
            return Optional.empty();
        }
        DesiredFrames plans;
        try {
            plans = DesiredFrames.read(ts, config.database(), config);
        } catch (SchedulerDatabaseException e) {
            throw new IOException(e.getMessage(), e);
        }
        return Optional.of((rig, target) -> plans.forTarget(rig, target).stream()
                .map(e -> new org.apdm.core.inventory.DesiredFrames.Desired(e.filter(), e.panel(), e.desired(), e.exposure()))
                .toList());
    }
}
