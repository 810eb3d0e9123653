package org.apdm.core.cull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.config.ConfigResolver;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.BlinkTree;
import org.apdm.core.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CullOperationTest {

    @TempDir
    Path tmp;
    Path data;
    Path reject;
    Path state;
    BlinkTree tree;
    ApdmConfig config;

    static final String NIGHT = "2025-01-01";

    @BeforeEach
    void setUp() throws Exception {
        data = Files.createDirectories(tmp.resolve("Data"));
        reject = tmp.resolve("Reject");
        state = tmp.resolve("state");
        tree = new BlinkTree(data);
        // the C8E's passes as apdm.example.yaml configures them; no rig's passes are built in
        config = ConfigResolver.resolve(ConfigLoader.parse("""
                rigs:
                  "C8E@f10.0+ZWO ASI2600MM Pro":
                    cull:
                      - {name: pass1, max_hfr: 4.6, max_rms: 2.0, auto_accept_percent: 30}
                      - {name: pass2, max_hfr: 5.5, max_rms: 2.0, auto_accept_percent: 100}
                """, "c.yaml"), null, new ConfigLocations(state.resolve("c.yaml"), state), Map.of())
                .withStateDir(state);
    }

    /** L: 10 frames, 2 with bad HFR (20 %: applied automatically). R: 5 frames, 3 with bad guiding (60 %: asked). */
    void twoGroups() throws IOException {
        for (int i = 0; i < 10; i++) {
            tree.light(BlinkTree.C8E, "M 31", NIGHT, "L", i * 5, i == 3 || i == 7 ? 5.2 : 3.0, 900, 0.8);
        }
        for (int i = 0; i < 5; i++) {
            tree.light(BlinkTree.C8E, "M 31", NIGHT, "R", 60 + i * 5, 3.0, 900, i < 3 ? 2.7 : 0.9);
        }
    }

    CullOperation op(Clock clock) {
        return new CullOperation(config, new FileEngine(EngineSettings.of(state)), clock);
    }

    CullOperation.Result run(CullOperation.Decider decider, boolean dryRun, String pass) throws IOException {
        return op(Clock.systemUTC()).run(new CullOperation.Request(data, reject, List.of(), pass, null, dryRun), decider,
                ProgressListener.NONE, CancellationToken.none());
    }

    static long count(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".fits")).count();
        }
    }

    @Test
    void groupsBelowTheShareAreAppliedAndOthersAreAskedWithTheirStatistics() throws IOException {
        twoGroups();
        List<GroupProposal> asked = new ArrayList<>();
        CullOperation.Result r = run(p -> {
            asked.add(p);
            return false;
        }, false, "pass1");
        assertEquals(1, asked.size());
        GroupProposal q = asked.get(0);
        assertTrue(q.group().folder().toString().contains("FILTER_R"));
        assertEquals(3, q.rejects().size());
        assertEquals("60.0", q.percentText());
        assertEquals(2.7, q.stats().get("rmsac").max());
        assertEquals(2, count(reject), "only the automatic group's two frames moved");
        assertEquals(13, count(data));
        long declined = r.groups().stream().filter(g -> g.decision() == CullOperation.Decision.DECLINED).count();
        assertEquals(1, declined);
    }

    @Test
    void rejectsKeepRigStageAndTheWholePathAndAManifestSaysWhy() throws IOException {
        twoGroups();
        run(p -> true, false, "pass1");
        Path rejected = reject.resolve(BlinkTree.C8E).resolve("10_Blink/M 31/DATE_" + NIGHT + "/FILTER_L_EXP_300.00_SETTEMP_-10.00");
        try (Stream<Path> s = Files.list(rejected)) {
            assertEquals(3, s.count(), "two frames and the manifest");
        }
        String manifest = Files.readString(rejected.resolve(RejectManifest.NAME), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"pass\":\"pass1\""), manifest);
        assertTrue(manifest.contains("hfr 5.2 > 4.6"), manifest);
        assertTrue(manifest.contains("\"hfr\":5.2"), manifest);
        assertEquals(5, count(reject));
    }

    @Test
    void framesUnderAcceptAreNeverCulled() throws IOException {
        twoGroups();
        Path accepted = tree.light(BlinkTree.C8E, "M 31", NIGHT, "G", 0, 9.0, 10, 9.0);
        Path inAccept = data.resolve(BlinkTree.C8E).resolve("10_Blink/M 31/accept")
                .resolve(data.resolve(BlinkTree.C8E).resolve("10_Blink/M 31").relativize(accepted));
        Files.createDirectories(inAccept.getParent());
        Files.move(accepted, inAccept);
        run(p -> true, false, null);
        assertTrue(Files.exists(inAccept));
    }

    @Test
    void restoreReturnsEveryFrameByteForByteAndReportsConflicts() throws IOException {
        twoGroups();
        Map<String, String> before = TreeSnapshot.of(data);
        run(p -> true, false, null);
        assertEquals(10, count(data), "five rejected over both passes");
        CullOperation op = op(Clock.systemUTC());
        // a different file now sits where one rejected frame came from: it must survive the restore
        Map.Entry<String, String> victim = before.entrySet().stream()
                .filter(e -> !Files.exists(data.resolve(e.getKey()))).findFirst().orElseThrow();
        Files.writeString(data.resolve(victim.getKey()), "a newer frame with the same name");
        Plan plan = op.restorePlan(data, reject, null, null, null, CancellationToken.none());
        ExecutionResult r = op.execute(plan, reject, ProgressListener.NONE, CancellationToken.none());
        assertEquals(4, r.count(Outcome.DONE));
        assertEquals(1, r.count(Outcome.CONFLICT));
        assertEquals("a newer frame with the same name", Files.readString(data.resolve(victim.getKey())));
        Files.delete(data.resolve(victim.getKey()));
        r = op.execute(op.restorePlan(data, reject, null, null, null, CancellationToken.none()), reject,
                ProgressListener.NONE, CancellationToken.none());
        assertEquals(1, r.count(Outcome.DONE));
        Map<String, String> after = TreeSnapshot.of(data);
        after.keySet().removeIf(k -> k.endsWith(".jsonl"));
        assertEquals(before, after, "every frame back at its original path, byte for byte");
        assertEquals(0, count(reject));
    }

    @Test
    void restoreFiltersByRigTargetAndPass() throws IOException {
        twoGroups();
        tree.light(BlinkTree.SQA55, "NGC 7000", NIGHT, "H", 0, 9.9, 100, 0.5);
        for (int i = 1; i <= 4; i++) {
            tree.light(BlinkTree.SQA55, "NGC 7000", NIGHT, "H", i * 6, 2.5, 100, 0.5); // 1 of 5: below 30 %
        }
        run(p -> false, false, null);
        CullOperation op = op(Clock.systemUTC());
        List<RejectedFile> all = op.rejectedFiles(reject, CancellationToken.none());
        assertEquals(6, all.size(), "C8E: 2 by pass1, 3 by pass2; SQA55: 1");
        assertEquals(1, op.restorePlan(data, reject, BlinkTree.SQA55, null, null, CancellationToken.none()).operations().size());
        assertEquals(3, op.restorePlan(data, reject, "C8E@f10+ZWO ASI2600MM Pro", "M 31", "pass2",
                CancellationToken.none()).operations().size(), "f10 names the same rig as f10.0");
        assertEquals(0, op.restorePlan(data, reject, null, "M 42", null, CancellationToken.none()).operations().size());
    }

    @Test
    void aDryRunMovesNothingButJudgesLaterPassesAsIfEarlierOnesHadRun() throws IOException {
        twoGroups();
        Map<String, String> before = TreeSnapshot.of(data);
        CullOperation.Result r = run(p -> true, true, null);
        assertEquals(before, TreeSnapshot.of(data));
        assertFalse(Files.exists(reject), "nothing written to the reject folder either");
        long pass2Rejects = r.groups().stream().filter(g -> g.proposal().pass().name().equals("pass2"))
                .mapToLong(g -> g.proposal().rejects().size()).sum();
        assertEquals(0, pass2Rejects, "pass1 (answered yes) already took every frame pass2 would reject");
    }

    @Test
    void purgeDeletesOnlyRejectsOlderThanTheLimit() throws IOException {
        twoGroups();
        Instant t0 = Instant.parse("2025-01-02T12:00:00Z");
        op(Clock.fixed(t0, ZoneOffset.UTC)).run(new CullOperation.Request(data, reject, List.of(), "pass1", null, false),
                p -> true, ProgressListener.NONE, CancellationToken.none());
        CullOperation tenDaysLater = op(Clock.fixed(t0.plus(Duration.ofDays(10)), ZoneOffset.UTC));
        Plan young = tenDaysLater.purgePlan(reject, Duration.ofDays(30), null, CancellationToken.none());
        assertTrue(young.operations().isEmpty());
        assertEquals(5, young.leftBehind().size());
        CullOperation later = op(Clock.fixed(t0.plus(Duration.ofDays(31)), ZoneOffset.UTC));
        Plan old = later.purgePlan(reject, Duration.ofDays(30), null, CancellationToken.none());
        assertEquals(5, old.operations().size());
        Map<String, String> before = TreeSnapshot.of(reject);
        later.preview(old);
        assertEquals(before, TreeSnapshot.of(reject), "the purge preview deletes nothing");
        later.execute(old, reject, ProgressListener.NONE, CancellationToken.none());
        assertEquals(0, count(reject));
        assertEquals(10, count(data));
    }

    @Test
    void aCrashDuringARejectBatchIsRecoveredByTheJournal() throws Exception {
        for (int i = 0; i < 6; i++) {
            tree.light(BlinkTree.C8E, "M 31", NIGHT, "L", i * 5, i % 2 == 0 ? 5.0 : 3.0, 900, 0.8);
        }
        Map<String, String> original = TreeSnapshot.of(data);
        int points = child(0);
        assertTrue(points >= 6, "points: " + points);
        // restore the tree between kills by restoring from the reject tree after each check
        for (int k = 1; k <= points; k++) {
            assertEquals(99, child(k), "child not killed at point " + k);
            CullOperation.Result r = new CullOperation(config, new FileEngine(EngineSettings.of(state)), Clock.systemUTC())
                    .run(CullCrashChild.request(data, reject), p -> true, ProgressListener.NONE, CancellationToken.none());
            assertFalse(r.cancelled());
            Map<String, Integer> seen = new HashMap<>();
            TreeSnapshot.of(data).values().forEach(h -> seen.merge(h, 1, Integer::sum));
            Map<String, String> rejected = TreeSnapshot.of(reject);
            rejected.entrySet().removeIf(e -> e.getKey().endsWith(".jsonl"));
            rejected.values().forEach(h -> seen.merge(h, 1, Integer::sum));
            for (Map.Entry<String, String> e : original.entrySet()) {
                assertEquals(1, seen.getOrDefault(e.getValue(), 0), "kill point " + k + ": " + e.getKey());
            }
            assertEquals(3, rejected.size(), "kill point " + k + ": the three bad frames are rejected");
            try (Stream<Path> s = Files.walk(tmp)) {
                assertEquals(0, s.filter(p -> p.toString().endsWith(".tmp")).count());
            }
            CullOperation op = op(Clock.systemUTC());
            op.execute(op.restorePlan(data, reject, null, null, null, CancellationToken.none()), reject,
                    ProgressListener.NONE, CancellationToken.none());
            assertEquals(6, count(data));
        }
        System.out.println("cull crash test: killed at each of " + points + " points; every frame present exactly once");
    }

    private int child(int killAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CullCrashChild.class.getName(),
                state.toString(), data.toString(), reject.toString(), Integer.toString(killAt)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        if (killAt == 0) {
            assertEquals(0, p.exitValue(), out);
            int probes = Integer.parseInt(out.lines().filter(l -> l.startsWith("PROBES=")).findFirst().orElseThrow().substring(7));
            CullOperation op = op(Clock.systemUTC());
            op.execute(op.restorePlan(data, reject, null, null, null, CancellationToken.none()), reject,
                    ProgressListener.NONE, CancellationToken.none());
            return probes;
        }
        return p.exitValue();
    }
}
