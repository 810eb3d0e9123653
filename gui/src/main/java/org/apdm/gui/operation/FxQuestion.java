package org.apdm.gui.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.apdm.core.task.CancellationToken;

/**
 * A question to the user from planning work: shown on the FX thread (a dialog), while the worker waits for the
 * answer. Cancel stops the wait and leaves the question unanswered.
 */
public final class FxQuestion {

    private FxQuestion() {
    }

    /**
     * @param show       shows the question on the FX thread and completes with the answer
     * @param unanswered the answer when cancelled, interrupted, or the dialog failed
     */
    public static <T> T ask(Supplier<CompletableFuture<T>> show, CancellationToken cancel, T unanswered) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                show.get().whenComplete((v, e) -> answer.complete(e == null && v != null ? v : unanswered));
            } catch (RuntimeException e) {
                answer.complete(unanswered);
            }
        });
        while (true) {
            try {
                return answer.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    return unanswered;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unanswered;
            } catch (ExecutionException e) {
                return unanswered;
            }
        }
    }
}
