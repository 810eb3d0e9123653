package org.apdm.gui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

/**
 * The window's one background executor. Every file scan, plan and run goes through {@link #submit};
 * the FX thread only starts work and receives results. Progress reaches the screen at most every
 * {@link #TICK_MILLIS} ms (see {@link Job}).
 */
public final class BackgroundTasks implements AutoCloseable {

    /** How often progress is copied to the screen. */
    public static final int TICK_MILLIS = 50;

    private final ExecutorService executor;
    private final ReadOnlyObjectWrapper<Job<?>> current = new ReadOnlyObjectWrapper<>();
    private final java.util.Set<Job<?>> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public BackgroundTasks() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "apdm-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newCachedThreadPool(threads);
    }

    /**
     * Starts work; call on the FX thread. {@code onSuccess} and {@code onFailure} run on the FX thread
     * after the last progress update.
     */
    public <T> Job<T> submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Job<T> job = new Job<>(title);
        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(TICK_MILLIS), e -> job.flush()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        current.set(job);
        running.add(job);
        executor.execute(() -> {
            T value = null;
            Throwable failure = null;
            try {
                value = work.run(job.listener, job.token());
            } catch (Throwable t) {
                failure = t;
            }
            T v = value;
            Throwable f = failure;
            running.remove(job);
            Platform.runLater(() -> {
                ticker.stop();
                job.finish(f == null ? Job.State.SUCCEEDED : Job.State.FAILED);
                if (current.get() == job) {
                    current.set(null);
                }
                try {
                    if (f == null) {
                        onSuccess.accept(v);
                    } else {
                        onFailure.accept(f);
                    }
                } finally {
                    if (f == null) {
                        job.future.complete(v);
                    } else {
                        job.future.completeExceptionally(f);
                    }
                }
            });
        });
        return job;
    }

    /** The job started last, while it runs; the status bar shows it. */
    public ReadOnlyObjectProperty<Job<?>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Whether any work is still running (closing the window then asks first). */
    public boolean busy() {
        return !running.isEmpty();
    }

    /**
     * Cancels running work and waits until it reached its safe point. Never interrupts a worker: an
     * interrupt in the middle of a copy would abort the copy instead of finishing the current file.
     */
    @Override
    public void close() {
        running.forEach(Job::cancel);
        executor.shutdown();
        try {
            executor.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
