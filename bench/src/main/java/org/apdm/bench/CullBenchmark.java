package org.apdm.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.cull.CullPass;
import org.apdm.core.cull.CullPlanner;
import org.apdm.core.cull.CullScanner;
import org.apdm.core.cull.GroupProposal;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.NormalizationRules;
import org.apdm.core.scan.FrameScanner;
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
 * Proposing the cull of 20,000 lights in 10_Blink (metadata from file names, headers where a name
 * lacks a metric: here one frame in ten has empty N.I.N.A. tokens) against the scan floor of issue 2:
 * walking the same tree and reading each file's first 2,880 bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class CullBenchmark {

    private static final String RIG = "C8E@f10.0+ZWO ASI2600MM Pro";

    @Param("20000")
    public int files;

    private Path dir;
    private Path data;
    private List<CullPass> passes;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("apdm-bench-cull");
        data = dir.resolve("Data");
        Random random = new Random(4);
        String[] filters = {"L", "R", "G", "B", "H", "O", "S"};
        for (int i = 0; i < files; i++) {
            int group = i / 40;
            Path folder = data.resolve(RIG).resolve("10_Blink").resolve("Target " + (group % 25))
                    .resolve(String.format(Locale.ROOT, "DATE_2024-%02d-%02d", 1 + group % 12, 1 + group % 28))
                    .resolve("FILTER_" + filters[group % filters.length] + "_EXP_300.00_SETTEMP_-10.00");
            boolean empty = i % 10 == 0;
            double hfr = 2 + random.nextDouble() * 3.5;
            String name = String.format(Locale.ROOT, "2024-01-01_%02d-%02d-%02d_%04d_HFR_%s_STARS_%s_RMSAC_%.2f_TEMP_-10.00.fits",
                    (i / 3600) % 24, (i / 60) % 60, i % 60, i, empty ? "" : String.format(Locale.ROOT, "%.2f", hfr),
                    empty ? "" : Integer.toString((int) (1500 / hfr)), 0.4 + random.nextDouble() * 2);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", "LIGHT");
            h.put("EXPOSURE", 300.0);
            h.put("HFR", hfr);
            h.put("STARS", (int) (1500 / hfr));
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), SampleFiles.fits(h, 16, 16));
        }
        passes = new ApdmConfig(null, null, null, null, NormalizationRules.defaults(), false, null, null, null, null,
                null, null, Map.of(), List.of()).cullPasses(RIG);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        BenchData.deleteTree(dir);
    }

    @Benchmark
    public long floorWalkAndReadBlockParallel() throws IOException {
        return ScanBenchmark.walk(data).parallelStream().mapToLong(p -> {
            try {
                return ScanBenchmark.readBlock(p, ByteBuffer.allocate(2880));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sum();
    }

    /** Scan 10_Blink and propose both of the rig's passes for every group (nothing is moved). */
    @Benchmark
    public int apdmCullProposal() throws IOException {
        List<String> metrics = new ArrayList<>();
        passes.forEach(p -> CullPlanner.metricsOf(p).forEach(m -> {
            if (!metrics.contains(m)) {
                metrics.add(m);
            }
        }));
        CullScanner scanner = new CullScanner(new FrameScanner(new MetadataReader(NormalizationRules.defaults())));
        CullScanner.Scan scan = scanner.scan(data, RIG, metrics, ProgressListener.NONE, CancellationToken.none());
        int rejects = 0;
        for (CullPass pass : passes) {
            for (var g : scan.groups()) {
                GroupProposal p = CullPlanner.propose(g, pass);
                rejects += p.rejects().size();
            }
        }
        int frames = scan.groups().stream().mapToInt(g -> g.frames().size()).sum();
        if (frames != files) {
            throw new IllegalStateException("judged " + frames + " of " + files);
        }
        return rejects;
    }
}
