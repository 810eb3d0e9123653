package org.apdm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.NormalizationRules;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
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
 * A 100,000-file scan in a JVM limited to 256 MB of heap, holding every frame's metadata at once
 * (as planning an ingest of that many frames does). Finishing is the result; the peak heap is printed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class LargeScanBenchmark {

    @Param("100000")
    public int files;

    private Path dir;
    private Path raw;
    private FrameScanner scanner;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("apdm-bench-large");
        raw = dir.resolve("RAW");
        BenchData.generate(raw, files, 2);
        scanner = new FrameScanner(new MetadataReader(NormalizationRules.defaults()));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
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
        BenchData.deleteTree(dir);
    }

    @Benchmark
    public List<ScannedFrame> scan100kIn256MbHeap() throws IOException {
        List<Path> all = FrameScanner.list(raw, CancellationToken.none());
        List<ScannedFrame> frames = scanner.read(raw, all, f -> FrameScanner.ReadSpec.RAW, ProgressListener.NONE,
                CancellationToken.none());
        if (frames.size() != files) {
            throw new IllegalStateException("scanned " + frames.size());
        }
        return frames;
    }
}
