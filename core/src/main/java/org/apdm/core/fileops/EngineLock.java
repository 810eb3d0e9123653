package org.apdm.core.fileops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps two apdm runs from working at once: one lock in the state folder (two terminals, or the window and a
 * terminal, of one configuration) and one inside each archive root a run changes (runs of other configurations, or
 * of another computer on the same share). The operating system releases a lock when its process ends, so a killed
 * run leaves no stale lock behind, only the empty file.
 */
final class EngineLock implements AutoCloseable {

    /** The lock file inside an archive root; scanners skip it ({@code FileWalker.isInternal}). */
    static final String ROOT_LOCK = ".apdm.lock";

    private final List<FileChannel> channels;

    private EngineLock(List<FileChannel> channels) {
        this.channels = channels;
    }

    static EngineLock acquire(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve("apdm.lock");
        FileChannel ch = tryLock(file);
        if (ch == null) {
            throw new EngineBusyException("another apdm run is working on files (lock " + file
                    + "); wait for it to finish and try again");
        }
        return new EngineLock(new ArrayList<>(List.of(ch)));
    }

    /**
     * Locks every root given; a root where no lock file can be written (a read-only source) is not locked, and the
     * destination check names a read-only destination.
     *
     * @throws EngineBusyException when another run holds one of them; none is then held
     */
    static EngineLock acquireRoots(Collection<Path> roots) throws IOException {
        List<FileChannel> held = new ArrayList<>();
        EngineLock lock = new EngineLock(held);
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Path file = root.resolve(ROOT_LOCK);
            FileChannel ch;
            try {
                ch = tryLock(file);
            } catch (AccessDeniedException e) {
                continue;
            } catch (FileSystemException e) {
                if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("read-only")) {
                    continue;
                }
                lock.close();
                throw e;
            }
            if (ch == null) {
                lock.close();
                throw new EngineBusyException("another apdm run (another configuration, or another computer) is "
                        + "changing " + root + " (lock " + file + "); wait for it to finish and try again");
            }
            held.add(ch);
        }
        return lock;
    }

    /** The open channel holding the lock, or null when someone else holds it. */
    private static FileChannel tryLock(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by another run in this same JVM (the window and a bench, two tests)
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            return null;
        }
        return ch;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChannel ch : channels) {
            try {
                ch.close(); // releases its lock
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        channels.clear();
        if (first != null) {
            throw first;
        }
    }
}
