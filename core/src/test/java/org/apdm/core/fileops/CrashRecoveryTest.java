package org.apdm.core.fileops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM running the real engine at every numbered point of a batch of moves, then lets
 * the next run recover and resume, and checks that every file is present exactly once with its
 * bytes intact and that no temporary file or journal is left behind.
 */
class CrashRecoveryTest {

    private static final int FILES = 12;
    private static final int PER_FLUSH = 5;

    @TempDir
    Path tmp;

    @Test
    void killedAtEveryPointOfASameVolumeBatch() throws Exception {
        Stats s = killAtEveryPoint("same volume (link, then remove)", tmp);
        s.print();
        s.assertClean();
    }

    @Test
    void killedAtEveryPointOfACrossVolumeBatch() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a second volume (/dev/shm)");
        Path other = Files.createTempDirectory(shm, "apdm-crash-");
        try {
            assumeTrue(!Files.getFileStore(other).equals(Files.getFileStore(tmp)), "/dev/shm is not another volume");
            Stats s = killAtEveryPoint("across volumes (copy, verify, publish, remove)", other);
            s.print();
            s.assertClean();
        } finally {
            deleteTree(other);
        }
    }

    @Test
    void killedAtEveryPointOfACopyBatch() throws Exception {
        Path run0 = Files.createDirectories(tmp.resolve("copy-count"));
        Map<String, String> seed = makeTree(run0.resolve("RAW"));
        Process counter = start(run0.resolve("state"), run0.resolve("RAW"), Files.createDirectories(run0.resolve("dst")), 0, "copy");
        String out = new String(counter.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(counter.waitFor(60, TimeUnit.SECONDS));
        int points = Integer.parseInt(out.lines().filter(l -> l.startsWith("PROBES=")).findFirst().orElseThrow().substring(7));
        assertTrue(points > FILES, "points: " + points + " " + seed.size());
        int killed = 0;
        for (int k = 1; k <= points; k++) {
            Path run = Files.createDirectories(tmp.resolve("copy" + k));
            Path src = run.resolve("RAW");
            Path dst = Files.createDirectories(run.resolve("dst"));
            Map<String, String> original = makeTree(src);
            Process p = start(run.resolve("state"), src, dst, k, "copy");
            p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            killed += p.exitValue() == CrashChild.KILLED ? 1 : 0;
            FileEngine engine = new FileEngine(EngineSettings.of(run.resolve("state")));
            for (FileEngine.UnfinishedRun u : engine.unfinishedRuns()) {
                assertEquals("crash-test-copy", u.title(), "`apdm recover --dry-run` names the interrupted run");
                assertTrue(u.unfinishedSteps() <= FILES, "kill point " + k + ": " + u);
            }
            assertTrue(engine.recover().problems().isEmpty());
            assertTrue(engine.unfinishedRuns().isEmpty(), "recovered: nothing left to list");
            assertEquals(original, TreeSnapshot.of(src), "kill point " + k + ": sources untouched");
            Map<String, String> copied = TreeSnapshot.of(dst);
            for (Map.Entry<String, String> e : copied.entrySet()) {
                assertEquals(original.get(e.getKey()), e.getValue(), "kill point " + k + ": a published copy is whole: " + e.getKey());
            }
            engine.execute(CrashChild.copiesOf(src, dst), ProgressListener.NONE, CancellationToken.none());
            assertEquals(original, TreeSnapshot.of(dst), "kill point " + k + ": the resumed run completes every copy");
            try (Stream<Path> w = Files.walk(run)) {
                assertEquals(0, w.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(), "kill point " + k);
            }
        }
        assertEquals(points, killed);
        System.out.printf("crash test, copies: %d files, %d crash points, %d child JVMs killed; torn copies 0,"
                + " sources changed 0, temporary files left 0%n", FILES, points, killed);
    }

    private Stats killAtEveryPoint(String mode, Path destinationVolume) throws Exception {
        Stats stats = new Stats(mode);
        int points = probeCount(destinationVolume);
        stats.points = points;
        assertTrue(points > FILES, "expected several crash points per file, got " + points);
        for (int k = 1; k <= points; k++) {
            Path run = Files.createDirectories(tmp.resolve("run" + k));
            Path src = run.resolve("RAW");
            Path dst = Files.createDirectories(destinationVolume.resolve("dst" + k));
            Path state = run.resolve("state");
            Map<String, String> original = makeTree(src);
            int exit = child(state, src, dst, k);
            stats.runs++;
            if (exit == CrashChild.KILLED) {
                stats.killed++;
            }
            FileEngine engine = new FileEngine(EngineSettings.of(state));
            RecoveryReport report = engine.recover();
            stats.recovered += report.completed();
            stats.rolledBack += report.rolledBack();
            stats.problems += report.problems().size();
            check(stats, "after recovery, kill point " + k, original, src, dst, false);
            engine.execute(CrashChild.movesOf(src, dst), ProgressListener.NONE, CancellationToken.none());
            check(stats, "after the resumed run, kill point " + k, original, src, dst, true);
            assertFalse(engine.hasUnfinishedRuns(), "journal left at kill point " + k);
            if (!destinationVolume.equals(tmp)) {
                deleteTree(dst);
            }
        }
        return stats;
    }

    private int probeCount(Path destinationVolume) throws Exception {
        Path run = Files.createDirectories(tmp.resolve("count"));
        Path dst = Files.createDirectories(destinationVolume.resolve("count-dst"));
        makeTree(run.resolve("RAW"));
        Process p = start(run.resolve("state"), run.resolve("RAW"), dst, 0);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        if (!destinationVolume.equals(tmp)) {
            deleteTree(dst);
        }
        return Integer.parseInt(out.lines().filter(l -> l.startsWith("PROBES=")).findFirst().orElseThrow().substring(7));
    }

    private static Map<String, String> makeTree(Path src) throws IOException {
        for (int i = 0; i < FILES; i++) {
            // distinct content so a file's hash identifies it wherever it ends up
            TreeSnapshot.write(src.resolve("night" + (i % 3) + "/LIGHT/frame" + i + ".fits"), "frame " + i + " " + "x".repeat(i * 100));
        }
        return TreeSnapshot.of(src);
    }

    private static void check(Stats stats, String when, Map<String, String> original, Path src, Path dst, boolean allMoved)
            throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> s = TreeSnapshot.of(src);
        Map<String, String> d = TreeSnapshot.of(dst);
        s.values().forEach(h -> seen.merge(h, 1, Integer::sum));
        d.values().forEach(h -> seen.merge(h, 1, Integer::sum));
        for (Map.Entry<String, String> e : original.entrySet()) {
            int n = seen.getOrDefault(e.getValue(), 0);
            if (n == 0) {
                stats.lost++;
                stats.failures.add(when + ": lost " + e.getKey());
            } else if (n > 1) {
                stats.duplicated++;
                stats.failures.add(when + ": " + e.getKey() + " present " + n + " times");
            }
        }
        for (Path root : List.of(src, dst)) {
            try (Stream<Path> w = Files.walk(root)) {
                List<Path> temps = w.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
                stats.temps += temps.size();
                temps.forEach(t -> stats.failures.add(when + ": temporary file left " + t));
            }
        }
        if (allMoved && !s.isEmpty()) {
            stats.failures.add(when + ": still in RAW " + s.keySet());
        }
        if (allMoved) {
            for (Map.Entry<String, String> e : original.entrySet()) {
                if (!e.getValue().equals(d.get(e.getKey()))) {
                    stats.failures.add(when + ": " + e.getKey() + " missing or changed at its destination");
                }
            }
        }
    }

    private int child(Path state, Path src, Path dst, int killAt) throws Exception {
        Process p = start(state, src, dst, killAt);
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not finish");
        return p.exitValue();
    }

    private static Process start(Path state, Path src, Path dst, int killAt) throws IOException {
        return start(state, src, dst, killAt, "move");
    }

    private static Process start(Path state, Path src, Path dst, int killAt, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), state.toString(), src.toString(), dst.toString(),
                Integer.toString(killAt), Integer.toString(PER_FLUSH), mode));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static final class Stats {
        final String mode;
        int points;
        int runs;
        int killed;
        int recovered;
        int rolledBack;
        int problems;
        int lost;
        int duplicated;
        int temps;
        final List<String> failures = new ArrayList<>();

        Stats(String mode) {
            this.mode = mode;
        }

        void print() {
            System.out.printf("crash test, %s: %d files, %d crash points, %d child JVMs killed; recovery finished %d steps"
                            + " and rolled back %d; files lost %d, files in two places %d, temporary files left %d,"
                            + " recovery problems %d%n", mode, FILES, points, killed, recovered, rolledBack, lost,
                    duplicated, temps, problems);
        }

        void assertClean() {
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            assertEquals(0, problems, "recovery reported problems");
            assertEquals(points, killed, "every run was killed");
        }
    }
}
