package org.apdm.core.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A scan's full result: the {@link Inventory} and what the database, reports and the work queue need
 * besides.
 *
 * @param inventory the inventory
 * @param facts     per light folder (same keys as {@link InventoryFolder#folder()})
 * @param targets   every target folder, with frames or without
 * @param disks     the drives holding the data root and its rig folders
 * @param notRigs   folders of the data root whose names are not {@code <optic>@f<ratio>+<camera>} (not scanned;
 *                  {@code _}-prefixed libraries are not listed)
 */
public record InventoryScan(Inventory inventory, Map<Path, FolderFacts> facts, List<TargetFolder> targets,
                            List<DiskSpace> disks, List<Path> notRigs) {

    public InventoryScan {
        facts = Map.copyOf(facts);
        targets = List.copyOf(targets);
        disks = List.copyOf(disks);
        notRigs = List.copyOf(notRigs);
    }

    public InventoryScan(Inventory inventory, Map<Path, FolderFacts> facts, List<TargetFolder> targets,
                         List<DiskSpace> disks) {
        this(inventory, facts, targets, disks, List.of());
    }
}
