package org.apdm.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic star fields with a known PSF, for the accuracy tests, the demo and the benchmarks: stars on a regular
 * jittered grid (never overlapping), Gaussian or Moffat, round or elongated, on a background with a linear
 * gradient, Gaussian noise and hot pixels. Pixels sample the PSF at their centres.
 */
public final class StarField {

    public enum Profile { GAUSSIAN, MOFFAT }

    /**
     * @param width        pixels
     * @param height       rows
     * @param profile      PSF shape
     * @param fwhmMajor    FWHM along the long axis, pixels
     * @param fwhmMinor    FWHM along the short axis (equal for round stars)
     * @param angle        long-axis angle, radians
     * @param beta         Moffat β (ignored for Gaussian)
     * @param spacing      grid step between stars, pixels
     * @param peakMin      faintest peak above background, ADU
     * @param peakMax      brightest peak
     * @param background   sky level at the centre, ADU
     * @param gradient     change of the sky level across the width, ADU
     * @param noise        Gaussian noise sigma, ADU
     * @param hotPixels    single bright pixels added at random places
     * @param seed         random seed
     */
    public record Spec(int width, int height, Profile profile, double fwhmMajor, double fwhmMinor, double angle, double beta,
                       int spacing, double peakMin, double peakMax, double background, double gradient, double noise,
                       int hotPixels, long seed) {

        public static Spec round(int w, int h, Profile p, double fwhm) {
            return new Spec(w, h, p, fwhm, fwhm, 0, 4.765, 48, 2000, 20000, 1000, 0, 20, 0, 42);
        }

        public Spec withNoise(double n) {
            return new Spec(width, height, profile, fwhmMajor, fwhmMinor, angle, beta, spacing, peakMin, peakMax,
                    background, gradient, n, hotPixels, seed);
        }

        public Spec elongated(double minor, double ang) {
            return new Spec(width, height, profile, fwhmMajor, minor, ang, beta, spacing, peakMin, peakMax,
                    background, gradient, noise, hotPixels, seed);
        }

        public Spec withGradient(double g) {
            return new Spec(width, height, profile, fwhmMajor, fwhmMinor, angle, beta, spacing, peakMin, peakMax,
                    background, g, noise, hotPixels, seed);
        }

        public Spec withHotPixels(int n) {
            return new Spec(width, height, profile, fwhmMajor, fwhmMinor, angle, beta, spacing, peakMin, peakMax,
                    background, gradient, noise, n, seed);
        }

        public Spec withPeaks(double min, double max) {
            return new Spec(width, height, profile, fwhmMajor, fwhmMinor, angle, beta, spacing, min, max,
                    background, gradient, noise, hotPixels, seed);
        }

        public Spec withSpacing(int s) {
            return new Spec(width, height, profile, fwhmMajor, fwhmMinor, angle, beta, s, peakMin, peakMax,
                    background, gradient, noise, hotPixels, seed);
        }
    }

    /** The frame and what is true about it. */
    public record Field(ImageData image, int stars, double hfr, double fwhm, double eccentricity) {
    }

    private StarField() {
    }

    public static Field generate(Spec s) {
        int w = s.width();
        int h = s.height();
        float[] d = new float[w * h];
        Random rnd = new Random(s.seed());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[y * w + x] = (float) (s.background() + s.gradient() * ((double) x / w - 0.5)
                        + rnd.nextGaussian() * s.noise());
            }
        }
        Psf psf = new Psf(s);
        int reach = (int) Math.ceil(psf.reach());
        int margin = Math.max(reach, s.spacing() / 2);
        List<double[]> positions = new ArrayList<>();
        for (int gy = margin; gy <= h - margin; gy += s.spacing()) {
            for (int gx = margin; gx <= w - margin; gx += s.spacing()) {
                double jitter = Math.max(0, s.spacing() / 2.0 - reach) * 0.5;
                positions.add(new double[] {gx + (rnd.nextDouble() - 0.5) * 2 * jitter,
                        gy + (rnd.nextDouble() - 0.5) * 2 * jitter});
            }
        }
        for (double[] p : positions) {
            double peak = s.peakMin() * Math.pow(s.peakMax() / s.peakMin(), rnd.nextDouble());
            int x0 = (int) Math.floor(p[0]) - reach;
            int y0 = (int) Math.floor(p[1]) - reach;
            for (int y = Math.max(0, y0); y <= Math.min(h - 1, y0 + 2 * reach + 1); y++) {
                for (int x = Math.max(0, x0); x <= Math.min(w - 1, x0 + 2 * reach + 1); x++) {
                    d[y * w + x] += (float) (peak * psf.value(x - p[0], y - p[1]));
                }
            }
        }
        for (int i = 0; i < s.hotPixels(); i++) {
            d[rnd.nextInt(h) * w + rnd.nextInt(w)] += (float) (s.peakMax() * 2);
        }
        return new Field(new ImageData(w, h, d), positions.size(), psf.hfr(), psf.fwhm(), psf.eccentricity());
    }

    /** The PSF, normalised to a peak of 1. */
    static final class Psf {
        final Spec s;
        final double cos;
        final double sin;
        final double ax;
        final double ay;

        Psf(Spec s) {
            this.s = s;
            cos = Math.cos(s.angle());
            sin = Math.sin(s.angle());
            if (s.profile() == Profile.GAUSSIAN) {
                double k = 2 * Math.sqrt(2 * Math.log(2));
                ax = s.fwhmMajor() / k;
                ay = s.fwhmMinor() / k;
            } else {
                double k = 2 * Math.sqrt(Math.pow(2, 1 / s.beta()) - 1);
                ax = s.fwhmMajor() / k;
                ay = s.fwhmMinor() / k;
            }
        }

        double value(double dx, double dy) {
            double u = (dx * cos + dy * sin) / ax;
            double v = (-dx * sin + dy * cos) / ay;
            double q = u * u + v * v;
            return s.profile() == Profile.GAUSSIAN ? Math.exp(-q / 2) : Math.pow(1 + q, -s.beta());
        }

        /** How far the star is drawn: where it falls below 1e-4 of its peak (1e-4 × 20000 ADU = 2 ADU). */
        double reach() {
            double big = Math.max(ax, ay);
            double r = s.profile() == Profile.GAUSSIAN ? big * Math.sqrt(2 * Math.log(1e4))
                    : big * Math.sqrt(Math.pow(1e4, 1 / s.beta()) - 1);
            return Math.min(r, 60);
        }

        double fwhm() {
            return Math.sqrt(s.fwhmMajor() * s.fwhmMinor());
        }

        double eccentricity() {
            double a = Math.max(s.fwhmMajor(), s.fwhmMinor());
            double b = Math.min(s.fwhmMajor(), s.fwhmMinor());
            return Math.sqrt(1 - (b * b) / (a * a));
        }

        /** N.I.N.A.'s HFR of the continuous profile, integrated on a fine grid out to where it is drawn. */
        double hfr() {
            double r = reach();
            double step = 0.05;
            double sum = 0;
            double moment = 0;
            for (double y = -r; y <= r; y += step) {
                for (double x = -r; x <= r; x += step) {
                    double d = Math.hypot(x, y);
                    if (d > r) {
                        continue;
                    }
                    double v = value(x, y);
                    sum += v;
                    moment += v * d;
                }
            }
            return moment / sum;
        }
    }
}
