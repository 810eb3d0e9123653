package org.apdm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.config.ConfigResolver;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.ingest.IngestOperation;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
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
 * Same-volume ingest against a plain {@code Files.move} loop over the same source → destination pairs
 * (folders created once each). Before every iteration the frames are put back where N.I.N.A. wrote them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(1)
public class IngestBenchmark {

    @Param("20000")
    public int files;

    private Path dir;
    private Path raw;
    private Path data;
    private Path state;
    private ApdmConfig config;
    private Plan plan;
    private List<Path[]> pairs;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        dir = Files.createTempDirectory("apdm-bench-ingest");
        raw = dir.resolve("RAW");
        data = dir.resolve("Data");
        state = dir.resolve("state");
        BenchData.generate(raw, files, 3);
        config = ConfigResolver.resolve(null, null, new ConfigLocations(dir.resolve("c.yaml"), state), java.util.Map.of())
                .withStateDir(state);
        IngestOperation op = new IngestOperation(config, new FileEngine(EngineSettings.of(state)));
        plan = op.prepare(request(), ProgressListener.NONE, CancellationToken.none()).planned().plan();
        pairs = new ArrayList<>();
        for (FileOperation o : plan.operations()) {
            if (o instanceof FileOperation.Move m) {
                pairs.add(new Path[] {m.source(), m.destination()});
            }
        }
        if (pairs.size() != files) {
            throw new IllegalStateException("planned " + pairs.size() + " moves for " + files + " files");
        }
    }

    private IngestOperation.Request request() {
        return new IngestOperation.Request(raw, data, raw);
    }

    /** Puts every frame back at its RAW path (untimed). */
    @Setup(Level.Iteration)
    public void restore() throws IOException {
        Set<Path> made = new HashSet<>();
        for (Path[] p : pairs) {
            if (Files.exists(p[1])) {
                if (made.add(p[0].getParent())) {
                    Files.createDirectories(p[0].getParent());
                }
                Files.move(p[1], p[0]);
            }
        }
        BenchData.deleteTree(data);
        BenchData.deleteTree(state);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        BenchData.deleteTree(dir);
    }

    /** Baseline: {@code Files.move} per file, each destination folder created once. */
    @Benchmark
    public int plainFilesMoveLoop() throws IOException {
        Set<Path> made = new HashSet<>();
        for (Path[] p : pairs) {
            if (made.add(p[1].getParent())) {
                Files.createDirectories(p[1].getParent());
            }
            Files.move(p[0], p[1]);
        }
        return made.size();
    }

    /** apdm: the planned moves through the journaled engine (link + unlink, intents forced to disk). */
    @Benchmark
    public long apdmEngineExecute() throws IOException {
        ExecutionResult r = new FileEngine(EngineSettings.of(state)).execute(plan, ProgressListener.NONE,
                CancellationToken.none());
        return check(r);
    }

    /** apdm ingest as the command runs it: scan RAW, plan, execute. */
    @Benchmark
    public long apdmIngestScanPlanExecute() throws IOException {
        IngestOperation op = new IngestOperation(config, new FileEngine(EngineSettings.of(state)));
        IngestOperation.Prepared p = op.prepare(request(), ProgressListener.NONE, CancellationToken.none());
        return check(op.execute(p, ProgressListener.NONE, CancellationToken.none()).execution());
    }

    private long check(ExecutionResult r) {
        long done = r.outcomes().stream().filter(o -> o.outcome() == Outcome.DONE
                && o.operation() instanceof FileOperation.Move).count();
        if (done != files) {
            throw new IllegalStateException("moved " + done + " of " + files + ": " + r.counts());
        }
        return done;
    }
}
