package org.apdm.core.inventory;

import java.nio.file.Path;
import java.util.List;
import org.apdm.core.fileops.LeftBehind;

/**
 * Everything in the archive below a data root: one entry per folder that holds light frames.
 *
 * @param dataRoot      the scanned root
 * @param folders       folders with light frames, sorted by path
 * @param unknownStages stage folder names that are not one of {@code 00_Misc} … {@code 60_Done}
 *                      ({@code 70_Abandon}); their folders are in {@code folders} too
 * @param problems      files and folders that could not be read or understood, each with the reason
 */
public record Inventory(Path dataRoot, List<InventoryFolder> folders, List<String> unknownStages,
                        List<LeftBehind> problems) {

    public Inventory {
        folders = List.copyOf(folders);
        unknownStages = List.copyOf(unknownStages);
        problems = List.copyOf(problems);
    }

    public long frames() {
        return folders.stream().mapToLong(InventoryFolder::frames).sum();
    }

    public double hours() {
        return folders.stream().mapToDouble(InventoryFolder::hours).sum();
    }
}
