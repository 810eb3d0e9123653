package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.file.Path;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * Where the dashboard's numbers come from: {@link InventorySummarySource}, the core inventory and work queue, the
 * same as {@code apdm status} and {@code apdm report}. An interface so tests and the benchmark can hand the
 * dashboard a summary of their own.
 *
 * <p>Called on a worker thread.
 */
@FunctionalInterface
public interface ArchiveSummarySource {

    /** Reads the archive below {@code dataRoot} and plans what to do next; {@code config} is the configuration in effect. */
    ArchiveSummary scan(Path dataRoot, ApdmConfig config, ProgressListener listener, CancellationToken cancel) throws IOException;
}
