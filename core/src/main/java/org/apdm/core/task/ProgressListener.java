package org.apdm.core.task;

/**
 * Receives progress from a long-running core operation.
 *
 * <p>Callbacks may arrive on any worker thread and at a high rate; adapters (terminal, window)
 * throttle what they show. Implementations must be thread-safe and must not block.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void onProgress(Progress progress) {
        }
    };

    /** A new count for the current phase. */
    void onProgress(Progress progress);

    /** A line for the operation log, worded the same way the command line prints it. */
    default void onMessage(String line) {
    }
}
