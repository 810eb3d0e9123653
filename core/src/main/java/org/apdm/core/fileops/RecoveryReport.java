package org.apdm.core.fileops;

import java.util.List;

/**
 * What recovery did with the journals of runs that did not finish.
 *
 * @param batches    interrupted runs found
 * @param completed  steps finished (a move whose copy was already verified, a link whose source remained)
 * @param rolledBack steps undone or found not started (partial copies removed, sources left in place)
 * @param problems   situations recovery would not decide alone, with the files named
 */
public record RecoveryReport(int batches, int completed, int rolledBack, List<String> problems) {

    public static final RecoveryReport NONE = new RecoveryReport(0, 0, 0, List.of());

    public RecoveryReport {
        problems = List.copyOf(problems);
    }

    public boolean isEmpty() {
        return batches == 0;
    }

    public RecoveryReport plus(RecoveryReport other) {
        List<String> p = new java.util.ArrayList<>(problems);
        p.addAll(other.problems);
        return new RecoveryReport(batches + other.batches, completed + other.completed,
                rolledBack + other.rolledBack, p);
    }
}
