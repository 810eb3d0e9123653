package org.apdm.gui.operation;

import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * How one core operation plugs into the window's plan → approve → run → result flow. Both methods run on a
 * worker thread and only call the core operation (never a second implementation of it).
 *
 * @param <P> what planning hands to running (the operation's prepared plan)
 */
public interface OperationSteps<P> {

    /** A planned operation: what the core returned, and the preview built from it. */
    record Planned<P>(P prepared, PlanPreview preview) {
    }

    /** Short name for the log and the status bar ("Ingest"). */
    String title();

    /** Scans and plans; changes no file. */
    Planned<P> plan(ProgressListener listener, CancellationToken cancel) throws Exception;

    /** Carries out an approved plan. */
    RunResult run(P prepared, ProgressListener listener, CancellationToken cancel) throws Exception;

    /** The approve button names the action and the count ("Move 312 files"). */
    default String approveLabel(PlanPreview preview) {
        long n = preview.actions();
        return "Run " + n + (n == 1 ? " step" : " steps");
    }

    /**
     * For an operation that cannot be undone (deleting files): the sentence the user ticks before the approve button
     * works ("Delete these 120 files for good"); null when approving is enough.
     */
    default String confirmation(PlanPreview preview) {
        return null;
    }
}
