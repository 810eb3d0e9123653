package org.apdm.core.fileops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.task.ThrottledProgress;

/**
 * The only code in apdm that moves, copies or deletes a user's file.
 *
 * <p>A {@link Plan} runs as: take the lock; recover any unfinished journal; then, chunk by chunk,
 * force the steps' intents to the journal and carry the steps out. Guarantees:
 * <ul>
 *   <li>an existing file is never replaced: same volume, a move is a hard link then removal of the
 *       old name (or an atomic rename where links are not supported, after a no-clobber check);
 *       across volumes, a copy to a temporary name in the destination folder, forced to disk, re-read
 *       and compared by SHA-256, published without replacing, and only then the source removed;</li>
 *   <li>identical content already at the destination makes the source a duplicate (kept unless the
 *       configuration says to remove it); different content is a conflict and nothing moves;</li>
 *   <li>a failed step is retried once after a short wait, then reported; the batch goes on;</li>
 *   <li>after a crash at any point, {@link JournalRecovery} completes or rolls back every step;</li>
 *   <li>cancellation is honoured between steps only.</li>
 * </ul>
 */
public final class FileEngine {

    private final EngineSettings settings;

    public FileEngine(EngineSettings settings) {
        this.settings = settings;
    }

    public EngineSettings settings() {
        return settings;
    }

    public Path journalDirectory() {
        return settings.stateDir().resolve("journal");
    }

    /** Finishes or rolls back unfinished runs; call before anything else touches files. */
    public RecoveryReport recover() throws IOException {
        try (EngineLock lock = EngineLock.acquire(settings.stateDir())) {
            return JournalRecovery.recoverAll(journalDirectory());
        }
    }

    /** A run that was interrupted: its journal, what it was, when it began, and the steps it had not finished. */
    public record UnfinishedRun(Path journal, String title, String began, int unfinishedSteps) {
    }

    /** The interrupted runs {@link #recover} would finish or roll back; reads the journals, changes nothing. */
    public List<UnfinishedRun> unfinishedRuns() throws IOException {
        List<UnfinishedRun> out = new ArrayList<>();
        for (Path j : journals()) {
            String title = "";
            String began = "";
            java.util.Set<Integer> open = new java.util.HashSet<>();
            for (Journal.Entry e : Journal.read(j)) {
                switch (e.r()) {
                    case "begin" -> {
                        title = e.title();
                        began = e.at();
                    }
                    case "intent" -> open.add(e.op());
                    case "done" -> open.remove(e.op());
                    default -> { }
                }
            }
            out.add(new UnfinishedRun(j, title, began, open.size()));
        }
        return out;
    }

    /** True when an interrupted run left a journal behind. */
    public boolean hasUnfinishedRuns() throws IOException {
        return !journals().isEmpty();
    }

