package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * Where the dashboard's numbers come from. The core inventory ({@code org.apdm.core.inventory.InventoryScanner},
 * built with the database issue) is the real source; until it is merged, {@link FolderLayoutSource} reads
 * the folder names of apdm's own layout. Plugging the inventory in means one adapter class that copies
 * {@code Inventory} into {@link ArchiveSummary} and {@code InventoryFolder} into {@link ArchiveFolder}, and
 * installing it in {@code AppContext.Options.of}.
 *
 * <p>Called on a worker thread.
 */
@FunctionalInterface
public interface ArchiveSummarySource {

    /** Reads the archive below {@code dataRoot}; {@code config} is the configuration in effect (rig names, filter aliases). */
    ArchiveSummary scan(Path dataRoot, ApdmConfig config, ProgressListener listener, CancellationToken cancel) throws IOException;

    /**
     * The "what to do next" queue for a summary. The interim rules of {@link DashboardModel#queue}; the inventory's
     * adapter maps the core's {@code WorkQueue} into {@link NextStep}s here instead (blink → {@code CULL},
     * missing calibration → {@code CALIBRATE}, ready to promote → {@code PROMOTE}, ready for master → {@code MASTER},
     * bake reminders → {@code BAKE}, disk space → {@code DISK}).
     */
    default List<NextStep> nextSteps(ArchiveSummary summary, WorkspaceFacts facts, ApdmConfig config) {
        return DashboardModel.queue(summary, facts, config.status().lowDiskPercent());
    }
}
