package org.apdm.core.image;

import java.util.stream.IntStream;

/**
 * PixInsight's screen transfer function, automatic: from the median and MAD of the frame, clip the shadows at
 * median − 2.8 × 1.4826 × MAD and choose the midtones balance that puts the median at 0.25. Colour is linked: one
 * transfer for all channels, from the statistics of their mean. CFA frames are debayered first.
 */
public final class AutoStretch {

    static final double SHADOWS_CLIP = -2.8;
    static final double TARGET_BACKGROUND = 0.25;

    /** ARGB pixels, row by row. */
    public record Rendered(int width, int height, int[] argb) {
    }

    /**
     * @param c0 shadows clipping point, in the frame's own units
     * @param c1 highlights (the brightest value of the data range)
     * @param m  midtones balance
     */
    public record Transfer(double c0, double c1, double m) {

        public double apply(double v) {
            double x = (v - c0) / (c1 - c0);
            if (x <= 0) {
                return 0;
            }
            if (x >= 1) {
                return 1;
            }
            return mtf(m, x);
        }
    }

    private AutoStretch() {
    }

    /** The midtones transfer function: 0 → 0, m → 0.5, 1 → 1. */
    static double mtf(double m, double x) {
        if (x == 0 || x == 1 || m == 0.5) {
            return x;
        }
        return (m - 1) * x / ((2 * m - 1) * x - m);
    }

    /** The automatic transfer of a frame; the data range is 0..1 for float data, else 0..65535. */
    public static Transfer transfer(ImageData img) {
        float[] lum = img.planes().length == 1 ? img.planes()[0] : img.luminance();
        int stride = Math.max(1, lum.length / 500_000);
        int n = (lum.length + stride - 1) / stride;
        float[] s = new float[n];
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0, k = 0; i < lum.length && k < n; i += stride, k++) {
            s[k] = lum[i];
            max = Math.max(max, lum[i]);
        }
        double c1 = max <= 1.0f ? 1.0 : max <= 255f ? 255 : 65535;
        double median = Background.select(s, n, n / 2);
        for (int k = 0; k < n; k++) {
            s[k] = (float) Math.abs(s[k] - median);
        }
        double mad = 1.4826 * Background.select(s, n, n / 2);
        double c0 = Math.max(0, median + SHADOWS_CLIP * mad);
        if (c0 >= c1) {
            c0 = 0;
        }
        double x = (median - c0) / (c1 - c0);
        // mtf(m, x) = 0.25 solved for m is mtf(0.25, x)
        double m = x <= 0 ? 0.5 : mtf(TARGET_BACKGROUND, x);
        return new Transfer(c0, c1, m);
    }

    /**
     * The stretched frame, every {@code step}-th pixel in both directions (1 for the full frame, more for a
     * thumbnail).
     */
    public static Rendered render(ImageData img, int step) {
        ImageData rgb = img.isCfa() ? Debayer.bilinear(img) : img;
        Transfer t = transfer(rgb);
        int w = (rgb.width() + step - 1) / step;
        int h = (rgb.height() + step - 1) / step;
        int[] out = new int[w * h];
        // a lookup table over the data range for integer data keeps the full frame fast
        int lutSize = t.c1() > 1 ? (int) t.c1() + 1 : 0;
        int[] lut = null;
        if (lutSize > 0) {
            lut = new int[lutSize];
            for (int v = 0; v < lutSize; v++) {
                lut[v] = (int) Math.round(t.apply(v) * 255);
            }
        }
        int[] table = lut;
        float[][] p = rgb.planes();
        int srcW = rgb.width();
        IntStream.range(0, h).parallel().forEach(y -> {
            int sy = y * step;
            for (int x = 0; x < w; x++) {
                int i = sy * srcW + x * step;
                int r = level(p[0][i], t, table);
                int g = p.length > 1 ? level(p[1][i], t, table) : r;
                int b = p.length > 2 ? level(p[2][i], t, table) : r;
                out[y * w + x] = 0xff000000 | (r << 16) | (g << 8) | b;
            }
        });
        return new Rendered(w, h, out);
    }

    private static int level(float v, Transfer t, int[] lut) {
        if (lut != null) {
            int k = (int) v;
            return k <= 0 ? lut[0] : k >= lut.length ? lut[lut.length - 1] : lut[k];
        }
        return (int) Math.round(t.apply(v) * 255);
    }
}
