package org.apdm.core.task;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts finished units from many threads and forwards at most one update per interval.
 * Keeps hot loops free of per-file listener calls.
 */
public final class ThrottledProgress {

    private final ProgressListener listener;
    private final String phase;
    private final long total;
    private final long intervalNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong();

    public ThrottledProgress(ProgressListener listener, String phase, long total, long intervalMillis) {
        this.listener = listener;
        this.phase = phase;
        this.total = total;
        this.intervalNanos = intervalMillis * 1_000_000L;
        listener.onProgress(new Progress(phase, 0, total, ""));
    }

    public ThrottledProgress(ProgressListener listener, String phase, long total) {
        this(listener, phase, total, 50);
    }

    /** Records one finished unit; {@code item} is shown only when an update is sent. */
    public void step(Object item) {
        long n = done.incrementAndGet();
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= intervalNanos && lastReport.compareAndSet(last, now)) {
            listener.onProgress(new Progress(phase, n, total, item == null ? "" : item.toString()));
        }
    }

    /** Sends the final count. */
    public void finish() {
        listener.onProgress(new Progress(phase, done.get(), total, ""));
    }

    public long done() {
        return done.get();
    }
}
