package org.apdm.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apdm.core.capture.CaptureProfileMatcher;
import org.apdm.core.capture.CaptureProfiles;
import org.apdm.core.capture.CaptureSource;
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
 * The metadata scan of a RAW folder against its floor: walking the same tree and reading each file's
 * first 2,880 bytes (one FITS block), sequentially and on all cores. Warm page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class ScanBenchmark {

    @Param("20000")
    public int files;

    private Path dir;
    private Path raw;
    private FrameScanner scanner;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("apdm-bench-scan");
        raw = dir.resolve("RAW");
        BenchData.generate(raw, files, 1);
        scanner = new FrameScanner(new MetadataReader(NormalizationRules.defaults()));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        BenchData.deleteTree(dir);
    }

    /** Floor: one thread walks and reads a block of every file. */
    @Benchmark
    public long floorWalkAndReadBlock() throws IOException {
        List<Path> all = walk(raw);
        long sum = 0;
        ByteBuffer buf = ByteBuffer.allocate(2880);
        for (Path p : all) {
            sum += readBlock(p, buf);
        }
        return sum;
    }

    /** Floor on all cores: the same reads spread over the common pool, like the scan. */
    @Benchmark
    public long floorWalkAndReadBlockParallel() throws IOException {
        return walk(raw).parallelStream().mapToLong(p -> {
            try {
                return readBlock(p, ByteBuffer.allocate(2880));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sum();
    }

    /** apdm's scan: walk, read the header, parse folder and file-name tokens, normalise. */
    @Benchmark
    public List<ScannedFrame> apdmScan() throws IOException {
        List<Path> all = FrameScanner.list(raw, CancellationToken.none());
        List<ScannedFrame> frames = scanner.read(raw, all, f -> FrameScanner.ReadSpec.RAW, ProgressListener.NONE,
                CancellationToken.none());
        if (frames.size() != files || !frames.get(0).ok()) {
            throw new IllegalStateException("scan is wrong: " + frames.get(0));
        }
        return frames;
    }

    /**
     * The same scan as a capture source with {@code profile: auto}: every path is tried against each program's
     * patterns before it is read. N.I.N.A. names match none but N.I.N.A.'s, the worst case for detection.
     */
    @Benchmark
    public List<ScannedFrame> apdmScanDetectingTheProgram() throws IOException {
        CaptureSource source = new CaptureSource(raw, CaptureProfiles.AUTO, java.util.Map.of());
        List<Path> all = FrameScanner.list(raw, CancellationToken.none());
        List<ScannedFrame> frames = scanner.read(raw, all, f -> {
            CaptureProfileMatcher.Facts fact = CaptureProfileMatcher.facts(source, raw.relativize(f));
            return new FrameScanner.ReadSpec(java.util.Map.of(), fact.profile().precedence(), true, null, fact.layers());
        }, ProgressListener.NONE, CancellationToken.none());
        if (frames.size() != files || !frames.get(0).ok()) {
            throw new IllegalStateException("scan is wrong: " + frames.get(0));
        }
        return frames;
    }

    static List<Path> walk(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                out.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    static long readBlock(Path p, ByteBuffer buf) throws IOException {
        buf.clear();
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read one block
            }
        }
        return buf.get(0);
    }
}
