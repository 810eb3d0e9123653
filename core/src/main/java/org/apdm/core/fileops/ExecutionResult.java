package org.apdm.core.fileops;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run of a plan did.
 *
 * @param outcomes           one per step, in plan order
 * @param cancelled          the user cancelled; steps not started are {@link Outcome#NOT_RUN}
 * @param removedDirectories empty folders removed afterwards
 * @param recovery           what was finished or rolled back from an earlier, interrupted run
 */
public record ExecutionResult(List<OperationOutcome> outcomes, boolean cancelled, int removedDirectories,
                              RecoveryReport recovery) {

    public ExecutionResult {
        outcomes = List.copyOf(outcomes);
    }

    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
        for (OperationOutcome o : outcomes) {
            m.merge(o.outcome(), 1L, Long::sum);
        }
        return m;
    }

    public long count(Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
