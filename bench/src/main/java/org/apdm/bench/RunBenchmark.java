package org.apdm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.inventory.InventoryScan;
import org.apdm.core.inventory.InventoryScanner;
import org.apdm.core.inventory.WorkQueue;
import org.apdm.core.inventory.WorkQueuePlanner;
import org.apdm.core.run.RunCheckpoint;
import org.apdm.core.run.RunExecutor;
import org.apdm.core.run.RunPlanner;
import org.apdm.core.run.RunStep;
import org.apdm.core.run.RunSteps;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.Progress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code apdm run} with nothing to do against {@code apdm status}, over the 80,000-frame archive of
 * {@link ArchiveData}. The archive is run once in the setup (that run promotes what is due), so every measured run
 * finds nothing to do; status is measured over the same archive. Target: run within 1.5× of status.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class RunBenchmark {

    @Param("80000")
    public int files;

    private Path dir;
    private ApdmConfig config;
    private List<RunStep> steps;

    @Setup(Level.Trial)
    public void generate() throws IOException, org.apdm.core.config.ConfigException {
        dir = Files.createTempDirectory("apdm-bench-run");
        Path data = dir.resolve("Data");
        ArchiveData.generate(data, files, 2300);
        Files.createDirectories(dir.resolve("RAW"));
        Files.createDirectories(dir.resolve("Reject"));
        Path yaml = dir.resolve("apdm.yaml");
        Files.writeString(yaml, "roots:\n  raw: RAW\n  data: Data\n  reject: Reject\nstate_dir: state\n"
                + "database: none.sqlite\n");
        config = ConfigLoader.load(yaml, new ConfigLocations(dir.resolve("none.yaml"), dir.resolve("state")), Map.of());
        steps = RunSteps.of(config, null);
        RunExecutor.Result first = run(false);
        System.out.printf("%nsetup run: %s%n", first.steps());
        run(true); // one settled run, its steps timed, so the record says where the time goes
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        BenchData.deleteTree(dir);
    }

    private RunExecutor.Result run(boolean timed) throws IOException {
        RunExecutor ex = new RunExecutor(steps, RunCheckpoint.load(config.stateDir()),
                Runtime.getRuntime().availableProcessors());
        Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        RunExecutor.Result r = ex.execute(() -> RunSteps.rigFolders(config.roots().data(), List.of()),
                (rigs, l, c) -> RunSteps.queue(config, rigs, l, c), new RunExecutor.Listener() {
                    @Override
                    public void onProgress(Progress p) {
                    }

                    @Override
                    public void stepStarted(String rig, String step) {
                        started.put(RunPlanner.key(rig, step), System.nanoTime());
                    }

                    @Override
                    public void stepFinished(String rig, String step, RunStep.Outcome o) {
                        String key = RunPlanner.key(rig, step);
                        if (timed) {
                            System.out.printf("  %-40s %6d ms%n", key,
                                    (System.nanoTime() - started.get(key)) / 1_000_000);
                        }
                    }
                }, CancellationToken.none());
        return r;
    }

    /** What {@code apdm run} does when nothing is due: every step looks, none moves a file; then the gates. */
    @Benchmark
    public RunExecutor.Result runNothingToDo() throws IOException {
        RunExecutor.Result r = run(false);
        if (r.steps().values().stream().anyMatch(o -> o.done() > 0)) {
            throw new IllegalStateException("the archive was not settled: " + r.steps());
        }
        return r;
    }

    /** What {@code apdm status} does: the inventory scan and the work queue. */
    @Benchmark
    public WorkQueue status() throws IOException {
        InventoryScan scan = new InventoryScanner(config).scan(config.roots().data(), InventoryScanner.Options.STATUS,
                org.apdm.core.task.ProgressListener.NONE, CancellationToken.none());
        return WorkQueuePlanner.plan(scan, DesiredFrames.fromConfig(config, w -> { }),
                WorkQueuePlanner.Settings.of(config), Instant.now());
    }
}
