package org.apdm.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apdm.core.inventory.WorkQueue;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExecutorTest {

    @TempDir
    Path tmp;

    /** A step that records what it did and can fail or cancel once. */
    static final class Fake implements RunStep {
        final String id;
        final Scope scope;
        final List<String> log;
        int files = 3;
        String failOn;
        CancellationToken cancelAfter;
        final AtomicInteger inEngine;
        final AtomicInteger maxInEngine;
        java.util.function.BiPredicate<String, WorkQueue> dueIf = (rig, q) -> true;

        Fake(String id, Scope scope, List<String> log, AtomicInteger inEngine, AtomicInteger maxInEngine) {
            this.id = id;
            this.scope = scope;
            this.log = log;
            this.inEngine = inEngine;
            this.maxInEngine = maxInEngine;
        }

        public String id() {
            return id;
        }

        public Scope scope() {
            return scope;
        }

        public boolean usesEngine() {
            return true;
        }

        @Override
        public boolean due(String rig, WorkQueue queue) {
            return dueIf.test(rig, queue);
        }

        public Preview preview(String rig, ProgressListener l, CancellationToken c) {
            return new Preview(files, "");
        }

        public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
            int n = inEngine.incrementAndGet();
            maxInEngine.accumulateAndGet(n, Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inEngine.decrementAndGet();
            if (rig != null && rig.equals(failOn)) {
                throw new IOException("disk full");
            }
            log.add(RunPlanner.key(rig, id));
            if (cancelAfter != null) {
                cancelAfter.cancel();
            }
            return Outcome.of(files, 0, false);
        }
    }

    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger in = new AtomicInteger();
    final AtomicInteger max = new AtomicInteger();

    List<RunStep> steps(Fake... extra) {
        List<RunStep> l = new ArrayList<>(List.of(new Fake("ingest", RunStep.Scope.ALL, log, in, max),
                new Fake("cull", RunStep.Scope.RIG, log, in, max), new Fake("promote", RunStep.Scope.RIG, log, in, max),
                new Fake("clean", RunStep.Scope.ALL, log, in, max)));
        l.addAll(List.of(extra));
        return l;
    }

    @Test
    void sharedStepsFirstThenEachRigInOrderThenTheLastSharedStepAndTheCheckpointIsCleared() throws IOException {
        RunCheckpoint cp = RunCheckpoint.load(tmp);
        RunExecutor.Result r = new RunExecutor(steps(), cp, 2).execute(() -> List.of("A", "B"), null,
                new RunExecutor.Listener() {
                    public void onProgress(org.apdm.core.task.Progress p) {
                    }
                }, CancellationToken.none());
        assertFalse(r.cancelled());
        assertEquals("ingest", log.get(0));
        assertEquals("clean", log.get(log.size() - 1));
        assertTrue(log.indexOf("A/cull") < log.indexOf("A/promote"));
        assertTrue(log.indexOf("B/cull") < log.indexOf("B/promote"));
        assertEquals(1, max.get(), "steps that move files take turns");
        assertFalse(Files.exists(tmp.resolve(RunCheckpoint.FILE)));
    }

    @Test
    void aCancelledRunKeepsItsCheckpointAndTheNextRunSkipsWhatFinished() throws IOException {
        CancellationToken cancel = new CancellationToken();
        List<RunStep> s = steps();
        ((Fake) s.get(0)).cancelAfter = cancel;
        RunExecutor.Result r = new RunExecutor(s, RunCheckpoint.load(tmp), 1).execute(() -> List.of("A"), null,
                p -> { }, cancel);
        assertTrue(r.cancelled());
        assertEquals(List.of("ingest"), log);
        assertEquals(Set.of("ingest"), RunCheckpoint.load(tmp).finished());

        log.clear();
        List<String> skipped = new ArrayList<>();
        new RunExecutor(steps(), RunCheckpoint.load(tmp), 1).execute(() -> List.of("A"), null, new RunExecutor.Listener() {
            public void onProgress(org.apdm.core.task.Progress p) {
            }

            public void stepSkipped(String rig, String step) {
                skipped.add(step);
            }
        }, CancellationToken.none());
        assertEquals(List.of("ingest"), skipped);
        assertEquals(List.of("A/cull", "A/promote", "clean"), log);
    }

    @Test
    void aFailingStepStopsItsRigOnlyAndTheOtherRigGoesOn() throws IOException {
        List<RunStep> s = steps();
        ((Fake) s.get(1)).failOn = "A";
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        RunExecutor.Result r = new RunExecutor(s, RunCheckpoint.load(tmp), 2).execute(() -> List.of("A", "B"), null,
                new RunExecutor.Listener() {
                    public void onProgress(org.apdm.core.task.Progress p) {
                    }

                    public void onMessage(String line) {
                        messages.add(line);
                    }
                }, CancellationToken.none());
        assertEquals(List.of("A/cull: disk full"), r.failures());
        assertTrue(log.contains("B/promote"));
        assertFalse(log.contains("A/promote"));
        assertFalse(log.contains("clean"), "the last shared step waits until every rig is through");
        assertTrue(messages.stream().anyMatch(m -> m.contains("A cull: disk full") && m.contains("apdm run")), messages.toString());
        assertTrue(Files.exists(tmp.resolve(RunCheckpoint.FILE)), "the checkpoint stays for the next run");
    }

    @Test
    void thePlanListsEveryRigsStepsWithCountsAndTheGatesOfTheQueue() throws IOException {
        WorkQueue q = new WorkQueue(List.of(new WorkQueue.Night("A", "10_Blink", "M 81", "2025-03-01", 40, "")),
                List.of(new WorkQueue.Night("B", "10_Blink", "M 42", "2025-03-02", 12, "master dark 300.00 s")),
                List.of(), List.of(), false, List.of(), List.of());
        RunPlan plan = new RunExecutor(steps(), RunCheckpoint.load(tmp), 2).plan(List.of("A", "B"), q,
                ProgressListener.NONE, CancellationToken.none());
        assertEquals(List.of("ingest", "clean"), plan.shared().stream().map(RunPlan.PlannedStep::step).toList());
        assertEquals(3, plan.rigs().get("A").get(0).files());
        Gate blink = plan.gates().get("A").get(0);
        assertEquals("blink: rig A, target M 81, night 2025-03-01, 40 frame(s); blink the frames and move the keepers "
                + "into accept/ (window: Cull page; then `apdm run` again)", blink.describe());
        Gate masters = plan.gates().get("B").get(0);
        assertTrue(masters.describe().startsWith("masters: rig B, target M 42, night 2025-03-02, 12 frame(s) — master "
                + "dark 300.00 s; make the masters"), masters.describe());
        assertTrue(masters.resolvedBy().contains("calibration integrate"));
        assertEquals("1 night(s) wait for masters",
                plan.rigs().get("B").stream().filter(p -> p.step().equals("promote")).findFirst().orElseThrow().waitsFor());
        assertFalse(plan.nothingToDo());
    }

    private static WorkQueue blinkWaitsIn(String rig) {
        return new WorkQueue(List.of(new WorkQueue.Night(rig, "10_Blink", "M 81", "2025-03-01", 40, "")), List.of(),
                List.of(), List.of(), false, List.of(), List.of());
    }

    /** cull is due where blink waits, promote where a night is ready: as the real steps decide from the queue. */
    private List<RunStep> queueAwareSteps(int cullFiles) {
        List<RunStep> s = steps();
        ((Fake) s.get(0)).files = 0;
        ((Fake) s.get(3)).files = 0;
        ((Fake) s.get(1)).files = cullFiles;
        ((Fake) s.get(1)).dueIf = (rig, q) -> q.waitingForBlink().stream().anyMatch(n -> n.rig().equals(rig));
        ((Fake) s.get(2)).dueIf = (rig, q) -> q.readyToPromote().stream().anyMatch(n -> n.rig().equals(rig));
        return s;
    }

    @Test
    void aRigTheQueueShowsNothingForIsNotScannedAndTheQueueIsReadOnceWhenNothingChanged() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        List<String> notDue = Collections.synchronizedList(new ArrayList<>());
        RunExecutor.Result r = new RunExecutor(queueAwareSteps(0), RunCheckpoint.load(tmp), 2).execute(
                () -> List.of("A", "B"), (rigs, l, c) -> {
                    reads.incrementAndGet();
                    return blinkWaitsIn("B");
                }, new RunExecutor.Listener() {
                    public void onProgress(org.apdm.core.task.Progress p) {
                    }

                    public void stepNotDue(String rig, String step) {
                        notDue.add(RunPlanner.key(rig, step));
                    }
                }, CancellationToken.none());
        assertEquals(List.of("ingest", "B/cull", "clean"), log);
        assertEquals(Set.of("A/cull", "A/promote", "B/promote"), Set.copyOf(notDue));
        assertEquals(1, reads.get(), "nothing changed, so the queue read before the rigs gives the gates too");
        assertEquals(List.of("blink"), r.gates().stream().map(Gate::kind).toList());
    }

    @Test
    void afterAStepOfARigChangedSomethingItsLaterStepsRunAndTheQueueIsReadAgainForTheGates() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        RunExecutor.Result r = new RunExecutor(queueAwareSteps(3), RunCheckpoint.load(tmp), 1).execute(
                () -> List.of("A", "B"), (rigs, l, c) -> reads.incrementAndGet() == 1 ? blinkWaitsIn("B")
                        : new WorkQueue(List.of(), List.of(), List.of(), List.of(), false, List.of(), List.of()),
                p -> { }, CancellationToken.none());
        assertEquals(List.of("ingest", "B/cull", "B/promote", "clean"), log,
                "the queue predates B's cull, so B's promote is not skipped on its word");
        assertEquals(2, reads.get());
        assertTrue(r.gates().isEmpty(), "the gates come from the queue read after the run: " + r.gates());
    }

    @Test
    void theDryRunCountsNothingForAStepTheQueueShowsNothingFor() throws IOException {
        RunPlan plan = new RunExecutor(queueAwareSteps(3), RunCheckpoint.load(tmp), 2).plan(List.of("A", "B"),
                blinkWaitsIn("B"), ProgressListener.NONE, CancellationToken.none());
        assertEquals(0, plan.rigs().get("A").get(0).files());
        assertEquals(3, plan.rigs().get("B").get(0).files());
        assertEquals(0, plan.rigs().get("B").get(1).files());
    }

    @Test
    void aCheckpointSurvivesReloadingAndIsNeverHalfWritten() throws IOException {
        RunCheckpoint cp = RunCheckpoint.load(tmp);
        cp.markFinished("ingest");
        cp.markFinished("A/cull");
        assertEquals(Set.of("ingest", "A/cull"), RunCheckpoint.load(tmp).finished());
        assertFalse(Files.exists(tmp.resolve(RunCheckpoint.FILE + ".tmp")));
        cp.clear();
        assertTrue(RunCheckpoint.load(tmp).finished().isEmpty());
    }

    @Test
    void theWatchWaitsUntilNoTmpFileAndNothingChangedForTheSettleTime() throws IOException {
        Path raw = Files.createDirectories(tmp.resolve("RAW"));
        Files.writeString(raw.resolve("a.fits.tmp"), "x");
        AtomicLong clock = new AtomicLong();
        AtomicInteger polls = new AtomicInteger();
        FolderSettler settler = new FolderSettler(Duration.ofSeconds(10), Duration.ofSeconds(1), d -> {
            clock.addAndGet(d.toNanos());
            int n = polls.incrementAndGet();
            try {
                if (n == 3) { // N.I.N.A. finishes the file
                    Files.move(raw.resolve("a.fits.tmp"), raw.resolve("a.fits"));
                }
                if (n == 8) { // and starts another one
                    Files.writeString(raw.resolve("b.fits"), "yy");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, clock::get);
        assertTrue(settler.awaitSettled(raw, () -> false, CancellationToken.none()));
        assertTrue(clock.get() >= Duration.ofSeconds(18).toNanos(), "settled only 10 s after the last change: "
                + Duration.ofNanos(clock.get()));
        FolderSettler never = new FolderSettler(Duration.ofSeconds(10), Duration.ofSeconds(1), d -> clock.addAndGet(
                d.toNanos()), clock::get);
        Files.writeString(raw.resolve("c.tmp"), "");
        long start = clock.get();
        assertFalse(never.awaitSettled(raw, () -> clock.get() - start > Duration.ofSeconds(30).toNanos(),
                CancellationToken.none()), "a .tmp file never settles; the stop condition ends the wait");
    }

    @Test
    void theWatchWakesForANewFileOnACardButNotForWhatTheLastRunLeft() throws IOException {
        Path raw = Files.createDirectories(tmp.resolve("RAW"));
        Path card = Files.createDirectories(tmp.resolve("card/MyWorks/M 81"));
        Files.writeString(card.resolve("Stacked_37_M 81_10.0s_IRCUT_20250607-221810.fit"), "stack");
        Path subs = Files.createDirectories(tmp.resolve("card/MyWorks/M 81_sub"));
        List<Path> folders = List.of(raw, tmp.resolve("card"));
        java.util.Map<String, String> afterRun = FolderSettler.snapshot(folders);
        AtomicLong clock = new AtomicLong();
        AtomicInteger polls = new AtomicInteger();
        FolderSettler settler = new FolderSettler(Duration.ofSeconds(10), Duration.ofSeconds(1), d -> {
            clock.addAndGet(d.toNanos());
            if (polls.incrementAndGet() == 30) { // the Seestar saves a new sub
                try {
                    Files.writeString(subs.resolve("Light_M 81_10.0s_IRCUT_20250607-223000.fit"), "sub");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, clock::get);
        assertTrue(settler.awaitSettled(folders, afterRun, () -> clock.get() > Duration.ofSeconds(120).toNanos(),
                CancellationToken.none()));
        assertTrue(clock.get() >= Duration.ofSeconds(40).toNanos(), "the stack alone did not start a run; the new "
                + "sub did, once settled: " + Duration.ofNanos(clock.get()));
    }
}
