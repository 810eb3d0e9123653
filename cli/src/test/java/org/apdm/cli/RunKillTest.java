package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apdm.core.cull.RejectManifest;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.core.run.RunCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apdm run} killed with SIGKILL (Process.destroyForcibly) between steps and in the middle of one, in a
 * child JVM running the real command line; the next {@code apdm run} must end where an uninterrupted run ends.
 */
class RunKillTest {

    @TempDir
    Path tmp;

    /** The end state: every file's content, except the cull manifests' timestamps (only their names count). */
    static Map<String, String> endState(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        RunTrees.snapshot(root).forEach((k, v) -> out.put(k, k.endsWith(RejectManifest.NAME) ? "manifest" : v));
        return out;
    }

    private Process start(DemoWorkspace.Layout w, Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.apdm.cli.ApdmCli", "run", "--config", w.config().toString(), "--quiet");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(home.resolve("child.log").toFile());
        return pb.start();
    }

    private static boolean journalOpen(Path state) {
        try (var s = Files.list(state.resolve("journal"))) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts a run, kills it when {@code when} holds for its state folder (or it ended), then resumes in-process. */
    private String killAndResume(String name, Predicate<Path> when, Map<String, String> expected) throws Exception {
        DemoWorkspace.Layout w = DemoWorkspace.create(tmp.resolve(name));
        Path home = Files.createDirectories(tmp.resolve(name + "-home"));
        Path state = w.root().resolve(".apdm");
        Process p = start(w, home);
        String seen = "ended before the kill";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (when.test(state)) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                seen = "killed; checkpoint " + (Files.exists(state.resolve(RunCheckpoint.FILE))
                        ? Files.readAllLines(state.resolve(RunCheckpoint.FILE)).size() - 1 + " step(s)" : "none")
                        + ", journal " + (journalOpen(state) ? "open" : "closed");
                break;
            }
            Thread.onSpinWait();
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        CliHarness.Run r = new CliHarness(home).apdm("run", "--config", w.config().toString(), "--quiet");
        assertTrue(r.code() == 0 || r.code() == 1, name + ": " + r);
        assertEquals(expected, endState(w.root()), name + " (" + seen + "): the resumed run ends where an "
                + "uninterrupted one does");
        assertTrue(!Files.exists(state.resolve(RunCheckpoint.FILE)), name + ": the finished run clears its checkpoint");
        return name + ": " + seen;
    }

    @Test
    void aRunKilledBetweenStepsOrInTheMiddleOfOneEndsLikeAnUninterruptedRun() throws Exception {
        DemoWorkspace.Layout ref = DemoWorkspace.create(tmp.resolve("reference"));
        CliHarness.Run r = new CliHarness(tmp.resolve("ref-home")).apdm("run", "--config", ref.config().toString(),
                "--quiet");
        assertTrue(r.code() == 0 || r.code() == 1, r.toString());
        Map<String, String> expected = endState(ref.root());

        List<String> report = new ArrayList<>();
        // between steps: the checkpoint has just recorded ingest (and then more)
        report.add(killAndResume("after-ingest", s -> Files.exists(s.resolve(RunCheckpoint.FILE)), expected));
        report.add(killAndResume("after-two-steps", s -> {
            try {
                return Files.exists(s.resolve(RunCheckpoint.FILE))
                        && Files.readAllLines(s.resolve(RunCheckpoint.FILE)).size() >= 3;
            } catch (IOException e) {
                return false;
            }
        }, expected));
        // in the middle of a step: the engine's journal of a batch is open
        report.add(killAndResume("mid-ingest", RunKillTest::journalOpen, expected));
        report.add(killAndResume("mid-later-step", s -> journalOpen(s) && Files.exists(s.resolve(RunCheckpoint.FILE)),
                expected));
        report.forEach(System.out::println);
    }
}