    /** The journals interrupted runs left, oldest name first. */
    private List<Path> journals() throws IOException {
        Path dir = journalDirectory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(Journal.SUFFIX)).sorted().toList();
        }
    }

    /**
     * What {@link #execute} would do, without changing anything: reads destinations that already exist
     * to tell duplicates from conflicts.
     */
    public List<OperationOutcome> preview(Plan plan) {
        List<OperationOutcome> out = new ArrayList<>(plan.operations().size());
        Map<Path, Path> claimed = new HashMap<>();
        List<FileOperation> ops = plan.operations();
        for (int i = 0; i < ops.size(); i++) {
            FileOperation op = ops.get(i);
            try {
                out.add(new OperationOutcome(i, op, predict(op, claimed), ""));
            } catch (IOException e) {
                out.add(new OperationOutcome(i, op, Outcome.FAILED, e.getMessage()));
            }
        }
        return out;
    }

    private Outcome predict(FileOperation op, Map<Path, Path> claimed) throws IOException {
        if (op instanceof FileOperation.MakeDirectory d) {
            // an accept/ that exists is not news: summaries count only what a run changed
            return Files.isDirectory(d.source()) ? Outcome.ALREADY_DONE : Outcome.DONE;
        }
        if (op instanceof FileOperation.Delete d) {
            return FileFacts.exists(d.source()) ? Outcome.DONE : Outcome.ALREADY_DONE;
        }
        Path src = op.source();
        Path dst = op.destination();
        if (!FileFacts.exists(src)) {
            throw new IOException("the source no longer exists");
        }
        if (FileFacts.samePlace(src, dst)) {
            return Outcome.ALREADY_DONE;
        }
        Path occupant = claimed.containsKey(dst) ? claimed.get(dst) : (FileFacts.exists(dst) ? dst : null);
        claimed.putIfAbsent(dst, src);
        if (occupant == null) {
            return Outcome.DONE;
        }
        if (!ContentComparer.sameContent(src, occupant)) {
            return Outcome.CONFLICT;
        }
        if (op instanceof FileOperation.Copy) {
            return Outcome.ALREADY_DONE;
        }
        return settings.removeDuplicates() ? Outcome.DUPLICATE_REMOVED : Outcome.DUPLICATE_KEPT;
    }

    /**
     * Runs a plan.
     *
     * @param listener progress, called from this thread
     * @param cancel   checked between steps
     * @throws EngineBusyException when another run holds the lock
     * @throws IOException         when the journal itself cannot be written (the disk of the state folder);
     *                             {@link DestinationUnavailableException} before anything moves when a destination
     *                             drive is read-only or too full, or during the run when that many files in a row
     *                             fail the same way on one drive ({@link #DRIVE_FAILURES_TO_STOP})
     */
    public ExecutionResult execute(Plan plan, ProgressListener listener, CancellationToken cancel) throws IOException {
        try (EngineLock lock = EngineLock.acquire(settings.stateDir());
             EngineLock roots = EngineLock.acquireRoots(touchedRoots(plan))) {
            RecoveryReport recovery = JournalRecovery.recoverAll(journalDirectory());
            DestinationPrecheck.check(plan); // after recovery: what it finished is no longer planned room
            Run run = new Run(plan, listener, cancel);
            return run.execute(recovery);
        }
    }

    /** The configured roots that hold a source or destination of the plan. */
    private java.util.Set<Path> touchedRoots(Plan plan) {
        java.util.Set<Path> out = new java.util.LinkedHashSet<>();
        if (settings.archiveRoots().isEmpty() || plan.operations().isEmpty()) {
            return out;
        }
        List<Path> roots = settings.archiveRoots().stream().map(r -> r.toAbsolutePath().normalize()).distinct().toList();
        for (FileOperation op : plan.operations()) {
            for (Path p : new Path[] {op.source(), op.destination()}) {
                if (p == null) {
                    continue;
                }
                Path abs = p.toAbsolutePath().normalize();
                for (Path r : roots) {
                    if (abs.startsWith(r)) {
                        out.add(r);
                    }
                }
            }
            if (out.size() == roots.size()) {
                break;
            }
        }
        return out;
    }

    /** The same drive failure this many files in a row stops the run (issue 11.8). */
    static final int DRIVE_FAILURES_TO_STOP = 5;

    /** One execution of one plan. */
    private final class Run {
        private final Plan plan;
        private final ProgressListener listener;
        private final CancellationToken cancel;
        private final ContainmentGuard guard;
        private final EngineProbe probe = settings.probe();
        private final String batch = UUID.randomUUID().toString().replace("-", "");
        // copies of one chunk may run on several threads (runCopies): what they share is concurrent
        private final java.util.Set<Integer> published = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> createdDirectories =
                new java.util.concurrent.ConcurrentHashMap<>();
        private java.util.concurrent.ExecutorService copyPool;
        private Journal journal;
        // step index → the drive failure it ended with; read in step order to find a run of them
        private final java.util.concurrent.ConcurrentHashMap<Integer, EnvironmentFailure> driveFailures =
                new java.util.concurrent.ConcurrentHashMap<>();
        private EnvironmentFailure lastDriveFailure;
        private int driveFailuresInARow;
        private EnvironmentFailure stoppedBy;
        private int done;

        Run(Plan plan, ProgressListener listener, CancellationToken cancel) {
            this.plan = plan;
            this.listener = listener;
            this.cancel = cancel;
            this.guard = new ContainmentGuard(plan.roots());
        }

        ExecutionResult execute(RecoveryReport recovery) throws IOException {
            List<FileOperation> ops = plan.operations();
            OperationOutcome[] results = new OperationOutcome[ops.size()];
            boolean cancelled = false;
            // the bar counts files, as the summary does; folders made for them are not "done N" of the files
            ThrottledProgress progress = new ThrottledProgress(listener, plan.title(), plan.fileCount());
            boolean finished = false;
            journal = ops.isEmpty() ? null : Journal.begin(journalDirectory(), batch, plan.title());
            try {
                int chunk = settings.intentsPerFlush();
                for (int start = 0; start < ops.size() && !cancelled; start += chunk) {
                    if (cancel.isCancelled()) {
                        cancelled = true;
                        break;
                    }
                    int end = Math.min(ops.size(), start + chunk);
                    for (int k = start; k < end; k++) {
                        Journal.Entry intent = intent(k, ops.get(k));
                        if (intent != null) {
                            journal.append(intent);
                        }
                    }
                    journal.force();
                    probe.at("intents-flushed");
                    for (int k = start; k < end; ) {
                        if (cancel.isCancelled()) {
                            cancelled = true;
                            markNotRun(ops, k, end);
                            break;
                        }
                        int copies = independentCopies(ops, k, end);
                        int n = copies > 1 ? copies : 1;
                        OperationOutcome[] outcomes = copies > 1 ? runCopies(ops, k, copies)
                                : new OperationOutcome[] {runWithRetry(k, ops.get(k))};
                        for (int i = 0; i < n; i++) {
                            FileOperation op = ops.get(k + i);
                            if (outcomes[i] == null) {
                                continue; // cancelled before it started
                            }
                            results[k + i] = outcomes[i];
                            countDriveFailure(k + i, outcomes[i]);
                            if (journaled(op)) {
                                journal.append(Journal.Entry.mark("done", k + i, outcomes[i].outcome().name()));
                            }
                            if (!(op instanceof FileOperation.MakeDirectory)) {
                                progress.step(op.source());
                            }
                        }
                        if (stoppedBy != null) {
                            markNotRun(ops, k + n, end);
                            cancelled = true;
                            break;
                        }
                        if (Arrays.asList(outcomes).contains(null)) {
                            cancelled = true;
                            for (int i = 0; i < n; i++) {
                                if (outcomes[i] == null) {
                                    markNotRun(ops, k + i, k + i + 1);
                                }
                            }
                            markNotRun(ops, k + n, end);
                            break;
                        }
                        k += n;
                    }
                    journal.force();
                    probe.at("done-flushed");
                }
                progress.finish();
                int removed = 0;
                if (!cancelled) {
                    for (Path root : plan.pruneEmptyUnder()) {
                        removed += DirectoryPruner.pruneEmpty(root);
                    }
                }
                if (journal != null) {
                    journal.finish();
                }
                finished = true;
                if (stoppedBy != null) {
                    throw stopped(ops.size());
                }
                List<OperationOutcome> list = new ArrayList<>(ops.size());
                for (int i = 0; i < ops.size(); i++) {
                    list.add(results[i] != null ? results[i]
                            : new OperationOutcome(i, ops.get(i), Outcome.NOT_RUN, "cancelled"));
                }
                return new ExecutionResult(list, cancelled, removed, recovery);
            } finally {
                if (copyPool != null) {
                    copyPool.shutdownNow();
                }
                if (!finished && journal != null) {
                    journal.close();
                    try {
                        JournalRecovery.recover(journal.file());
                    } catch (IOException | RuntimeException e) {
                        // left on disk; the next run recovers it before doing anything else
                    }
                }
            }
        }

        private void countDriveFailure(int k, OperationOutcome outcome) {
            if (outcome.outcome() != Outcome.FAILED) {
                if (!(outcome.operation() instanceof FileOperation.MakeDirectory)) {
                    done++;
                    driveFailuresInARow = 0;
                    lastDriveFailure = null;
                }
                return;
            }
            EnvironmentFailure f = driveFailures.get(k);
            driveFailuresInARow = f != null && f.sameAs(lastDriveFailure) ? driveFailuresInARow + 1 : f == null ? 0 : 1;
            lastDriveFailure = f;
            if (driveFailuresInARow >= DRIVE_FAILURES_TO_STOP) {
                stoppedBy = f;
            }
        }

        private DestinationUnavailableException stopped(int planned) {
            return new DestinationUnavailableException(String.format(java.util.Locale.ROOT,
                    "stopped: %d files in a row failed writing to %s (drive %s): %s. %d file(s) were handled before "
                            + "and stay handled; the others were not touched and stay where they are. Fix the drive "
                            + "(free space, make it writable, reconnect it), then run again",
                    DRIVE_FAILURES_TO_STOP, stoppedBy.folder(), stoppedBy.drive(), stoppedBy.reason(), done));
        }

        private void markNotRun(List<FileOperation> ops, int from, int to) throws IOException {
            for (int m = from; m < to; m++) {
                if (journaled(ops.get(m))) {
                    journal.append(Journal.Entry.mark("done", m, Outcome.NOT_RUN.name()));
                }
            }
        }

        /**
         * How many copies from {@code k} on can run at once: consecutive copies (moves and deletes keep their order),
         * none reading what another writes, no two writing one name (so each outcome is what a sequential run gives).
         */
        private int independentCopies(List<FileOperation> ops, int k, int end) {
            if (settings.copyThreads() < 2 || !(ops.get(k) instanceof FileOperation.Copy)) {
                return 0; // moves and deletes, the common case, skip the bookkeeping below
            }
            java.util.Set<Path> written = new java.util.HashSet<>();
            java.util.Set<Path> read = new java.util.HashSet<>();
            int m = k;
            while (m < end && ops.get(m) instanceof FileOperation.Copy c
                    && !written.contains(c.source()) && !read.contains(c.destination()) && written.add(c.destination())) {
                read.add(c.source());
                m++;
            }
            return m - k;
        }

        /** Runs copies k … k+n-1 on the copy pool; a null outcome is a copy cancelled before it started. */
        private OperationOutcome[] runCopies(List<FileOperation> ops, int k, int n) throws IOException {
            if (copyPool == null) {
                copyPool = java.util.concurrent.Executors.newFixedThreadPool(settings.copyThreads(), r -> {
                    Thread t = new Thread(r, "apdm-copy");
                    t.setDaemon(true);
                    return t;
                });
            }
            List<java.util.concurrent.Future<OperationOutcome>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = k + i;
                futures.add(copyPool.submit(() -> cancel.isCancelled() ? null : runWithRetry(index, ops.get(index))));
            }
            OperationOutcome[] out = new OperationOutcome[n];
            for (int i = 0; i < n; i++) {
                try {
                    out[i] = futures.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while copying");
                } catch (java.util.concurrent.ExecutionException e) {
                    // runWithRetry turns every IOException into an outcome; anything else is a bug to surface
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        }

        private boolean journaled(FileOperation op) {
            return !(op instanceof FileOperation.MakeDirectory);
        }

        private Journal.Entry intent(int k, FileOperation op) {
            if (op instanceof FileOperation.Move m) {
                return Journal.Entry.intent(k, "move", m.source(), m.destination(),
                        FileFacts.tempName(m.destination(), batch, k), settings.removeDuplicates());
            }
            if (op instanceof FileOperation.Copy c) {
                return Journal.Entry.intent(k, "copy", c.source(), c.destination(),
                        FileFacts.tempName(c.destination(), batch, k), false);
            }
            if (op instanceof FileOperation.Delete d) {
                return Journal.Entry.intent(k, "delete", d.source(), null, null, false);
            }
            return null;
        }

        private OperationOutcome runWithRetry(int k, FileOperation op) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return run(k, op);
                } catch (RefusedDestinationException e) {
                    return new OperationOutcome(k, op, Outcome.FAILED, e.getMessage());
                } catch (NoSuchFileException e) {
                    if (!FileFacts.exists(op.source())) {
                        return new OperationOutcome(k, op, Outcome.FAILED, "the source no longer exists: " + op.source());
                    }
                    if (attempt >= 2) {
                        return new OperationOutcome(k, op, Outcome.FAILED, describe(e));
                    }
                } catch (IOException | UncheckedIOException | SecurityException e) {
                    Journal.Entry intent = intent(k, op);
                    if (intent != null) {
                        JournalRecovery.Step s = JournalRecovery.recoverStep(intent, published.contains(k));
                        if (s.result() == JournalRecovery.StepResult.COMPLETED && !(op instanceof FileOperation.Delete)
                                && !FileFacts.exists(op.source())) {
                            return new OperationOutcome(k, op, Outcome.DONE, "");
                        }
                    }
                    if (attempt >= 2) {
                        EnvironmentFailure drive = EnvironmentFailure.of(e, op);
                        if (drive != null) {
                            driveFailures.put(k, drive);
                        }
                        return new OperationOutcome(k, op, Outcome.FAILED, describe(e));
                    }
                }
                synchronized (listener) { // copies may retry on several threads at once
                    listener.onMessage("retrying " + op.source() + " once");
                }
                sleep();
            }
        }

        private void sleep() {
            try {
                Thread.sleep(settings.retryDelay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private OperationOutcome run(int k, FileOperation op) throws IOException {
            probe.at("step-start");
            if (op instanceof FileOperation.Move m) {
                return move(k, m);
            }
            if (op instanceof FileOperation.Copy c) {
                return copy(k, c);
            }
            if (op instanceof FileOperation.Delete d) {
                return delete(k, d);
            }
            guard.check(op.source());
            if (Files.isDirectory(op.source())) {
                return new OperationOutcome(k, op, Outcome.ALREADY_DONE, "already there");
            }
            Files.createDirectories(op.source());
            return new OperationOutcome(k, op, Outcome.DONE, "");
        }

        private OperationOutcome move(int k, FileOperation.Move m) throws IOException {
            Path src = m.source();
            Path dst = m.destination();
            if (src.equals(dst)) {
                return new OperationOutcome(k, m, Outcome.ALREADY_DONE, "already in place");
            }
            guard.check(dst);
            ensureParent(dst);
            try {
                // the fast path: one link (fails atomically if the name is taken), one unlink
                linkOrCreateParent(dst, src);
                probe.at("linked");
                Files.delete(src);
                probe.at("source-deleted");
                return new OperationOutcome(k, m, Outcome.DONE, "");
            } catch (FileAlreadyExistsException e) {
                if (FileFacts.samePlace(src, dst)) {
                    return new OperationOutcome(k, m, Outcome.ALREADY_DONE, "already in place");
                }
                if (FileFacts.twoNamesOfOneFile(src, dst)) {
                    Files.delete(src); // an earlier, interrupted link left two names of this one file
                    probe.at("source-deleted");
                    return new OperationOutcome(k, m, Outcome.DONE, "");
                }
                return occupied(k, m, true);
            } catch (NoSuchFileException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here, or another volume: try an atomic rename, else copy
            }
            if (FileFacts.exists(dst)) {
                return occupied(k, m, true);
            }
            try {
                // ATOMIC_MOVE replaces silently, so it runs only right after the no-clobber check above
                Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
                probe.at("renamed");
                return new OperationOutcome(k, m, Outcome.DONE, "");
            } catch (AtomicMoveNotSupportedException e) {
                // another volume
            }
            BasicFileAttributes before = Files.readAttributes(src, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            OperationOutcome published = copyVerifyPublish(k, m, src, dst);
            if (published != null) {
                return published;
            }
            BasicFileAttributes after = Files.readAttributes(src, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (before.size() != after.size() || !before.lastModifiedTime().equals(after.lastModifiedTime())) {
                return new OperationOutcome(k, m, Outcome.CONFLICT,
                        "the source changed while it was copied; the copy at " + dst + " and the source are both kept");
            }
            Files.delete(src);
            probe.at("source-deleted");
            FileFacts.forceDirectory(src.getParent());
            return new OperationOutcome(k, m, Outcome.DONE, "");
        }

        /** Links; if the destination folder vanished since it was made (the user removed it), makes it again once. */
        private void linkOrCreateParent(Path dst, Path src) throws IOException {
            try {
                Files.createLink(dst, src);
            } catch (NoSuchFileException e) {
                if (!FileFacts.exists(src)) {
                    throw e;
                }
                createdDirectories.remove(dst.getParent());
                ensureParent(dst);
                Files.createLink(dst, src);
            }
        }

        /** Creates the destination's folder once per run; a stat per file would double a move's cost. */
        private void ensureParent(Path dst) throws IOException {
            Path parent = dst.getParent();
            if (createdDirectories.containsKey(parent)) {
                return;
            }
            // atomic per folder: a parallel copy into the same new folder waits until it exists (ADR 0052)
            try {
                createdDirectories.computeIfAbsent(parent, p -> {
                    try {
                        Files.createDirectories(p);
                        return Boolean.TRUE;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private OperationOutcome copy(int k, FileOperation.Copy c) throws IOException {
            Path src = c.source();
            Path dst = c.destination();
            if (!FileFacts.exists(src)) {
                throw new NoSuchFileException(src.toString());
            }
            guard.check(dst);
            ensureParent(dst);
            if (FileFacts.exists(dst)) {
                return occupied(k, c, false);
            }
            OperationOutcome published = copyVerifyPublish(k, c, src, dst);
            return published != null ? published : new OperationOutcome(k, c, Outcome.DONE, "");
        }

        private OperationOutcome delete(int k, FileOperation.Delete d) throws IOException {
            guard.check(d.source());
            if (!FileFacts.exists(d.source())) {
                return new OperationOutcome(k, d, Outcome.ALREADY_DONE, "already gone");
            }
            Files.delete(d.source());
            probe.at("deleted");
            return new OperationOutcome(k, d, Outcome.DONE, "");
        }

        /** The destination is taken: a duplicate or a conflict, never an overwrite. */
        private OperationOutcome occupied(int k, FileOperation op, boolean isMove) throws IOException {
            Path src = op.source();
            Path dst = op.destination();
            if (!ContentComparer.sameContent(src, dst)) {
                return new OperationOutcome(k, op, Outcome.CONFLICT, "a different file already exists at " + dst);
            }
            if (!isMove) {
                return new OperationOutcome(k, op, Outcome.ALREADY_DONE, "identical file already there");
            }
            if (settings.removeDuplicates()) {
                Files.delete(src);
                probe.at("duplicate-deleted");
                return new OperationOutcome(k, op, Outcome.DUPLICATE_REMOVED, "identical file already at " + dst);
            }
            return new OperationOutcome(k, op, Outcome.DUPLICATE_KEPT, "identical file already at " + dst);
        }

        /**
         * Copies to a temporary name beside the destination, forces it to disk, re-reads and compares
         * hashes, then publishes it under the final name without replacing anything.
         *
         * @return null when published, else the duplicate or conflict outcome found at publish time
         */
        private OperationOutcome copyVerifyPublish(int k, FileOperation op, Path src, Path dst) throws IOException {
            Path tmp = FileFacts.tempName(dst, batch, k);
            Files.deleteIfExists(tmp); // a leftover of this very step's failed first attempt
            MessageDigest read = ContentComparer.newDigest();
            long copied = 0;
            try (InputStream in = Files.newInputStream(src);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream os = Channels.newOutputStream(out);
                byte[] buf = new byte[ContentComparer.BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    read.update(buf, 0, n);
                    os.write(buf, 0, n);
                    copied += n;
                }
                os.flush();
                out.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            probe.at("tmp-written");
            byte[] expected = read.digest();
            if (Files.size(tmp) != copied || !Arrays.equals(expected, ContentComparer.sha256(tmp))) {
                Files.deleteIfExists(tmp);
                throw new IOException("verification failed: the copy of " + src + " differs from the original");
            }
            boolean isMove = op instanceof FileOperation.Move;
            if (isMove) {
                // only a move needs this mark: it tells recovery the destination is ours, so the source may go
                journal.append(Journal.Entry.mark("publishing", k, null));
                journal.force();
                published.add(k);
                probe.at("publishing-recorded");
            }
            if (FileFacts.exists(dst)) {
                Files.delete(tmp);
                return occupied(k, op, op instanceof FileOperation.Move);
            }
            try {
                Files.createLink(dst, tmp);
                probe.at("published");
                Files.delete(tmp);
            } catch (FileAlreadyExistsException e) {
                Files.delete(tmp);
                return occupied(k, op, op instanceof FileOperation.Move);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (FileFacts.exists(dst)) {
                    Files.delete(tmp);
                    return occupied(k, op, op instanceof FileOperation.Move);
                }
                Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
                probe.at("published");
            }
            if (isMove) {
                // the new name must be durable before the source is removed; a copy lost to a power cut is simply redone
                FileFacts.forceDirectory(dst.getParent());
            }
            return null;
        }
    }

    private static String describe(Exception e) {
        String msg = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "access denied (is the file open in another program or a sync client?): " + msg;
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + ": " + fse.getFile();
        }
        return msg == null ? e.getClass().getSimpleName() : msg;
    }
}
