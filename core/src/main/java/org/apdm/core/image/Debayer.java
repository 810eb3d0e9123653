package org.apdm.core.image;

/**
 * Bilinear demosaicing of a CFA frame: each missing colour is the mean of the nearest pixels of that colour
 * (2 or 4 neighbours). Enough for display and for star measurement; not for processing.
 */
public final class Debayer {

    private Debayer() {
    }

    /** An RGB image; a frame without a pattern is returned as it is. */
    public static ImageData bilinear(ImageData cfa) {
        if (!cfa.isCfa()) {
            return cfa;
        }
        int w = cfa.width();
        int h = cfa.height();
        float[] src = cfa.planes()[0];
        float[][] rgb = {new float[src.length], new float[src.length], new float[src.length]};
        BayerPattern bp = cfa.bayer();
        java.util.stream.IntStream.range(0, h).parallel().forEach(y -> {
            float[] sum = new float[3];
            int[] cnt = new int[3];
            for (int x = 0; x < w; x++) {
                int own = bp.colourAt(x, y);
                java.util.Arrays.fill(sum, 0);
                java.util.Arrays.fill(cnt, 0);
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w || (dx == 0 && dy == 0)) {
                            continue;
                        }
                        int c = bp.colourAt(xx, yy);
                        // green has 4 direct neighbours: use those only (diagonals are green too for a green pixel)
                        if (c == BayerPattern.GREEN && dx != 0 && dy != 0) {
                            continue;
                        }
                        sum[c] += src[yy * w + xx];
                        cnt[c]++;
                    }
                }
                int i = y * w + x;
                for (int c = 0; c < 3; c++) {
                    rgb[c][i] = c == own ? src[i] : cnt[c] > 0 ? sum[c] / cnt[c] : src[i];
                }
            }
        });
        return new ImageData(w, h, rgb, null);
    }

}
