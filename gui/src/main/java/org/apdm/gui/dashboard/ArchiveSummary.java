package org.apdm.gui.dashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apdm.core.fileops.LeftBehind;

/**
 * What is in the archive and what to do with it: every folder of lights, stage folders apdm does not know, files
 * that could not be read (the core inventory's {@code Inventory}, field for field), the core's work queue as
 * "what to do next" entries, and the completion of each target against what the Target Scheduler plans.
 *
 * @param work           the core's work queue ({@code WorkQueuePlanner}), in the order of the user's process
 * @param planned        completion in percent per target and stage where something is planned (the report's figure)
 * @param plansAvailable false when no source of planned frames exists (then no target has a planned completion)
 * @param warnings       what could not be read besides files (the Target Scheduler's database), for the queue
 */
public record ArchiveSummary(Path dataRoot, List<ArchiveFolder> folders, List<String> unknownStages,
                             List<LeftBehind> problems, List<NextStep> work, Map<TargetKey, Double> planned,
                             boolean plansAvailable, List<String> warnings) {

    /** One target in one stage of one rig. */
    public record TargetKey(String rig, String stage, String target) {
    }

    public ArchiveSummary {
        folders = List.copyOf(folders);
        unknownStages = List.copyOf(unknownStages);
        problems = List.copyOf(problems);
        work = List.copyOf(work);
        planned = Map.copyOf(planned);
        warnings = List.copyOf(warnings);
    }

    /** An archive without a work queue or plans. */
    public ArchiveSummary(Path dataRoot, List<ArchiveFolder> folders, List<String> unknownStages, List<LeftBehind> problems) {
        this(dataRoot, folders, unknownStages, problems, List.of(), Map.of(), false, List.of());
    }
}
