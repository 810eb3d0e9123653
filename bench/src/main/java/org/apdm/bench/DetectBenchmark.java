package org.apdm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apdm.core.capture.CaptureProfileMatcher;
import org.apdm.core.capture.CaptureProfiles;
import org.apdm.core.capture.CaptureSource;
import org.apdm.core.metadata.PathTokens;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code profile: auto} costs per path, without the disk: trying every capture program's patterns on N.I.N.A.
 * paths (which match none before N.I.N.A.'s, the worst case), next to the name-token parse every scan already does
 * for every file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DetectBenchmark {

    @Param("20000")
    public int files;

    private final List<Path> paths = new ArrayList<>();
    private final CaptureSource source = new CaptureSource(Path.of("card"), CaptureProfiles.AUTO, Map.of());

    @Setup(Level.Trial)
    public void generate() throws IOException {
        Path dir = Files.createTempDirectory("apdm-bench-detect");
        Path raw = dir.resolve("RAW");
        for (Path f : BenchData.generate(raw, files, 1)) {
            paths.add(raw.relativize(f));
        }
        BenchData.deleteTree(dir);
    }

    /** Baseline: the KEY_value tokens of folder and file names, parsed for every file of every scan. */
    @Benchmark
    public int floorNameTokens() {
        int n = 0;
        for (Path p : paths) {
            n += PathTokens.parse(PathTokens.segments(p)).values().size();
        }
        return n;
    }

    /** Detection of the program: every profile's patterns tried, then the values of the one that matches. */
    @Benchmark
    public int detectProgram() {
        int n = 0;
        for (Path p : paths) {
            n += CaptureProfileMatcher.facts(source, p).layers().pattern().size();
        }
        return n;
    }
}
