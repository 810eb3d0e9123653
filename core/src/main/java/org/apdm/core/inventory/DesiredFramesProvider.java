package org.apdm.core.inventory;

import java.io.IOException;
import java.util.Optional;
import org.apdm.core.config.ApdmConfig;

/**
 * Offers a {@link DesiredFrames} source; registered in {@code META-INF/services} by the module that
 * implements it (the Target Scheduler integration), so the status command and the reports find it
 * without depending on that module.
 */
public interface DesiredFramesProvider {

    /** The source for this configuration, or empty when it is not configured. */
    Optional<DesiredFrames> open(ApdmConfig config) throws IOException;
}
