package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.file.Path;
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

    ArchiveSummary scan(Path dataRoot, ProgressListener listener, CancellationToken cancel) throws IOException;
}
