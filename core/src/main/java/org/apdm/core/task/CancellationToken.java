package org.apdm.core.task;

/**
 * Asks a running operation to stop at its next safe point.
 *
 * <p>Operations check the token only between whole files (never in the middle of a move or copy),
 * so a cancelled run leaves every file either where it was or where it was going.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Throws {@link OperationCancelledException} when cancellation was requested. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new OperationCancelledException();
        }
    }
}
