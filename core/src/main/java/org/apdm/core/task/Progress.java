package org.apdm.core.task;

/**
 * A snapshot of an operation's progress.
 *
 * @param phase       short name of the current phase ("scan", "move", ...)
 * @param done        units finished in this phase
 * @param total       units in this phase, or -1 when unknown
 * @param currentItem the file or folder being worked on, may be empty
 */
public record Progress(String phase, long done, long total, String currentItem) {

    public boolean isDeterminate() {
        return total >= 0;
    }

    public double fraction() {
        return total <= 0 ? 0.0 : Math.min(1.0, (double) done / total);
    }
}
