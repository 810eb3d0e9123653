package org.apdm.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apdm.core.calibration.DistributionOperation;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.config.ConfigResolver;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.calibration.FlatDecider;
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
 * {@code apdm calibration distribute} over {@code folders} light DATE folders (8 targets a night, two filter
 * folders of two lights each) and a 500-master library (476 flats of 68 nights in 7 filters, 20 darks, 4 bias).
 * Floors: reading the first block of every light and every master in parallel (what any matcher must read), and a
 * plain {@code Files.copy} loop over the planned copies. Before each iteration the masters copied into the DATE
 * folders are removed (untimed); the re-run benchmark distributes once before its first iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(1)
public class DistributeBenchmark {

    static final String RIG = "C8E@f10.0+ZWO ASI2600MM Pro";
    static final String CAMERA = "ZWO ASI2600MM Pro";
    static final String[] FILTERS = {"L", "R", "G", "B", "H", "O", "S"};
    static final int TARGETS_PER_NIGHT = 8;

    @Param("2000")
    public int folders;

    private Path dir;
    private Path data;
    private Path library;
    private Path state;
    private ApdmConfig config;
    private List<Path> copied = new ArrayList<>();

    private List<Path[]> pairs = List.of();

    @Setup(Level.Trial)
    public void generate(org.openjdk.jmh.infra.BenchmarkParams params) throws Exception {
        dir = Files.createTempDirectory("apdm-bench-distribute");
        data = dir.resolve("Data");
        library = dir.resolve("Library");
        state = dir.resolve("state");
        LocalDate first = LocalDate.of(2024, 1, 1);
        int nights = (folders + TARGETS_PER_NIGHT - 1) / TARGETS_PER_NIGHT;
        int written = 0;
        for (int n = 0; n < nights && written < folders; n++) {
            LocalDate night = first.plusDays(n);
            for (int t = 0; t < TARGETS_PER_NIGHT && written < folders; t++, written++) {
                Path date = data.resolve(RIG).resolve("10_Blink").resolve(String.format(Locale.ROOT, "T%03d", t + n % 50))
                        .resolve("accept").resolve("DATE_" + night);
                for (int g = 0; g < 2; g++) {
                    String filter = FILTERS[(t + g) % FILTERS.length];
                    double exposure = g == 0 ? 300 : 120;
                    Path group = date.resolve(String.format(Locale.ROOT, "FILTER_%s_EXP_%.2f_SETTEMP_-10.00", filter, exposure));
                    for (int i = 0; i < 2; i++) {
                        Map<String, Object> h = header("LIGHT", exposure, 100);
                        h.put("FILTER", filter);
                        h.put("DATE-LOC", night + "T22:0" + i + ":00.000");
                        h.put("OBJECT", "T" + t);
                        Files.createDirectories(group);
                        Files.write(group.resolve(night + "_22-0" + i + "-00_HFR_2.50.fits"), SampleFiles.fits(h, 16, 16));
                    }
                }
            }
        }
        int masters = 0;
        // 68 nights of flats in all 7 filters (every 3rd night, as a user flats now and then): 476
        for (int n = 0; n < 68; n++) {
            LocalDate night = first.plusDays(n * 3L);
            for (String f : FILTERS) {
                Map<String, Object> h = header("Master Flat", 2, 100);
                h.put("TELESCOP", "C8E");
                h.put("FILTER", f);
                h.put("DATE-LOC", night + "T19:00:00.000");
                SampleFiles.writeXisf(library.resolve("_Flat Stash").resolve(CAMERA).resolve("C8E")
                        .resolve("masterFlat_DATE_" + night + "_FILTER_" + f + ".xisf"), h);
                masters++;
            }
        }
        // 20 darks: 10 exposures at gain 100 and at gain 0
        for (int gain : new int[] {100, 0}) {
            for (int e : new int[] {30, 60, 90, 120, 180, 240, 300, 450, 600, 900}) {
                SampleFiles.writeXisf(library.resolve("_Dark Library").resolve(CAMERA)
                        .resolve("masterDark_EXPOSURE_" + e + "_GAIN_" + gain + ".xisf"), header("Master Dark", e, gain));
                masters++;
            }
        }
        for (int gain : new int[] {100, 0, 200, 300}) {
            SampleFiles.writeXisf(library.resolve("_Bias Library").resolve(CAMERA).resolve("masterBias_GAIN_" + gain + ".xisf"),
                    header("Master Bias", 0, gain));
            masters++;
        }
        if (masters != 500) {
            throw new IllegalStateException("library has " + masters + " masters");
        }
        config = ConfigResolver.resolve(null, null, new ConfigLocations(dir.resolve("c.yaml"), state), Map.of())
                .withStateDir(state);
        String benchmark = params.getBenchmark();
        if (benchmark.endsWith("plainFilesCopyLoop")) {
            pairs = new ArrayList<>();
            for (FileOperation o : prepare().planned().plan().operations()) {
                pairs.add(new Path[] {o.source(), o.destination()});
            }
        } else if (benchmark.endsWith("apdmDistributeRerun")) {
            op().execute(prepare(), ProgressListener.NONE, CancellationToken.none()); // every night now holds its masters
        }
    }

