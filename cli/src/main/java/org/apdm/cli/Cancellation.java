package org.apdm.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apdm.core.task.CancellationToken;

/**
 * Turns Ctrl-C into a cancellation at the next safe point: the shutdown hook cancels the token and
 * waits for the command to finish its current file and run the sync service's "after" commands.
 */
final class Cancellation implements AutoCloseable {

    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    Cancellation() {
        hook = new Thread(() -> {
            token.cancel();
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "apdm-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    CancellationToken token() {
        return token;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is waiting for us and now proceeds
        }
    }
}
