package org.apdm.core.image;

import java.util.Objects;

/**
 * The pixels of one frame as floats, one plane per channel, rows top to bottom as stored.
 * Values are physical: FITS integers with BZERO/BSCALE applied (ADU), XISF floats as written (usually 0..1).
 *
 * @param width    pixels per row
 * @param height   rows
 * @param planes   one array of {@code width*height} values per channel (1 = mono or CFA, 3 = RGB)
 * @param bayer    the colour filter pattern of a one-channel CFA frame, or null when none is declared
 */
public record ImageData(int width, int height, float[][] planes, BayerPattern bayer) {

    public ImageData {
        Objects.requireNonNull(planes);
        if (width <= 0 || height <= 0 || planes.length == 0) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        for (float[] p : planes) {
            if (p.length != (long) width * height) {
                throw new IllegalArgumentException("plane of " + p.length + " values for " + width + "x" + height);
            }
        }
    }

    public ImageData(int width, int height, float[] mono) {
        this(width, height, new float[][] {mono}, null);
    }

    public int channels() {
        return planes.length;
    }

    public boolean isCfa() {
        return bayer != null && planes.length == 1;
    }

    /**
     * One plane to measure stars on: the plane itself for mono frames, the channel mean for RGB, and for a CFA
     * frame the debayered luminance (a raw CFA has a checkerboard that breaks star profiles).
     */
    public float[] luminance() {
        if (isCfa()) {
            return Debayer.bilinear(this).luminance();
        }
        if (planes.length == 1) {
            return planes[0];
        }
        float[] out = new float[planes[0].length];
        float k = 1f / planes.length;
        for (float[] p : planes) {
            for (int i = 0; i < out.length; i++) {
                out[i] += p[i] * k;
            }
        }
        return out;
    }
}
