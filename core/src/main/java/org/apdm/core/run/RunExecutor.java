package org.apdm.core.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * Carries out {@code apdm run}: the shared steps first, then every rig's steps in order, rigs side by side.
 * Steps that move files take turns on one lock (the engine allows one run per state folder); their scans and
 * plans overlap. Each finished step is written to the {@link RunCheckpoint} before the next starts; a run that
 * ends without interruption clears it.
 */
public final class RunExecutor {

    /** Hears which step of which rig runs; called from worker threads. */
    public interface Listener extends ProgressListener {
        /** {@code rig} is null for a shared step. */
        default void stepStarted(String rig, String step) {
        }

        default void stepFinished(String rig, String step, RunStep.Outcome outcome) {
        }

        /** The checkpoint says an interrupted run already did it. */
        default void stepSkipped(String rig, String step) {
        }

        /** The work queue shows nothing for it ({@link RunStep#due}); it was not scanned. */
        default void stepNotDue(String rig, String step) {
        }
    }

    /** The work queue of {@code apdm status} for these rigs: one inventory scan. */
    @FunctionalInterface
    public interface QueueSource {
        org.apdm.core.inventory.WorkQueue queue(List<String> rigs, ProgressListener listener, CancellationToken cancel)
                throws IOException;
    }

    /**
     * @param steps     per {@link RunPlanner#key}, what each step did (finished steps of a resumed run are absent)
     * @param gates     what waits for a person: the steps' (cull review), then the work queue's (blink, masters)
     * @param cancelled the user cancelled; the checkpoint stays for the next run
     * @param failures  "rig/step: message" for steps that failed; that rig stopped there, the others went on
     */
    public record Result(Map<String, RunStep.Outcome> steps, List<Gate> gates, boolean cancelled,
                         List<String> failures) {

        public int leftBehind() {
            return steps.values().stream().mapToInt(RunStep.Outcome::leftBehind).sum();
        }
    }

    private final List<RunStep> steps;
    private final RunCheckpoint checkpoint;
    private final int parallelism;

