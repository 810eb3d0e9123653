package org.apdm.gui.dashboard;

import java.nio.file.Path;
import java.util.List;
import org.apdm.core.fileops.LeftBehind;

/**
 * What is in the archive: every folder of lights, stage folders apdm does not know, and files that could not be
 * placed. The core inventory's {@code Inventory}, field for field.
 */
public record ArchiveSummary(Path dataRoot, List<ArchiveFolder> folders, List<String> unknownStages,
                             List<LeftBehind> problems) {

    public ArchiveSummary {
        folders = List.copyOf(folders);
        unknownStages = List.copyOf(unknownStages);
        problems = List.copyOf(problems);
    }
}
