package org.apdm.gui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.Progress;
import org.apdm.core.task.ProgressListener;

/**
 * One piece of background work as the window sees it. The worker writes progress into a volatile slot and
 * log lines into a queue; {@link BackgroundTasks} copies them to these properties on the FX thread every
 * 50 ms, so a chatty operation never floods the FX thread. All properties change on the FX thread only.
 *
 * <p>Cancel asks the core operation to stop at its next safe point (between files); the work then
 * finishes normally with a result that says it was cancelled, which the window shows like any other.
 */
public final class Job<T> {

    /** Where a job is. */
    public enum State { RUNNING, SUCCEEDED, FAILED }

    private final String title;
    private final CancellationToken token = new CancellationToken();
    final AtomicReference<Progress> latest = new AtomicReference<>();
    final Queue<String> pendingLines = new ConcurrentLinkedQueue<>();
    final CompletableFuture<T> future = new CompletableFuture<>();
    private Progress shown;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.RUNNING);
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currentItem = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(false);
    private final List<Consumer<String>> lineSinks = new ArrayList<>();

    Job(String title) {
        this.title = title;
    }

    /** The listener handed to the core operation: thread-safe, never blocks, never touches the FX thread. */
    final ProgressListener listener = new ProgressListener() {
        @Override
        public void onProgress(Progress p) {
            latest.set(p);
        }

        @Override
        public void onMessage(String line) {
            pendingLines.add(line);
        }
    };

    public String title() {
        return title;
    }

    public CancellationToken token() {
        return token;
    }

    /** Asks the operation to stop at its next safe point. */
    public void cancel() {
        token.cancel();
        cancelRequested.set(true);
    }

    /** Receives every log line of this job, on the FX thread, in order. */
    public void onLine(Consumer<String> sink) {
        lineSinks.add(sink);
    }

    /** Completes when the work has ended and its callbacks ran; for tests and the benchmark. */
    public CompletableFuture<T> future() {
        return future;
    }

    /** Copies what the worker reported; FX thread. */
    void flush() {
        Progress p = latest.get();
        if (p != null && p != shown) {
            shown = p;
            phase.set(p.phase());
            if (!p.currentItem().isEmpty()) {
                currentItem.set(p.currentItem());
            }
            progress.set(p.isDeterminate() ? p.fraction() : -1);
            counts.set(p.isDeterminate() ? p.done() + " of " + p.total() : p.done() > 0 ? String.valueOf(p.done()) : "");
        }
        String line;
        while ((line = pendingLines.poll()) != null) {
            for (Consumer<String> sink : lineSinks) {
                sink.accept(line);
            }
        }
    }

    void finish(State end) {
        flush();
        state.set(end);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The file being worked on (the last one reported). */
    public ReadOnlyStringProperty currentItemProperty() {
        return currentItem.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "120 of 2000". */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }
}