    public RunExecutor(List<RunStep> steps, RunCheckpoint checkpoint, int parallelism) {
        this.steps = List.copyOf(steps);
        this.checkpoint = checkpoint;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Asks every step what it would do now (the dry run and the window's plan). Changes no file. */
    public RunPlan plan(List<String> rigs, org.apdm.core.inventory.WorkQueue queue, ProgressListener listener,
                        CancellationToken cancel) throws IOException {
        Map<String, RunStep.Preview> previews = new java.util.concurrent.ConcurrentHashMap<>();
        ReentrantLock engine = new ReentrantLock(true);
        for (RunStep s : steps) {
            if (s.scope() == RunStep.Scope.ALL) {
                previews.put(s.id(), preview(s, null, engine, listener, cancel));
            }
        }
        forEachRig(rigs, rig -> {
            for (RunStep s : steps) {
                if (s.scope() == RunStep.Scope.RIG) {
                    cancel.throwIfCancelled();
                    if (queue != null && !s.due(rig, queue)) {
                        previews.put(RunPlanner.key(rig, s.id()), new RunStep.Preview(0, ""));
                        continue;
                    }
                    previews.put(RunPlanner.key(rig, s.id()), preview(s, rig, engine, listener, cancel));
                }
            }
        });
        return RunPlanner.plan(steps, rigs, previews, checkpoint.finished(), queue);
    }

    /** Lists the rigs to run; asked after the shared steps, because ingest may bring a new rig. */
    @FunctionalInterface
    public interface RigLister {
        List<String> rigs() throws IOException;
    }

    /** Previews take the engine's lock too: preparing recovers interrupted journals under it. */
    private static RunStep.Preview preview(RunStep s, String rig, ReentrantLock engine, ProgressListener listener,
                                           CancellationToken cancel) throws IOException {
        if (!s.usesEngine()) {
            return s.preview(rig, listener, cancel);
        }
        engine.lock();
        try {
            return s.preview(rig, listener, cancel);
        } finally {
            engine.unlock();
        }
    }

    /**
     * Runs the steps. With a {@code queueSource}, the queue is read once after the shared steps; a rig's step the
     * queue shows nothing for is not scanned (until an earlier step of that rig changed something), and the
     * queue's gates are added to the result, read again only when a step changed something.
     *
     * @param queueSource the work queue, or null: every step is due and only the steps' gates are returned
     */
    public Result execute(RigLister rigLister, QueueSource queueSource, Listener listener, CancellationToken cancel)
            throws IOException {
        Map<String, RunStep.Outcome> done = new java.util.concurrent.ConcurrentHashMap<>();
        List<Gate> gates = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ReentrantLock engine = new ReentrantLock(true);
        boolean[] cancelled = {false};
        int firstRig = 0;
        while (firstRig < steps.size() && steps.get(firstRig).scope() != RunStep.Scope.RIG) {
            firstRig++;
        }
        // shared steps before the first rig step (ingest, archive) run first; those after it (clean) run last
        for (RunStep s : steps.subList(0, firstRig)) {
            if (!cancelled[0] && !runStep(s, null, listener, cancel, engine, done, gates)) {
                cancelled[0] = true;
            }
        }
        org.apdm.core.inventory.WorkQueue queue = null;
        if (!cancelled[0]) {
            List<String> rigs = rigLister.rigs();
            queue = queueSource == null ? null : queueSource.queue(rigs, listener, cancel);
            org.apdm.core.inventory.WorkQueue before = queue;
            forEachRig(rigs, rig -> {
                boolean changed = false; // after a change the queue is stale: every later step of the rig is due
                for (RunStep s : steps) {
                    if (s.scope() != RunStep.Scope.RIG) {
                        continue;
                    }
                    if (before != null && !changed && !s.due(rig, before)) {
                        listener.stepNotDue(rig, s.id());
                        continue;
                    }
                    try {
                        if (!runStep(s, rig, listener, cancel, engine, done, gates)) {
                            synchronized (cancelled) {
                                cancelled[0] = true;
                            }
                            return;
                        }
                        RunStep.Outcome o = done.get(RunPlanner.key(rig, s.id()));
                        changed |= o != null && o.done() > 0;
                    } catch (IOException | RuntimeException e) {
                        if (e instanceof org.apdm.core.task.OperationCancelledException) {
                            synchronized (cancelled) {
                                cancelled[0] = true;
                            }
                            return;
                        }
                        failures.add(RunPlanner.key(rig, s.id()) + ": " + e.getMessage());
                        listener.onMessage("error: " + rig + " " + s.id() + ": " + e.getMessage()
                                + " — the rest of " + rig + " waits; fix it and run `apdm run` again");
                        return; // later steps of this rig depend on this one
                    }
                }
            });
        }
        for (RunStep s : steps.subList(firstRig, steps.size())) {
            if (s.scope() == RunStep.Scope.ALL && !cancelled[0] && failures.isEmpty()
                    && !runStep(s, null, listener, cancel, engine, done, gates)) {
                cancelled[0] = true;
            }
        }
        boolean stopped = cancelled[0] || cancel.isCancelled();
        if (!stopped && failures.isEmpty()) {
            checkpoint.clear();
        }
        if (!stopped && queueSource != null) {
            List<String> rigs = rigLister.rigs();
            if (queue == null || done.values().stream().anyMatch(o -> o.done() > 0)) {
                queue = queueSource.queue(rigs, listener, cancel);
            }
            RunPlanner.gates(queue, rigs).values().forEach(gates::addAll);
        }
        return new Result(new LinkedHashMap<>(done), List.copyOf(gates), stopped, List.copyOf(failures));
    }

    /** False when cancelled. */
    private boolean runStep(RunStep s, String rig, Listener listener, CancellationToken cancel, ReentrantLock engine,
                            Map<String, RunStep.Outcome> done, List<Gate> gates) throws IOException {
        String key = RunPlanner.key(rig, s.id());
        if (checkpoint.isFinished(key)) {
            listener.stepSkipped(rig, s.id());
            return true;
        }
        if (cancel.isCancelled()) {
            return false;
        }
        listener.stepStarted(rig, s.id());
        RunStep.Outcome o;
        if (s.usesEngine()) {
            engine.lock();
            try {
                o = s.execute(rig, listener, cancel);
            } finally {
                engine.unlock();
            }
        } else {
            o = s.execute(rig, listener, cancel);
        }
        done.put(key, o);
        gates.addAll(o.gates());
        listener.stepFinished(rig, s.id(), o);
        if (o.cancelled()) {
            return false;
        }
        checkpoint.markFinished(key);
        return true;
    }

    private interface RigWork {
        void run(String rig) throws IOException;
    }

    private void forEachRig(List<String> rigs, RigWork work) throws IOException {
        if (rigs.size() <= 1 || parallelism == 1) {
            for (String r : rigs) {
                work.run(r);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, rigs.size()), r -> {
            Thread t = new Thread(r, "apdm-run-rig");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String rig : rigs) {
                futures.add(pool.submit(() -> {
                    work.run(rig);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.apdm.core.task.OperationCancelledException();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
