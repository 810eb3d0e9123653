package org.apdm.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apdm.core.task.CancellationToken;

/**
 * For {@code apdm watch}: waits until N.I.N.A. (and the capture folders of {@code ingest.sources}) have finished
 * writing: no {@code .tmp} file, and every file's size and modification time unchanged for the settle time. The clock and the sleep are injected so tests run fast.
 */
public final class FolderSettler {

    /** Sleeps; a test passes one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Duration settle;
    private final Duration poll;
    private final Sleeper sleeper;
    private final java.util.function.LongSupplier nanos;

    public FolderSettler(Duration settle, Duration poll, Sleeper sleeper, java.util.function.LongSupplier nanos) {
        this.settle = settle;
        this.poll = poll;
        this.sleeper = sleeper;
        this.nanos = nanos;
    }

    public static FolderSettler real(Duration settle) {
        // a quarter of the settle time, but at most a second so Ctrl-C is answered at once
        Duration quarter = settle.dividedBy(4);
        Duration poll = quarter.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50)
                : quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : quarter;
        return new FolderSettler(settle, poll, d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }

    /** What the folder looks like now: file → size and time; null when a {@code .tmp} file is there. */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tmp")) {
                        return null;
                    }
                    m.put(p.toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return m;
    }

    /** The files of all folders together; null when any holds a {@code .tmp} file. */
    public static Map<String, String> snapshot(List<Path> folders) throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (Path folder : folders) {
            Map<String, String> one = snapshot(folder);
            if (one == null) {
                return null;
            }
            all.putAll(one);
        }
        return all;
    }

    /**
     * Waits until the folder holds files and has settled. Returns false when cancelled or when {@code stop} says
     * so before it settled.
     */
    public boolean awaitSettled(Path folder, BooleanSupplier stop, CancellationToken cancel) throws IOException {
        return awaitSettled(List.of(folder), null, stop, cancel);
    }

    /**
     * Waits until the folders hold files, differ from {@code afterLastRun} (what the previous run left: frames it
     * could not place, a card's own stacks) and have settled.
     */
    public boolean awaitSettled(List<Path> folders, Map<String, String> afterLastRun, BooleanSupplier stop,
                                CancellationToken cancel) throws IOException {
        Map<String, String> last = null;
        long since = nanos.getAsLong();
        while (!cancel.isCancelled() && !stop.getAsBoolean()) {
            Map<String, String> now = snapshot(folders);
            long t = nanos.getAsLong();
            if (now == null || now.isEmpty() || now.equals(afterLastRun) || !now.equals(last)) {
                last = now;
                since = t;
            } else if (t - since >= settle.toNanos()) {
                return true;
            }
            try {
                sleeper.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
