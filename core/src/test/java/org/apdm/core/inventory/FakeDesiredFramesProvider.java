package org.apdm.core.inventory;

import java.util.List;
import java.util.Optional;
import org.apdm.core.config.ApdmConfig;

/**
 * A desired-frames source found through {@code META-INF/services}, as the Target Scheduler module registers
 * its own. It answers only for a configuration whose scheduler database is named {@code fake-desired.sqlite}, so
 * it changes nothing for any other test.
 */
public final class FakeDesiredFramesProvider implements DesiredFramesProvider {

    @Override
    public Optional<DesiredFrames> open(ApdmConfig config) {
        if (config.scheduler().database() == null
                || !config.scheduler().database().getFileName().toString().equals("fake-desired.sqlite")) {
            return Optional.empty();
        }
        return Optional.of((rig, target) -> List.of(new DesiredFrames.Desired("H", "", 12, 300)));
    }
}
