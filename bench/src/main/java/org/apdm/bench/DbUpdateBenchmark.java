package org.apdm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseBackups;
import org.apdm.db.DatabaseSetup;
import org.apdm.db.update.AcceptedDataPlanner;
import org.apdm.db.update.DbUpdateOperation;
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
 * {@code apdm db update} over an archive shaped like the user's ({@link ArchiveData}: 80,000 frames in 2,300
 * folders, headers read where the path is silent), next to the floor of walking the same tree and reading each
 * frame's first 2,880 bytes on all cores, in the same run. Warm page cache, heap limited to 512 MB.
 *
 * <ul>
 *   <li>{@code dbUpdateCreate}: a database without rows; every folder is inserted (one transaction).</li>
 *   <li>{@code dbUpdateUnchanged}: the database is up to date (the usual run): create, update and delete,
 *       nothing to write.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class DbUpdateBenchmark {

    @Param("80000")
    public int files;
    @Param("2300")
    public int folders;

    private Path dir;
    private Path data;
    private List<Path> lights;
    private ApdmConfig config;
    private FileEngine engine;
    private Path template;
    private Path fresh;
    private AstroDatabase full;
    private int run;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        dir = Files.createTempDirectory("apdm-bench-db");
        data = dir.resolve("Data");
        long t = System.nanoTime();
        ArchiveData.Archive a = ArchiveData.generate(data, files, folders);
        lights = a.lights();
        System.out.printf("%nGENERATED %d frames in %d folders (%d with a silent path) in %.1f s%n", a.frames(),
                a.folders(), a.silentFolders(), (System.nanoTime() - t) / 1e9);
        config = ConfigLoader.load(null, new ConfigLocations(dir.resolve("none.yaml"), dir.resolve("state")), Map.of());
        engine = new FileEngine(EngineSettings.of(dir.resolve("state")));
        template = dir.resolve("template.sqlite");
        try (AstroDatabase db = open(template)) {
            DatabaseSetup.init(db, config);
        }
        full = open(dir.resolve("full.sqlite"));
        DatabaseSetup.init(full, config);
        update(full, true);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private AstroDatabase open(Path f) throws IOException {
        return AstroDatabase.open(f, DatabaseBackups.engineCopy(engine, dir.resolve("backups"), Clock.systemUTC()), true);
    }

    @Setup(Level.Invocation)
    public void freshDatabase() throws IOException {
        fresh = dir.resolve("fresh-" + (run++) + ".sqlite");
        Files.copy(template, fresh);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%nPEAK_HEAP_MB=%d (max heap %d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        full.close();
        BenchData.deleteTree(dir);
    }

    private DbUpdateOperation.Result update(AstroDatabase db, boolean expectInserts) throws IOException {
        DbUpdateOperation.Result r = new DbUpdateOperation(config, db).run(new DbUpdateOperation.Request(data, Set.of(),
                true, true, true, false), ProgressListener.NONE, CancellationToken.none());
        long inserted = r.plan().count(AcceptedDataPlanner.Change.Insert.class);
        if (r.scan().inventory().frames() != files || (expectInserts ? inserted != folders : !r.plan().changes().isEmpty())) {
            throw new IllegalStateException("db update is wrong: " + r.scan().inventory().frames() + " frames, "
                    + r.plan().changes().size() + " changes, " + r.problems().size() + " problems");
        }
        return r;
    }

    /** Floor: walk the archive and read the first FITS block of every frame, on all cores. */
    @Benchmark
    public long floorWalkAndReadBlockParallel() throws IOException {
        List<Path> all = ScanBenchmark.walk(data);
        return all.parallelStream().filter(p -> p.getFileName().toString().startsWith("20")).mapToLong(p -> {
            try {
                return ScanBenchmark.readBlock(p, ByteBuffer.allocate(2880));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sum();
    }

    /** A database without rows: scan, plan and insert every folder. */
    @Benchmark
    public DbUpdateOperation.Result dbUpdateCreate() throws IOException {
        try (AstroDatabase db = open(fresh)) {
            return update(db, true);
        }
    }

    /** The usual run: the database is up to date, nothing to write. */
    @Benchmark
    public DbUpdateOperation.Result dbUpdateUnchanged() throws IOException {
        return update(full, false);
    }
}
