package org.apdm.core.fileops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the engine runs.
 *
 * @param stateDir          folder for the journal and the lock (per-user data folder by default)
 * @param removeDuplicates  remove a source whose identical copy is already at the destination
 * @param retryDelay        wait before the one retry of a failed step (a sync client's lock, a busy share)
 * @param intentsPerFlush   steps whose intents are forced to disk together before any of them runs
 * @param probe             crash-test hook
 * @param copyThreads       verified copies of one chunk that run at once (each waits mostly on its own fsync)
 * @param archiveRoots      the configured roots (RAW, Data, library…); a run holds a lock inside each one it changes,
 *                          so runs of other configurations or other computers on one share wait their turn
 */
public record EngineSettings(Path stateDir, boolean removeDuplicates, Duration retryDelay, int intentsPerFlush,
                             EngineProbe probe, int copyThreads, List<Path> archiveRoots) {

    public EngineSettings {
        archiveRoots = List.copyOf(archiveRoots);
    }

    /** Enough to overlap the disk's flushes; more only queue behind them. */
    public static final int DEFAULT_COPY_THREADS = 4;

    public static EngineSettings of(Path stateDir) {
        return new EngineSettings(stateDir, false, Duration.ofMillis(500), 256, EngineProbe.NONE, DEFAULT_COPY_THREADS,
                List.of());
    }

    public EngineSettings withRemoveDuplicates(boolean remove) {
        return new EngineSettings(stateDir, remove, retryDelay, intentsPerFlush, probe, copyThreads, archiveRoots);
    }

    public EngineSettings withRetryDelay(Duration delay) {
        return new EngineSettings(stateDir, removeDuplicates, delay, intentsPerFlush, probe, copyThreads, archiveRoots);
    }

    public EngineSettings withProbe(EngineProbe p) {
        return new EngineSettings(stateDir, removeDuplicates, retryDelay, intentsPerFlush, p, copyThreads, archiveRoots);
    }

    public EngineSettings withIntentsPerFlush(int n) {
        return new EngineSettings(stateDir, removeDuplicates, retryDelay, Math.max(1, n), probe, copyThreads, archiveRoots);
    }

    /** The roots a run locks where it changes something inside them. */
    public EngineSettings withArchiveRoots(List<Path> roots) {
        return new EngineSettings(stateDir, removeDuplicates, retryDelay, intentsPerFlush, probe, copyThreads, roots);
    }

    /** 1 runs every step one after the other. */
    public EngineSettings withCopyThreads(int n) {
        return new EngineSettings(stateDir, removeDuplicates, retryDelay, intentsPerFlush, probe, Math.max(1, n), archiveRoots);
    }
}
