package org.apdm.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apdm.core.fileops.StateFiles;

/**
 * Which steps of an interrupted {@code apdm run} finished, so a resumed run does not redo them.
 * A small text file in the state folder ({@code run-checkpoint.txt}, one step key a line), rewritten whole
 * through a temporary file, forced to disk and renamed over the old one: a kill at any instant leaves the old
 * list or the new one, never half of one. Removed when a run ends without being interrupted.
 *
 * <p>The files themselves are safe without it (every step goes through the journaled engine and is
 * idempotent); the checkpoint only spares the work and keeps a cull pass with relative limits from judging
 * the same nights twice.
 */
public final class RunCheckpoint {

    public static final String FILE = "run-checkpoint.txt";
    private static final String HEADER = "# apdm run: steps finished by an interrupted run";

    private final Path file;
    private final Set<String> finished = new LinkedHashSet<>();

    private RunCheckpoint(Path file) {
        this.file = file;
    }

    /** Reads the checkpoint of the state folder; empty when there is none. */
    public static synchronized RunCheckpoint load(Path stateDir) throws IOException {
        RunCheckpoint c = new RunCheckpoint(stateDir.resolve(FILE));
        if (Files.isRegularFile(c.file)) {
            for (String line : Files.readAllLines(c.file, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    c.finished.add(s);
                }
            }
        }
        return c;
    }

    public synchronized Set<String> finished() {
        return Set.copyOf(finished);
    }

    public synchronized boolean isFinished(String key) {
        return finished.contains(key);
    }

    /** Records a finished step, durably, before the run goes on. */
    public synchronized void markFinished(String key) throws IOException {
        if (finished.add(key)) {
            write();
        }
    }

    /** The run ended without interruption: the next run starts fresh. */
    public synchronized void clear() throws IOException {
        finished.clear();
        StateFiles.remove(file);
    }

    private void write() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String k : List.copyOf(finished)) {
            sb.append(k).append('\n');
        }
        StateFiles.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
