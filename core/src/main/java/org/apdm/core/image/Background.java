package org.apdm.core.image;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The sky level and noise of a frame, on a mesh of tiles: each tile's median of every other pixel, smoothed by a
 * 3×3 median of tiles so that one bright star or a small nebula does not lift its tile. Between tile centres the
 * level is interpolated, so a gradient is followed. Noise is the median of the tiles' robust sigmas.
 */
final class Background {

    static final int TILE = 64;

    private final int tilesX;
    private final int tilesY;
    private final float[] level;
    final double median;
    final double noise;

    private Background(int tilesX, int tilesY, float[] level, double median, double noise) {
        this.tilesX = tilesX;
        this.tilesY = tilesY;
        this.level = level;
        this.median = median;
        this.noise = noise;
    }

    static Background of(float[] d, int w, int h) {
        int tx = (w + TILE - 1) / TILE;
        int ty = (h + TILE - 1) / TILE;
        float[] med = new float[tx * ty];
        float[] sig = new float[tx * ty];
        IntStream.range(0, ty).parallel().forEach(j -> {
            float[] buf = new float[(TILE / 2) * (TILE / 2)];
            for (int i = 0; i < tx; i++) {
                int n = 0;
                int y1 = Math.min(h, (j + 1) * TILE);
                int x1 = Math.min(w, (i + 1) * TILE);
                for (int y = j * TILE; y < y1; y += 2) {
                    int o = y * w;
                    for (int x = i * TILE; x < x1; x += 2) {
                        buf[n++] = d[o + x];
                    }
                }
                med[j * tx + i] = select(buf, n, n / 2);
            }
        });
        float[] smooth = new float[med.length];
        float[] nine = new float[9];
        for (int j = 0; j < ty; j++) {
            for (int i = 0; i < tx; i++) {
                int n = 0;
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        int jj = j + dj;
                        int ii = i + di;
                        if (jj >= 0 && jj < ty && ii >= 0 && ii < tx) {
                            nine[n++] = med[jj * tx + ii];
                        }
                    }
                }
                smooth[j * tx + i] = select(nine, n, n / 2);
            }
        }
        float[] copy = smooth.clone();
        double median = select(copy, copy.length, copy.length / 2);
        Background mesh = new Background(tx, ty, smooth, median, Double.NaN);
        // noise from the residuals against the interpolated level, so a gradient inside a tile does not count as noise
        IntStream.range(0, ty).parallel().forEach(j -> {
            float[] buf = new float[(TILE / 2) * (TILE / 2)];
            for (int i = 0; i < tx; i++) {
                int n = 0;
                int y1 = Math.min(h, (j + 1) * TILE);
                int x1 = Math.min(w, (i + 1) * TILE);
                for (int y = j * TILE; y < y1; y += 2) {
                    int o = y * w;
                    for (int x = i * TILE; x < x1; x += 2) {
                        buf[n++] = (float) (d[o + x] - mesh.at(x, y));
                    }
                }
                sig[j * tx + i] = clippedSigma(buf, n);
            }
        });
        float[] s = sig.clone();
        double noise = select(s, s.length, s.length / 2);
        return new Background(tx, ty, smooth, median, noise);
    }

    /** The interpolated level along one row, into {@code out} (width values). */
    void row(int y, float[] out) {
        double fy = (double) y / TILE - 0.5;
        int j0 = lower(fy, tilesY);
        double ay = tilesY == 1 ? 0 : fy - j0;
        int j1 = Math.min(tilesY - 1, j0 + 1);
        double[] col = new double[tilesX];
        for (int i = 0; i < tilesX; i++) {
            col[i] = level[j0 * tilesX + i] * (1 - ay) + level[j1 * tilesX + i] * ay;
        }
        for (int x = 0; x < out.length; x++) {
            double fx = (double) x / TILE - 0.5;
            int i0 = lower(fx, tilesX);
            double ax = tilesX == 1 ? 0 : fx - i0;
            int i1 = Math.min(tilesX - 1, i0 + 1);
            out[x] = (float) (col[i0] * (1 - ax) + col[i1] * ax);
        }
    }

    /** The level at a pixel, interpolated between tile centres (extrapolated past the outer centres). */
    double at(double x, double y) {
        double fy = y / TILE - 0.5;
        int j0 = lower(fy, tilesY);
        double ay = tilesY == 1 ? 0 : fy - j0;
        int j1 = Math.min(tilesY - 1, j0 + 1);
        double fx = x / TILE - 0.5;
        int i0 = lower(fx, tilesX);
        double ax = tilesX == 1 ? 0 : fx - i0;
        int i1 = Math.min(tilesX - 1, i0 + 1);
        double a = level[j0 * tilesX + i0] * (1 - ax) + level[j0 * tilesX + i1] * ax;
        double b = level[j1 * tilesX + i0] * (1 - ax) + level[j1 * tilesX + i1] * ax;
        return a * (1 - ay) + b * ay;
    }

    /** The lower of the two tile centres to interpolate between; at the borders the outer pair (to extrapolate). */
    private static int lower(double f, int n) {
        return Math.max(0, Math.min(n - 2, (int) Math.floor(f)));
    }

    /** 1.4826 × MAD, then again on the values within 3 sigma of the median: star wings are not noise. */
    static float clippedSigma(float[] v, int n) {
        float[] work = java.util.Arrays.copyOf(v, n);
        float m = select(work, n, n / 2);
        for (int k = 0; k < n; k++) {
            work[k] = Math.abs(v[k] - m);
        }
        float sigma = 1.4826f * select(work, n, n / 2);
        int kept = 0;
        for (int k = 0; k < n; k++) {
            if (Math.abs(v[k] - m) <= 3 * sigma) {
                work[kept++] = v[k];
            }
        }
        if (kept < 8) {
            return sigma;
        }
        float m2 = select(work, kept, kept / 2);
        for (int k = 0; k < kept; k++) {
            work[k] = Math.abs(work[k] - m2);
        }
        // the MAD of a Gaussian clipped at 3 sigma is 0.6745 × 0.9987 sigma: the clip barely moves it
        return 1.4826f * select(work, kept, kept / 2);
    }

    /** The k-th smallest of the first n values (Hoare's selection; reorders the array). */
    static float select(float[] a, int n, int k) {
        if (n <= 0) {
            return Float.NaN;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            float pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }
}
