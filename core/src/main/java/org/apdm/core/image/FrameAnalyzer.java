package org.apdm.core.image;

import java.nio.file.Path;
import java.util.List;
import org.apdm.core.metadata.UnreadableFileException;

/** Measures a frame from its pixels: background, noise and the median star metrics. */
public final class FrameAnalyzer {

    /** The metrics and the stars they come from (the blink page draws them). */
    public record Analysis(PixelMetrics metrics, List<Star> stars) {
    }

    private FrameAnalyzer() {
    }

    public static Analysis analyze(Path file) throws UnreadableFileException {
        return analyze(ImageReader.read(file));
    }

    public static Analysis analyze(ImageData image) {
        return analyze(image.luminance(), image.width(), image.height());
    }

    public static Analysis analyze(float[] plane, int w, int h) {
        Background bg = Background.of(plane, w, h);
        List<Star> stars = StarDetector.detect(plane, w, h, bg);
        double[] hfr = stars.stream().mapToDouble(Star::hfr).toArray();
        double[] fwhm = stars.stream().mapToDouble(Star::fwhm).filter(Double::isFinite).toArray();
        double[] ecc = stars.stream().mapToDouble(Star::eccentricity).filter(Double::isFinite).toArray();
        PixelMetrics m = new PixelMetrics(stars.size(), median(hfr), median(fwhm), median(ecc), bg.median, bg.noise);
        return new Analysis(m, stars);
    }

    private static Double median(double[] v) {
        return v.length == 0 ? null : Background.median(v);
    }
}