    private static Map<String, Object> header(String type, double exposure, int gain) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", type);
        h.put("EXPOSURE", exposure);
        h.put("INSTRUME", CAMERA);
        h.put("TELESCOP", "C8E");
        h.put("FOCRATIO", 10.0);
        h.put("SET-TEMP", -10.0);
        h.put("GAIN", gain);
        h.put("OFFSET", 50);
        h.put("SWCREATE", "N.I.N.A. 3.1.2.9001 (x64)");
        return h;
    }

    /** Removes the masters the last iteration copied, so that every iteration copies the same (untimed). */
    @Setup(Level.Iteration)
    public void reset() throws IOException {
        for (Path p : copied) {
            Files.deleteIfExists(p);
        }
        copied.clear();
        BenchData.deleteTree(state);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        BenchData.deleteTree(dir);
    }

    /** Floor: walk lights and library and read every file's first block, in parallel. */
    @Benchmark
    public long floorWalkAndReadHeaders() throws IOException {
        List<Path> all = new ArrayList<>(ScanBenchmark.walk(data));
        all.addAll(ScanBenchmark.walk(library));
        return all.parallelStream().mapToLong(p -> {
            try {
                return ScanBenchmark.readBlock(p, ByteBuffer.allocate(2880));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sum();
    }

    /** Floor for the copies: {@code Files.copy} of the same masters to the same places (folders exist). */
    @Benchmark
    public long plainFilesCopyLoop() throws IOException {
        for (Path[] p : pairs) {
            Files.copy(p[0], p[1]);
            copied.add(p[1]);
        }
        return pairs.size();
    }

    /** The common case: a second run, every night already holds its masters; nothing is copied. */
    @Benchmark
    public long apdmDistributeRerun() throws IOException {
        DistributionOperation.Prepared p = prepare();
        ExecutionResult r = op().execute(p, ProgressListener.NONE, CancellationToken.none()).execution();
        if (!r.outcomes().isEmpty() || p.planned().rows().size() != folders * 2) {
            throw new IllegalStateException("a re-run copied " + r.outcomes().size());
        }
        return p.planned().rows().size();
    }

    private DistributionOperation op() {
        return new DistributionOperation(config, new FileEngine(EngineSettings.of(state)));
    }

    private DistributionOperation.Prepared prepare() throws IOException {
        return op().prepare(new DistributionOperation.Request(data, library, List.of(), null, null),
                FlatDecider.UNANSWERED, ProgressListener.NONE, CancellationToken.none());
    }

    /** The dry run: read the library once, scan every night, match and plan. */
    @Benchmark
    public long apdmDistributePlan() throws IOException {
        DistributionOperation.Prepared p = prepare();
        if (p.planned().rows().size() != folders * 2 || p.masters() != 500) {
            throw new IllegalStateException(p.planned().rows().size() + " rows, " + p.masters() + " masters");
        }
        return p.planned().plan().operations().size();
    }

    /** The whole command: plan, then copy through the journaled engine (copy, force, verify by SHA-256, publish). */
    @Benchmark
    public long apdmDistributeExecute() throws IOException {
        DistributionOperation op = op();
        DistributionOperation.Prepared p = prepare();
        ExecutionResult r = op.execute(p, ProgressListener.NONE, CancellationToken.none()).execution();
        long done = r.count(Outcome.DONE);
        for (var o : r.outcomes()) {
            copied.add(((FileOperation.Copy) o.operation()).destination());
        }
        if (done != p.planned().plan().operations().size() || done == 0) {
            throw new IllegalStateException("copied " + done + ": " + r.counts());
        }
        return done;
    }
}
