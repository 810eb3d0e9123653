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
 * answer. Cancel stops the wait, leaves the question unanswered and cancels the shown future, so its dialog closes.
 */
public final class FxQuestion {

    private FxQuestion() {
    }

    /**
     * Shows the dialog (FX thread) and completes with {@code answerOf} of its result when it closes (null when closed
     * without one); cancelling the returned future, as {@link #ask} does when planning is cancelled, closes it.
     */
    public static <R, A> CompletableFuture<A> show(javafx.scene.control.Dialog<R> dialog,
                                                   java.util.function.Function<R, A> answerOf) {
        CompletableFuture<A> answer = new CompletableFuture<>();
        dialog.setOnHidden(e -> answer.complete(answerOf.apply(dialog.getResult())));
        answer.whenComplete((v, e) -> {
            if (answer.isCancelled()) {
                dialog.close();
            }
        });
        dialog.show();
        return answer;
    }

    /**
     * @param show       shows the question on the FX thread and completes with the answer
     * @param unanswered the answer when cancelled, interrupted, or the dialog failed
     */
    public static <T> T ask(Supplier<CompletableFuture<T>> show, CancellationToken cancel, T unanswered) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<T>> shown = new java.util.concurrent.atomic.AtomicReference<>();
        Platform.runLater(() -> {
            try {
                CompletableFuture<T> f = show.get();
                shown.set(f);
                f.whenComplete((v, e) -> answer.complete(e == null && v != null ? v : unanswered));
            } catch (RuntimeException e) {
                answer.complete(unanswered);
            }
        });
        while (true) {
            try {
                return answer.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    // on the FX thread, after the dialog was shown: the asker closes it when its future is cancelled
                    Platform.runLater(() -> {
                        CompletableFuture<T> f = shown.get();
                        if (f != null) {
                            f.cancel(false);
                        }
                    });
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
