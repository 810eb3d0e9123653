package org.apdm.core.fileops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * Runs the real engine in a child JVM and halts it (no shutdown hooks, no flushing: like a kill -9
 * or a power cut) at the n-th point where the engine's disk state changes.
 * Arguments: stateDir srcRoot dstRoot killAt intentsPerFlush. killAt 0 runs to the end and prints
 * {@code PROBES=<count>}.
 */
public final class CrashChild {

    public static final int KILLED = 99;

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        Path src = Path.of(args[1]);
        Path dst = Path.of(args[2]);
        int killAt = Integer.parseInt(args[3]);
        int perFlush = Integer.parseInt(args[4]);
        boolean copy = args.length > 5 && args[5].equals("copy");
        AtomicInteger count = new AtomicInteger();
        EngineProbe probe = point -> {
            if (count.incrementAndGet() == killAt) {
                Runtime.getRuntime().halt(KILLED);
            }
        };
        FileEngine engine = new FileEngine(EngineSettings.of(state).withIntentsPerFlush(perFlush).withProbe(probe));
        engine.execute(copy ? copiesOf(src, dst) : movesOf(src, dst), ProgressListener.NONE, CancellationToken.none());
        System.out.println("PROBES=" + count.get());
    }

    /** Copies every file below src to the same relative place below dst (how masters reach the nights). */
    static Plan copiesOf(Path src, Path dst) throws java.io.IOException {
        List<FileOperation> ops = new ArrayList<>();
        for (FileOperation o : movesOf(src, dst).operations()) {
            ops.add(new FileOperation.Copy(o.source(), o.destination(), "crash test"));
        }
        return new Plan("crash-test-copy", ops, List.of(), List.of(dst), List.of());
    }

    /** Moves every file below src to the same relative place below dst. */
    static Plan movesOf(Path src, Path dst) throws java.io.IOException {
        List<FileOperation> ops = new ArrayList<>();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                ops.add(new FileOperation.Move(p, dst.resolve(src.relativize(p).toString()), "crash test"));
            }
        }
        return new Plan("crash-test", ops, List.of(), List.of(dst), List.of(src));
    }
}
