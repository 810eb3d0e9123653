package org.apdm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apdm.core.image.FrameAnalyzer;
import org.apdm.core.image.ImageWriter;
import org.apdm.core.image.PixelMetrics;
import org.apdm.core.image.StarField;

/**
 * apdm's analysis and ASTAP's {@code -analyse} side by side on the same synthetic frames, in one run: the star count
 * and median HFD ASTAP prints (HFD_MEDIAN, STARS) against the truth and against apdm (HFD compared as its
 * definition: ASTAP's half-flux diameter ≈ FWHM for a Gaussian), and the wall time of each. ASTAP's time is one
 * process per frame, as a user runs it; apdm's is read + analysis in this JVM after one warm-up frame.
 *
 * <pre>java -jar bench/target/apdm-bench.jar astap [runs]   (ASTAP at /usr/bin/astap needs a display: xvfb-run)</pre>
 */
public final class AstapComparison {

    private AstapComparison() {
    }

    record Case(String name, StarField.Spec spec) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String astap = System.getenv().getOrDefault("ASTAP", "/usr/bin/astap");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("gaussian 3.5 px, 1024x768", StarField.Spec.round(1024, 768, StarField.Profile.GAUSSIAN, 3.5)));
        cases.add(new Case("moffat 4.0 px, 1024x768", StarField.Spec.round(1024, 768, StarField.Profile.MOFFAT, 4.0)));
        cases.add(new Case("gaussian 2.5 px noisy, 1024x768", StarField.Spec.round(1024, 768, StarField.Profile.GAUSSIAN,
                2.5).withNoise(60).withPeaks(800, 10000)));
        cases.add(new Case("moffat elongated + gradient + hot px, 2048x1536", new StarField.Spec(2048, 1536,
                StarField.Profile.MOFFAT, 4.2, 3.0, 0.5, 4.765, 60, 1000, 25000, 1200, 1500, 30, 300, 9)));
        cases.add(new Case("ASI2600MM 6248x4176 (AnalyzeBenchmark frame)", AnalyzeBenchmark.spec()));
        Path dir = Files.createTempDirectory("apdm-astap");
        System.out.println("| frame | true stars / FWHM / HFR | apdm stars / FWHM / HFR | ASTAP stars / HFD | apdm ms | ASTAP ms |");
        System.out.println("|---|---|---|---|---|---|");
        boolean warmed = false;
        for (Case c : cases) {
            StarField.Field f = StarField.generate(c.spec());
            Path file = dir.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "_") + ".fits");
            ImageWriter.write(file, ImageWriter.fits(f.image(), 16, Map.of("IMAGETYP", "LIGHT")));
            if (!warmed) {
                FrameAnalyzer.analyze(file);
                warmed = true;
            }
            long[] apdmNs = new long[runs];
            PixelMetrics m = null;
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                m = FrameAnalyzer.analyze(file).metrics();
                apdmNs[r] = System.nanoTime() - t;
            }
            long[] astapNs = new long[runs];
            String[] astapOut = {"-", "-"};
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                astapOut = runAstap(astap, file);
                astapNs[r] = System.nanoTime() - t;
            }
            System.out.printf(Locale.ROOT, "| %s | %d / %.2f / %.2f | %d / %.2f / %.2f | %s / %s | %.0f | %.0f |%n",
                    c.name(), f.stars(), f.fwhm(), f.hfr(), m.stars(), m.fwhm(), m.hfr(), astapOut[0], astapOut[1],
                    median(apdmNs) / 1e6, median(astapNs) / 1e6);
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
    }

    /** {STARS, HFD_MEDIAN} as ASTAP prints them, or the reason it gave none. */
    static String[] runAstap(String astap, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(astap, "-f", file.toString(), "-analyse", "10").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new String[] {"timeout", "-"};
        }
        String stars = "-";
        String hfd = "-";
        for (String line : out.split("\\R")) {
            if (line.startsWith("STARS=")) {
                stars = line.substring(6).trim();
            } else if (line.startsWith("HFD_MEDIAN=")) {
                hfd = line.substring(11).trim();
            }
        }
        if (stars.equals("-") && out.contains("cannot open display")) {
            return new String[] {"no display", "-"};
        }
        return new String[] {stars, hfd};
    }

    static double median(long[] v) {
        long[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2.0;
    }
}
