package org.apdm.core.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds and measures the stars of one plane.
 *
 * <ol>
 *   <li>candidates: local maxima more than {@link #DETECT_SIGMA} noise sigmas above the background whose four
 *       direct neighbours carry light too (a hot pixel or a cosmic-ray hit is a lone spike and is skipped);</li>
 *   <li>brightest first, each candidate gets an aperture twice as wide as the distance at which it fades into the
 *       noise; a candidate inside an accepted star's aperture is part of it;</li>
 *   <li>in the aperture: flux-weighted centroid (three passes), HFR as N.I.N.A. defines it, and a weighted
 *       least-squares fit of an elliptical Gaussian to the log of the pixels above a quarter of the peak
 *       (linear in six coefficients, so no iterations) for FWHM and eccentricity.</li>
 * </ol>
 */
public final class StarDetector {

    static final double DETECT_SIGMA = 5;
    static final int MAX_RADIUS = 32;
    static final int MAX_STARS = 20_000;

    private StarDetector() {
    }

    record Candidate(int x, int y, float peak) {
    }

    static List<Star> detect(float[] d, int w, int h, Background bg) {
        double noise = Math.max(bg.noise, 1e-12);
        int bands = Math.max(1, Math.min(64, h / 64));
        List<List<Candidate>> found = IntStream.range(0, bands).parallel().mapToObj(b -> {
            List<Candidate> out = new ArrayList<>();
            int y0 = Math.max(2, b * h / bands);
            int y1 = Math.min(h - 2, (b + 1) * h / bands);
            float k = (float) (DETECT_SIGMA * noise);
            float k2 = (float) (2 * noise);
            float[] row = new float[w];
            for (int y = y0; y < y1; y++) {
                int o = y * w;
                bg.row(y, row);
                for (int x = 2; x < w - 2; x++) {
                    float v = d[o + x];
                    float level = row[x];
                    if (v - level <= k) {
                        continue;
                    }
                    int i = o + x;
                    float l = d[i - 1];
                    float r = d[i + 1];
                    float u = d[i - w];
                    float dn = d[i + w];
                    // a plateau (a saturated core) yields one maximum: strict against left and up, not right and down
                    if (v <= l || v <= u || v < r || v < dn || v < d[i - w - 1] || v < d[i - w + 1]
                            || v < d[i + w - 1] || v < d[i + w + 1]) {
                        continue;
                    }
                    float above = v - level;
                    float neighbours = (l + r + u + dn) / 4 - level;
                    if (neighbours < 0.15f * above || neighbours < k2) {
                        continue; // a lone spike: hot pixel or cosmic ray
                    }
                    out.add(new Candidate(x, y, above));
                }
            }
            return out;
        }).toList();
        List<Candidate> all = new ArrayList<>();
        found.forEach(all::addAll);
        all.sort(Comparator.comparingDouble((Candidate c) -> c.peak).reversed());
        if (all.size() > MAX_STARS * 2) {
            all = all.subList(0, MAX_STARS * 2);
        }

        // greedy by brightness: a candidate inside an accepted aperture belongs to that star
        int cell = MAX_RADIUS;
        int gx = w / cell + 1;
        int gy = h / cell + 1;
        @SuppressWarnings("unchecked")
        List<int[]>[] grid = new List[gx * gy];
        List<int[]> accepted = new ArrayList<>(); // x, y, radius
        for (Candidate c : all) {
            if (accepted.size() >= MAX_STARS) {
                break;
            }
            if (covered(grid, gx, gy, cell, c.x, c.y)) {
                continue;
            }
            int radius = aperture(d, w, h, c, bg.at(c.x, c.y), noise);
            int[] a = {c.x, c.y, radius};
            accepted.add(a);
            int ci = c.x / cell;
            int cj = c.y / cell;
            if (grid[cj * gx + ci] == null) {
                grid[cj * gx + ci] = new ArrayList<>();
            }
            grid[cj * gx + ci].add(a);
        }
        return accepted.parallelStream().map(a -> measure(d, w, h, a[0], a[1], a[2], bg, noise))
                .filter(s -> s != null).toList();
    }

    private static boolean covered(List<int[]>[] grid, int gx, int gy, int cell, int x, int y) {
        int ci = x / cell;
        int cj = y / cell;
        for (int j = Math.max(0, cj - 1); j <= Math.min(gy - 1, cj + 1); j++) {
            for (int i = Math.max(0, ci - 1); i <= Math.min(gx - 1, ci + 1); i++) {
                List<int[]> l = grid[j * gx + i];
                if (l == null) {
                    continue;
                }
                for (int[] a : l) {
                    int dx = a[0] - x;
                    int dy = a[1] - y;
                    if (dx * dx + dy * dy <= a[2] * a[2]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Aperture radius: 1.5 × the farthest of the four directions at which the star fades below 2 sigma, plus 2. */
    static int aperture(float[] d, int w, int h, Candidate c, double level, double noise) {
        double floor = level + 2 * noise;
        int far = 1;
        int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int[] dir : dirs) {
            int r = 1;
            while (r < MAX_RADIUS) {
                int x = c.x + dir[0] * r;
                int y = c.y + dir[1] * r;
                if (x < 0 || y < 0 || x >= w || y >= h || d[y * w + x] < floor) {
                    break;
                }
                r++;
            }
            far = Math.max(far, r);
        }
        return Math.max(3, Math.min(MAX_RADIUS, (int) Math.ceil(2 * far) + 2));
    }

    static Star measure(float[] d, int w, int h, int px, int py, int radius, Background bg, double noise) {
        // the sky under the star: the mesh, plane by plane (a gradient must not pull the centroid), and an offset
        // from the ring around it (the mesh is lifted a little by the stars in its tiles, and over a wide aperture
        // that small lift would eat the wings the HFR weighs most)
        int r0 = radius + 4;
        int sx0 = Math.max(0, px - r0);
        int sy0 = Math.max(0, py - r0);
        int sw = Math.min(w - 1, px + r0) - sx0 + 1;
        int sh = Math.min(h - 1, py + r0) - sy0 + 1;
        float[] sky = new float[sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                sky[y * sw + x] = (float) bg.at(sx0 + x, sy0 + y);
            }
        }
        double offset = ringOffset(d, w, sky, sx0, sy0, sw, sh, px, py, radius);
        double cx = px;
        double cy = py;
        // centroid on the positive light only, three passes around the moving centre
        for (int pass = 0; pass < 3; pass++) {
            double s = 0;
            double sx = 0;
            double sy = 0;
            int ix = (int) Math.round(cx);
            int iy = (int) Math.round(cy);
            for (int y = Math.max(0, iy - radius); y <= Math.min(h - 1, iy + radius); y++) {
                for (int x = Math.max(0, ix - radius); x <= Math.min(w - 1, ix + radius); x++) {
                    double dx = x - cx;
                    double dy = y - cy;
                    if (dx * dx + dy * dy > (double) radius * radius) {
                        continue;
                    }
                    if (x < sx0 || y < sy0 || x >= sx0 + sw || y >= sy0 + sh) {
                        continue;
                    }
                    double v = d[y * w + x] - sky[(y - sy0) * sw + x - sx0] - offset;
                    if (v > 0) {
                        s += v;
                        sx += v * x;
                        sy += v * y;
                    }
                }
            }
            if (s <= 0) {
                return null;
            }
            cx = sx / s;
            cy = sy / s;
        }
        int ix = (int) Math.round(cx);
        int iy = (int) Math.round(cy);
        double flux = 0;
        double moment = 0;
        double peak = 0;
        for (int y = Math.max(0, iy - radius); y <= Math.min(h - 1, iy + radius); y++) {
            for (int x = Math.max(0, ix - radius); x <= Math.min(w - 1, ix + radius); x++) {
                double dx = x - cx;
                double dy = y - cy;
                double r2 = dx * dx + dy * dy;
                if (r2 > (double) radius * radius) {
                    continue;
                }
                if (x < sx0 || y < sy0 || x >= sx0 + sw || y >= sy0 + sh) {
                    continue;
                }
                double v = d[y * w + x] - sky[(y - sy0) * sw + x - sx0] - offset;
                // negative pixels count as well: clipping them would bias the HFR of faint stars upwards
                flux += v;
                moment += v * Math.sqrt(r2);
                peak = Math.max(peak, v);
            }
        }
        if (flux <= 0 || moment <= 0) {
            return null;
        }
        double hfr = moment / flux;
        double[] fit = gaussianFit(d, w, h, cx, cy, radius, sky, sx0, sy0, sw, sh, offset, peak, noise);
        double fwhm = fit == null ? Double.NaN : fit[0];
        double ecc = fit == null ? Double.NaN : fit[1];
        if (fit != null && fwhm < 1.0) {
            return null; // narrower than a pixel: a clump of hot pixels, not a star
        }
        return new Star(cx, cy, peak, flux, hfr, fwhm, ecc);
    }

    /** Median of (pixel − mesh) in the ring radius < r <= radius + 4 around the star; 0 when the ring is off the frame. */
    static double ringOffset(float[] d, int w, float[] sky, int sx0, int sy0, int sw, int sh, int px, int py, int radius) {
        int outer = radius + 4;
        float[] ring = new float[sw * sh];
        int n = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int dx = sx0 + x - px;
                int dy = sy0 + y - py;
                int r2 = dx * dx + dy * dy;
                if (r2 > radius * radius && r2 <= outer * outer) {
                    ring[n++] = d[(sy0 + y) * w + sx0 + x] - sky[y * sw + x];
                }
            }
        }
        return n < 16 ? 0 : Background.select(ring, n, n / 2);
    }

    /**
     * ln v = c0 + c1 x + c2 y + c3 x² + c4 xy + c5 y², weighted by v² (the log's noise falls with the value), on
     * the pixels above a quarter of the peak. Returns {fwhm, eccentricity} or null when the quadratic is not a peak.
     */
    static double[] gaussianFit(float[] d, int w, int h, double cx, double cy, int radius, float[] sky, int sx0, int sy0,
                                int sw, int sh, double offset, double peak, double noise) {
        double cut = Math.max(0.4 * peak, 3 * noise);
        double[][] m = new double[6][7];
        int n = 0;
        int r = Math.min(radius, MAX_RADIUS);
        int ix = (int) Math.round(cx);
        int iy = (int) Math.round(cy);
        double[] basis = new double[6];
        for (int y = Math.max(0, iy - r); y <= Math.min(h - 1, iy + r); y++) {
            for (int x = Math.max(0, ix - r); x <= Math.min(w - 1, ix + r); x++) {
                if (x < sx0 || y < sy0 || x >= sx0 + sw || y >= sy0 + sh) {
                    continue;
                }
                double v = d[y * w + x] - sky[(y - sy0) * sw + x - sx0] - offset;
                if (v <= cut) {
                    continue;
                }
                double dx = x - cx;
                double dy = y - cy;
                basis[0] = 1;
                basis[1] = dx;
                basis[2] = dy;
                basis[3] = dx * dx;
                basis[4] = dx * dy;
                basis[5] = dy * dy;
                double wgt = v * v;
                double lv = Math.log(v);
                for (int a = 0; a < 6; a++) {
                    double wa = wgt * basis[a];
                    for (int b = a; b < 6; b++) {
                        m[a][b] += wa * basis[b];
                    }
                    m[a][6] += wa * lv;
                }
                n++;
            }
        }
        if (n < 7) {
            return null;
        }
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < a; b++) {
                m[a][b] = m[b][a];
            }
        }
        double[] c = solve(m);
        if (c == null) {
            return null;
        }
        // the inverse covariance is −2 × the quadratic form
        double a11 = -2 * c[3];
        double a12 = -c[4];
        double a22 = -2 * c[5];
        double tr = a11 + a22;
        double det = a11 * a22 - a12 * a12;
        if (tr <= 0 || det <= 0) {
            return null;
        }
        double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        double lSmall = tr / 2 - disc; // smallest eigenvalue: the long axis
        double lLarge = tr / 2 + disc;
        if (lSmall <= 0) {
            return null;
        }
        double sigmaLong = 1 / Math.sqrt(lSmall);
        double sigmaShort = 1 / Math.sqrt(lLarge);
        double fwhm = 2 * Math.sqrt(2 * Math.log(2)) * Math.sqrt(sigmaLong * sigmaShort);
        double ecc = Math.sqrt(Math.max(0, 1 - (sigmaShort * sigmaShort) / (sigmaLong * sigmaLong)));
        return new double[] {fwhm, ecc};
    }

    /** Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix; null when singular. */
    static double[] solve(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int best = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[best][col])) {
                    best = r;
                }
            }
            if (Math.abs(m[best][col]) < 1e-300) {
                return null;
            }
            double[] t = m[col];
            m[col] = m[best];
            m[best] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[r][k] -= f * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
