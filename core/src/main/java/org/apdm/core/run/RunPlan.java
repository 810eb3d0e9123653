package org.apdm.core.run;

import java.util.List;
import java.util.Map;

/**
 * What {@code apdm run} will do: the steps for all rigs, then per rig each step with its file count, and the
 * gates where a person is needed.
 *
 * @param shared  steps done once (ingest)
 * @param rigs    per rig folder, its steps in order
 * @param gates   per rig folder, what waits for a person
 * @param resumed true when a checkpoint of an interrupted run was found: finished steps are skipped
 */
public record RunPlan(List<PlannedStep> shared, Map<String, List<PlannedStep>> rigs, Map<String, List<Gate>> gates,
                      boolean resumed) {

    public RunPlan {
        shared = List.copyOf(shared);
        rigs = Map.copyOf(rigs);
        gates = Map.copyOf(gates);
    }

    /**
     * @param step     the step's id
     * @param files    files the step would touch now (-1 when not previewed)
     * @param finished true when the checkpoint says an interrupted run already finished it
     * @param waitsFor what the step waits for, or ""
     */
    public record PlannedStep(String step, int files, boolean finished, String waitsFor) {
    }

    /** True when no step has anything to do. */
    public boolean nothingToDo() {
        return java.util.stream.Stream.concat(shared.stream(), rigs.values().stream().flatMap(List::stream))
                .allMatch(s -> s.finished() || s.files() == 0);
    }
}
