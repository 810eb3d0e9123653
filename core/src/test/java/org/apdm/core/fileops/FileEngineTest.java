package org.apdm.core.fileops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.Progress;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEngineTest {

    @TempDir
    Path tmp;
    Path src;
    Path dst;
    Path state;

    @BeforeEach
    void setUp() throws IOException {
        src = Files.createDirectories(tmp.resolve("RAW"));
        dst = Files.createDirectories(tmp.resolve("Data"));
        state = tmp.resolve("state");
    }

    private FileEngine engine() {
        return new FileEngine(EngineSettings.of(state).withRetryDelay(Duration.ofMillis(10)).withIntentsPerFlush(3));
    }

    private Plan plan(List<FileOperation> ops) {
        return new Plan("test", ops, List.of(), List.of(dst, src), List.of(src));
    }

    private ExecutionResult run(FileEngine e, List<FileOperation> ops) throws IOException {
        return e.execute(plan(ops), ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void movesFilesAndRemovesEmptySourceFolders() throws IOException {
        List<FileOperation> ops = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Path f = TreeSnapshot.write(src.resolve("night/LIGHT/f" + i + ".fits"), "frame " + i);
            ops.add(new FileOperation.Move(f, dst.resolve("rig/10_Blink/M31/f" + i + ".fits"), "LIGHT"));
        }
        Map<String, String> before = TreeSnapshot.of(src);
        ExecutionResult r = run(engine(), ops);
        assertEquals(10, r.count(Outcome.DONE));
        for (int i = 0; i < 10; i++) {
            assertEquals(before.get("night/LIGHT/f" + i + ".fits"),
                    TreeSnapshot.sha256(dst.resolve("rig/10_Blink/M31/f" + i + ".fits")));
        }
        assertFalse(Files.exists(src.resolve("night")), "empty RAW folders are removed");
        assertTrue(Files.isDirectory(src), "the RAW root itself stays");
        assertFalse(engine().hasUnfinishedRuns(), "a finished run leaves no journal");
    }

    @Test
    void neverOverwritesADifferentFile() throws IOException {
        Path f = TreeSnapshot.write(src.resolve("a.fits"), "new frame");
        Path existing = TreeSnapshot.write(dst.resolve("a.fits"), "precious older frame");
        ExecutionResult r = run(engine(), List.of(new FileOperation.Move(f, existing, "LIGHT")));
        assertEquals(Outcome.CONFLICT, r.outcomes().get(0).outcome());
        assertTrue(r.outcomes().get(0).detail().contains("different file"));
        assertEquals("precious older frame", Files.readString(existing));
        assertEquals("new frame", Files.readString(f));
    }

    @Test
    void identicalDestinationMakesTheSourceADuplicateThatIsKeptByDefault() throws IOException {
        Path f = TreeSnapshot.write(src.resolve("a.fits"), "same bytes");
        Path existing = TreeSnapshot.write(dst.resolve("a.fits"), "same bytes");
        ExecutionResult r = run(engine(), List.of(new FileOperation.Move(f, existing, "LIGHT")));
        assertEquals(Outcome.DUPLICATE_KEPT, r.outcomes().get(0).outcome());
        assertTrue(Files.exists(f));
    }

    @Test
    void duplicateSourceIsRemovedWhenConfigured() throws IOException {
        Path f = TreeSnapshot.write(src.resolve("a.fits"), "same bytes");
        Path existing = TreeSnapshot.write(dst.resolve("a.fits"), "same bytes");
        FileEngine e = new FileEngine(EngineSettings.of(state).withRemoveDuplicates(true));
        ExecutionResult r = run(e, List.of(new FileOperation.Move(f, existing, "LIGHT")));
        assertEquals(Outcome.DUPLICATE_REMOVED, r.outcomes().get(0).outcome());
        assertFalse(Files.exists(f));
        assertEquals("same bytes", Files.readString(existing));
    }

    @Test
    void aPlanThatDoesNotFitOnTheDestinationDriveStopsBeforeAnythingMoves() throws IOException {
        Path small = TreeSnapshot.write(src.resolve("a.fits"), "A");
        Path huge = src.resolve("huge.fits");
        long free = Files.getFileStore(src).getUsableSpace();
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(free + (1L << 30)); // sparse: takes no room itself
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system has no sparse files: " + e.getMessage());
        }
        FileEngine e = engine();
        IOException full = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> run(e, List.of(
                new FileOperation.Copy(small, dst.resolve("a.fits"), "small first"),
                new FileOperation.Copy(huge, dst.resolve("huge.fits"), "too big"))));
        assertTrue(full.getMessage().startsWith("not enough free space on drive ") && full.getMessage().contains(
                "nothing was moved"), full.getMessage());
        assertTrue(full.getMessage().contains(tmp.toString()), "names the folder: " + full.getMessage());
        assertFalse(Files.exists(dst.resolve("a.fits")), "not even the file that would have fitted");
        assertTrue(Files.exists(small) && Files.exists(huge));
        assertFalse(e.hasUnfinishedRuns());
        ExecutionResult moved = run(e, List.of(new FileOperation.Move(huge, dst.resolve("huge.fits"), "same drive")));
        assertEquals(Outcome.DONE, moved.outcomes().get(0).outcome(), "a move on one drive needs no room");
    }

    @Test
    void theProgressCountsFilesNotTheFoldersMadeForThem() throws IOException {
        List<FileOperation> ops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ops.add(new FileOperation.MakeDirectory(dst.resolve("night" + i + "/accept"), "accept/"));
            Path f = TreeSnapshot.write(src.resolve("f" + i + ".fits"), "frame " + i);
            ops.add(new FileOperation.Move(f, dst.resolve("night" + i + "/f" + i + ".fits"), "LIGHT"));
        }
        List<Progress> seen = new ArrayList<>();
        engine().execute(plan(ops), seen::add, CancellationToken.none());
        Progress last = seen.get(seen.size() - 1);
        assertEquals(3, last.total(), "the summary says 3 moved; the bar must not say 6");
        assertEquals(3, last.done());
        assertTrue(seen.stream().allMatch(p -> p.done() <= p.total()), seen.toString());
    }

    @Test
    void twoSourcesForOneDestinationMoveOnceAndReportTheOther() throws IOException {
        Path a = TreeSnapshot.write(src.resolve("x/a.fits"), "A");
        Path b = TreeSnapshot.write(src.resolve("y/a.fits"), "B");
        Path target = dst.resolve("a.fits");
        ExecutionResult r = run(engine(), List.of(new FileOperation.Move(a, target, "1"),
                new FileOperation.Move(b, target, "2")));
        assertEquals(Outcome.DONE, r.outcomes().get(0).outcome());
        assertEquals(Outcome.CONFLICT, r.outcomes().get(1).outcome());
        assertEquals("A", Files.readString(target));
        assertEquals("B", Files.readString(b));
    }

    @Test
    void previewPredictsWithoutChangingAnything() throws IOException {
        Path a = TreeSnapshot.write(src.resolve("a.fits"), "A");
        Path b = TreeSnapshot.write(src.resolve("b.fits"), "B");
        Path c = TreeSnapshot.write(src.resolve("c.fits"), "C");
        TreeSnapshot.write(dst.resolve("b.fits"), "B");
        TreeSnapshot.write(dst.resolve("c.fits"), "not C");
        Map<String, String> before = TreeSnapshot.of(tmp);
        List<OperationOutcome> p = engine().preview(plan(List.of(new FileOperation.Move(a, dst.resolve("a.fits"), ""),
                new FileOperation.Move(b, dst.resolve("b.fits"), ""), new FileOperation.Move(c, dst.resolve("c.fits"), ""))));
        assertEquals(List.of(Outcome.DONE, Outcome.DUPLICATE_KEPT, Outcome.CONFLICT),
                p.stream().map(OperationOutcome::outcome).toList());
        assertEquals(before, TreeSnapshot.of(tmp));
    }

    @Test
    void cancellationStopsBetweenFilesAndLeavesNothingHalfDone() throws IOException {
        List<FileOperation> ops = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Path f = TreeSnapshot.write(src.resolve("f" + i + ".fits"), "frame " + i);
            ops.add(new FileOperation.Move(f, dst.resolve("f" + i + ".fits"), ""));
        }
        CancellationToken cancel = new CancellationToken();
        AtomicInteger steps = new AtomicInteger();
        FileEngine e = new FileEngine(EngineSettings.of(state).withIntentsPerFlush(8).withProbe(point -> {
            if (point.equals("source-deleted") && steps.incrementAndGet() == 5) {
                cancel.cancel();
            }
        }));
        ExecutionResult r = e.execute(plan(ops), ProgressListener.NONE, cancel);
        assertTrue(r.cancelled());
        assertEquals(5, r.count(Outcome.DONE));
        assertEquals(15, r.count(Outcome.NOT_RUN));
        for (int i = 0; i < 20; i++) {
            boolean inSrc = Files.exists(src.resolve("f" + i + ".fits"));
            boolean inDst = Files.exists(dst.resolve("f" + i + ".fits"));
            assertTrue(inSrc ^ inDst, "file " + i + " is in exactly one place");
        }
        assertFalse(e.hasUnfinishedRuns());
    }

    @Test
    void aTransientFailureIsRetriedOnceAndTheBatchGoesOn() throws IOException {
        Path a = TreeSnapshot.write(src.resolve("a.fits"), "A");
        Path b = TreeSnapshot.write(src.resolve("b.fits"), "B");
        Path c = TreeSnapshot.write(src.resolve("c.fits"), "C");
        AtomicInteger calls = new AtomicInteger();
        List<String> log = new ArrayList<>();
        FileEngine e = new FileEngine(EngineSettings.of(state).withRetryDelay(Duration.ofMillis(10)).withProbe(point -> {
            if (point.equals("step-start")) {
                int n = calls.incrementAndGet();
                // step 1: fails once (a sync client holding a lock); step 2 fails every time
                if (n == 1 || n == 3 || n == 4) {
                    throw new UncheckedIOException(new java.nio.file.AccessDeniedException("locked by Dropbox"));
                }
            }
        }));
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(Progress p) {
            }

            @Override
            public void onMessage(String line) {
                log.add(line);
            }
        };
        ExecutionResult r = e.execute(plan(List.of(new FileOperation.Move(a, dst.resolve("a.fits"), ""),
                new FileOperation.Move(b, dst.resolve("b.fits"), ""),
                new FileOperation.Move(c, dst.resolve("c.fits"), ""))), listener, CancellationToken.none());
        assertEquals(List.of(Outcome.DONE, Outcome.FAILED, Outcome.DONE),
                r.outcomes().stream().map(OperationOutcome::outcome).toList());
        assertTrue(r.outcomes().get(1).detail().contains("locked by Dropbox"), r.outcomes().get(1).detail());
        assertEquals("B", Files.readString(b), "a failed file stays where it was");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("retrying")));
    }

    @Test
    void aDriveThatFillsDuringTheRunStopsItWithOneLineNamingFolderAndDriveAndNothingIsLost() throws IOException {
        List<Path> sources = new ArrayList<>();
        List<FileOperation> ops = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Path f = TreeSnapshot.write(src.resolve("f" + i + ".fits"), "frame " + i);
            sources.add(f);
            ops.add(new FileOperation.Move(f, dst.resolve("night/f" + i + ".fits"), ""));
        }
        AtomicInteger calls = new AtomicInteger();
        FileEngine full = new FileEngine(EngineSettings.of(state).withRetryDelay(Duration.ofMillis(1)).withProbe(point -> {
            if (point.equals("step-start") && calls.incrementAndGet() > 3) { // the drive is full after 3 files
                throw new UncheckedIOException(new java.nio.file.FileSystemException(
                        dst.resolve("night/x.tmp").toString(), null, "No space left on device"));
            }
        }));
        DestinationUnavailableException stop = assertThrows(DestinationUnavailableException.class,
                () -> full.execute(plan(ops), ProgressListener.NONE, CancellationToken.none()));

        assertTrue(stop.getMessage().startsWith("stopped: 5 files in a row failed writing to " + dst.resolve("night")),
                stop.getMessage());
        assertTrue(stop.getMessage().contains("No space left on device"), stop.getMessage());
        assertTrue(stop.getMessage().contains("3 file(s) were handled before"), stop.getMessage());
        assertEquals(3 + 5 * 2, calls.get(), "five files tried (each retried once), the other twelve not at all");
        for (int i = 0; i < 20; i++) {
            Path moved = dst.resolve("night/f" + i + ".fits");
            assertTrue(Files.exists(sources.get(i)) != Files.exists(moved), "every frame is in exactly one place: " + i);
        }
        assertNoTempFiles(tmp);

        ExecutionResult again = run(engine(), ops.subList(3, 20));
        assertTrue(again.outcomes().stream().allMatch(o -> o.outcome() == Outcome.DONE), "the next run finishes");
        for (int i = 0; i < 20; i++) {
            assertEquals("frame " + i, Files.readString(dst.resolve("night/f" + i + ".fits")));
        }
    }

    @Test
    void twoConfigurationsOnOneArchiveTakeTurnsThroughTheLockInsideTheRoot() throws Exception {
        Path a = TreeSnapshot.write(src.resolve("a.fits"), "A");
        Path b = TreeSnapshot.write(src.resolve("b.fits"), "B");
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // two state folders: the window with one configuration, a terminal (or another PC) with another
        FileEngine first = new FileEngine(EngineSettings.of(tmp.resolve("state-1")).withArchiveRoots(List.of(src, dst))
                .withProbe(point -> {
                    if (point.equals("step-start")) {
                        inside.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
        FileEngine second = new FileEngine(EngineSettings.of(tmp.resolve("state-2")).withArchiveRoots(List.of(src, dst)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var running = pool.submit(() -> run(first, List.of(new FileOperation.Move(a, dst.resolve("a.fits"), ""))));
            assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));

            EngineBusyException busy = assertThrows(EngineBusyException.class,
                    () -> run(second, List.of(new FileOperation.Move(b, dst.resolve("b.fits"), ""))));
            assertTrue(busy.getMessage().contains("is changing " + src.toAbsolutePath().normalize()), busy.getMessage());
            assertEquals("B", Files.readString(b), "the second run touched nothing");

            release.countDown();
            assertEquals(Outcome.DONE, running.get().outcomes().get(0).outcome());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertEquals(Outcome.DONE,
                run(second, List.of(new FileOperation.Move(b, dst.resolve("b.fits"), ""))).outcomes().get(0).outcome(),
                "once the first run is done, the second goes ahead");
        assertTrue(Files.exists(dst.resolve(".apdm.lock")));
        assertFalse(org.apdm.core.scan.FileWalker.files(dst, d -> true, CancellationToken.none()).stream()
                .anyMatch(f -> f.getFileName().toString().equals(".apdm.lock")), "no scanner sees the lock as a frame");
    }

    @Test
    void aFailureAfterTheLinkIsFinishedNotDuplicated() throws IOException {
        Path a = TreeSnapshot.write(src.resolve("a.fits"), "A");
        AtomicInteger calls = new AtomicInteger();
        FileEngine e = new FileEngine(EngineSettings.of(state).withRetryDelay(Duration.ofMillis(10)).withProbe(point -> {
            if (point.equals("linked") && calls.incrementAndGet() == 1) {
                throw new UncheckedIOException(new IOException("device busy"));
            }
        }));
        ExecutionResult r = run(e, List.of(new FileOperation.Move(a, dst.resolve("a.fits"), "")));
        assertEquals(Outcome.DONE, r.outcomes().get(0).outcome());
        assertFalse(Files.exists(a));
        assertEquals("A", Files.readString(dst.resolve("a.fits")));
    }

    @Test
    void copyVerifiesAndNeverReplaces() throws IOException {
        Path master = TreeSnapshot.write(src.resolve("masterDark.xisf"), "master dark bytes");
        Path night = dst.resolve("M31/accept/DATE_2025-03-01/masterDark.xisf");
        ExecutionResult r = run(engine(), List.of(new FileOperation.Copy(master, night, "dark")));
        assertEquals(Outcome.DONE, r.outcomes().get(0).outcome());
        assertEquals("master dark bytes", Files.readString(night));
        assertTrue(Files.exists(master));
        ExecutionResult again = run(engine(), List.of(new FileOperation.Copy(master, night, "dark")));
        assertEquals(Outcome.ALREADY_DONE, again.outcomes().get(0).outcome(), "an identical copy is already there");
        assertNoTempFiles(tmp);
    }

    @Test
    void copiesRunTogetherYetEachOutcomeIsThatOfItsOwnStepAndChainsKeepTheirOrder() throws IOException {
        List<FileOperation> ops = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path m = TreeSnapshot.write(src.resolve("masterDark_" + i + ".xisf"), "dark " + i);
            ops.add(new FileOperation.Copy(m, dst.resolve("night" + (i % 8) + "/masterDark_" + i + ".xisf"), "dark"));
        }
        TreeSnapshot.write(dst.resolve("night3/masterDark_11.xisf"), "someone else's dark");
        // a copy of a copy: it must read the finished first one, so the engine keeps these two in order
        Path first = dst.resolve("night0/masterDark_0.xisf");
        ops.add(new FileOperation.Copy(first, dst.resolve("night9/masterDark_0.xisf"), "dark"));
        FileEngine e = new FileEngine(EngineSettings.of(state).withIntentsPerFlush(64).withCopyThreads(4));

        ExecutionResult r = e.execute(plan(ops), ProgressListener.NONE, CancellationToken.none());

        for (int i = 0; i < 40; i++) {
            OperationOutcome o = r.outcomes().get(i);
            assertEquals(i, o.index());
            if (i == 11) {
                assertEquals(Outcome.CONFLICT, o.outcome(), "the different file under the same name is reported");
                assertEquals("someone else's dark", Files.readString(o.operation().destination()), "never overwritten");
            } else {
                assertEquals(Outcome.DONE, o.outcome(), o.toString());
                assertEquals("dark " + i, Files.readString(o.operation().destination()));
            }
        }
        assertEquals(Outcome.DONE, r.outcomes().get(40).outcome());
        assertEquals("dark 0", Files.readString(dst.resolve("night9/masterDark_0.xisf")));
        assertNoTempFiles(tmp);
        assertFalse(e.hasUnfinishedRuns());
    }

    @Test
    void parallelCopiesIntoOneNewFolderNeedNoRetry() throws IOException {
        List<FileOperation> ops = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Path m = TreeSnapshot.write(src.resolve("masterDark_" + i + ".xisf"), "dark " + i);
            // eight copies at a time, each eight into a folder that does not exist yet
            ops.add(new FileOperation.Copy(m, dst.resolve("new/night" + (i / 8) + "/masterDark_" + i + ".xisf"), "dark"));
        }
        List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {
            }

            @Override
            public void onMessage(String line) {
                messages.add(line);
            }
        };
        FileEngine e = new FileEngine(EngineSettings.of(state).withIntentsPerFlush(64).withCopyThreads(8));

        ExecutionResult r = e.execute(plan(ops), listener, CancellationToken.none());

        assertEquals(64, r.count(Outcome.DONE));
        assertEquals(List.of(), messages, "the folder is made once, before any copy writes into it");
    }

    @Test
    void cancelDuringParallelCopiesLeavesWholeCopiesOrNone() throws IOException {
        List<FileOperation> ops = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Path m = TreeSnapshot.write(src.resolve("masterFlat_" + i + ".xisf"), "flat " + i);
            ops.add(new FileOperation.Copy(m, dst.resolve("nights/masterFlat_" + i + ".xisf"), "flat"));
        }
        CancellationToken cancel = new CancellationToken();
        AtomicInteger published = new AtomicInteger();
        FileEngine e = new FileEngine(EngineSettings.of(state).withIntentsPerFlush(16).withCopyThreads(4).withProbe(point -> {
            if (point.equals("published") && published.incrementAndGet() == 10) {
                cancel.cancel();
            }
        }));

        ExecutionResult r = e.execute(plan(ops), ProgressListener.NONE, cancel);

        assertTrue(r.cancelled());
        long done = r.count(Outcome.DONE);
        assertTrue(done >= 10 && done < 60, "stopped at the next safe point: " + done);
        assertEquals(60, done + r.count(Outcome.NOT_RUN));
        for (OperationOutcome o : r.outcomes()) {
            Path d = o.operation().destination();
            if (o.outcome() == Outcome.DONE) {
                assertEquals(Files.readString(o.operation().source()), Files.readString(d));
            } else {
                assertFalse(Files.exists(d), "a copy not run leaves nothing: " + d);
            }
        }
        assertNoTempFiles(tmp);
        assertFalse(e.hasUnfinishedRuns());
    }

    @Test
    void refusesToWriteOutsideItsRootsOrThroughALink() throws IOException {
        Path a = TreeSnapshot.write(src.resolve("a.fits"), "A");
        Path outside = tmp.resolve("elsewhere/a.fits");
        ExecutionResult r = run(engine(), List.of(new FileOperation.Move(a, outside, "")));
        assertEquals(Outcome.FAILED, r.outcomes().get(0).outcome());
        assertTrue(r.outcomes().get(0).detail().contains("outside"), r.outcomes().get(0).detail());
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.createSymbolicLink(dst.resolve("link"), victim);
        ExecutionResult r2 = run(engine(), List.of(new FileOperation.Move(a, dst.resolve("link/a.fits"), "")));
        assertEquals(Outcome.FAILED, r2.outcomes().get(0).outcome());
        assertTrue(r2.outcomes().get(0).detail().contains("link"), r2.outcomes().get(0).detail());
        assertTrue(Files.exists(a));
        try (Stream<Path> s = Files.list(victim)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void foldersHoldingKeepSurviveThePrune() throws IOException {
        Path a = TreeSnapshot.write(src.resolve("kept/a.fits"), "A");
        TreeSnapshot.write(src.resolve("kept/.keep"), "");
        Path b = TreeSnapshot.write(src.resolve("gone/deeper/b.fits"), "B");
        run(engine(), List.of(new FileOperation.Move(a, dst.resolve("a.fits"), ""),
                new FileOperation.Move(b, dst.resolve("b.fits"), "")));
        assertTrue(Files.isDirectory(src.resolve("kept")));
        assertFalse(Files.exists(src.resolve("gone")));
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        Path a = TreeSnapshot.write(src.resolve("a.fits"), "A");
        FileEngine first = engine();
        FileEngine second = engine();
        AtomicInteger refused = new AtomicInteger();
        FileEngine probing = new FileEngine(EngineSettings.of(state).withProbe(point -> {
            if (point.equals("step-start")) {
                assertThrows(EngineBusyException.class, second::recover);
                refused.incrementAndGet();
            }
        }));
        run(probing, List.of(new FileOperation.Move(a, dst.resolve("a.fits"), "")));
        assertEquals(1, refused.get());
        first.recover(); // free again afterwards
    }

    @Test
    void movesAcrossVolumesCopyVerifyThenDelete() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a second volume (/dev/shm)");
        Path other = Files.createTempDirectory(shm, "apdm-test-");
        try {
            FileStore a = Files.getFileStore(src);
            FileStore b = Files.getFileStore(other);
            assumeTrue(!a.equals(b), "/dev/shm is on the same volume as the temp folder");
            List<FileOperation> ops = new ArrayList<>();
            byte[] big = new byte[3 * 1024 * 1024 + 17];
            new java.util.Random(1).nextBytes(big);
            for (int i = 0; i < 3; i++) {
                Path f = src.resolve("f" + i + ".fits");
                big[0] = (byte) i;
                Files.write(f, big);
                ops.add(new FileOperation.Move(f, other.resolve("rig/f" + i + ".fits"), ""));
            }
            Map<String, String> before = TreeSnapshot.of(src);
            FileEngine e = new FileEngine(EngineSettings.of(state));
            ExecutionResult r = e.execute(new Plan("x", ops, List.of(), List.of(other), List.of()),
                    ProgressListener.NONE, CancellationToken.none());
            assertEquals(3, r.count(Outcome.DONE));
            for (int i = 0; i < 3; i++) {
                assertFalse(Files.exists(src.resolve("f" + i + ".fits")));
                assertEquals(before.get("f" + i + ".fits"), TreeSnapshot.sha256(other.resolve("rig/f" + i + ".fits")));
            }
            assertNoTempFiles(other);
        } finally {
            try (Stream<Path> s = Files.walk(other)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void assertNoTempFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(temps.isEmpty(), "temporary files left: " + temps);
        }
    }
}
