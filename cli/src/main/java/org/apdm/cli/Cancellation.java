package org.apdm.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apdm.core.task.CancellationToken;

/**
 * Turns Ctrl-C into a cancellation at the next safe point: the shutdown hook cancels the token and
 * waits for the command to finish its current file and run the sync service's "after" commands.
 */
public final class Cancellation implements AutoCloseable {

    /** Set once Ctrl-C (or a termination signal) started the JVM's shutdown. */
    private static volatile boolean signalled;

    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    Cancellation() {
        hook = new Thread(() -> {
            signalled = true;
            token.cancel();
            try {
                finished.await(120, TimeUnit.SECONDS);
                // give main the moment to print its summary and halt with apdm's own code (see exit)
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "apdm-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Ends the process with apdm's exit code. After Ctrl-C the JVM is already shutting down and would end with
     * the signal's 130 (System.exit blocks then), so halt with the documented code instead: 3, aborted.
     */
    public static void exit(int code) {
        System.out.flush();
        System.err.flush();
        if (signalled) {
            Runtime.getRuntime().halt(code == ExitCodes.OK ? ExitCodes.ABORTED : code);
        }
        System.exit(code);
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
