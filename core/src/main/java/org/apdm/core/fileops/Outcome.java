package org.apdm.core.fileops;

/** What happened to one step of a plan. */
public enum Outcome {
    /** Done as planned. */
    DONE,
    /** Nothing to do: the file was already where the plan puts it. */
    ALREADY_DONE,
    /** An identical file was already at the destination; the source was removed (configuration allows it). */
    DUPLICATE_REMOVED,
    /** An identical file was already at the destination; the source was left where it was. */
    DUPLICATE_KEPT,
    /** A different file is at the destination; nothing was overwritten, the source stays. */
    CONFLICT,
    /** The step failed (after one retry); the source stays where it was. */
    FAILED,
    /** Not started, because the run was cancelled. */
    NOT_RUN;

    public boolean leavesSourceBehind() {
        return this == DUPLICATE_KEPT || this == CONFLICT || this == FAILED || this == NOT_RUN;
    }
}
