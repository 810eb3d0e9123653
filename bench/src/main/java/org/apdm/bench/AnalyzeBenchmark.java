package org.apdm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apdm.core.image.FrameAnalyzer;
import org.apdm.core.image.ImageData;
import org.apdm.core.image.ImageReader;
import org.apdm.core.image.ImageWriter;
import org.apdm.core.image.StarField;
import org.apdm.core.metadata.UnreadableFileException;
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
 * One ASI2600MM-size frame (6248×4176, 16-bit FITS, a few thousand Moffat stars with noise and a gradient):
 * the plain read of the file's bytes (the floor), the pixel read through nom-tam-fits, the analysis of pixels
 * already in memory, and read + analysis as {@code apdm analyze} does it. Warm page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class AnalyzeBenchmark {

    /** Frames in the run; one is enough (the group's size column). */
    @Param("1")
    public int files;

    private Path dir;
    private Path frame;
    private ImageData image;

    /** The benchmark frame: 6248×4176, Moffat β 4.765, FWHM 3.2 px, noise 25 ADU, a 400 ADU gradient. */
    public static StarField.Spec spec() {
        return new StarField.Spec(6248, 4176, StarField.Profile.MOFFAT, 3.4, 3.0, 0.7, 4.765, 90, 600, 30000, 1500,
                400, 25, 500, 2026);
    }

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("apdm-bench-analyze");
        frame = dir.resolve("frame.fits");
        ImageWriter.write(frame, ImageWriter.fits(StarField.generate(spec()).image(), 16, Map.of("IMAGETYP", "LIGHT")));
        image = ImageReader.read(frame);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(frame);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public byte[] floorReadBytes() throws IOException {
        return Files.readAllBytes(frame);
    }

    @Benchmark
    public ImageData readPixels() throws UnreadableFileException {
        return ImageReader.read(frame);
    }

    @Benchmark
    public FrameAnalyzer.Analysis analyzeInMemory() {
        return FrameAnalyzer.analyze(image);
    }

    @Benchmark
    public FrameAnalyzer.Analysis readAndAnalyze() throws UnreadableFileException {
        return FrameAnalyzer.analyze(frame);
    }
}
