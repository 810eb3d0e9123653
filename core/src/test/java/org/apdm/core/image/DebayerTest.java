package org.apdm.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DebayerTest {

    /** A flat scene of colour (r, g, b) seen through the pattern comes back as (r, g, b) everywhere. */
    @ParameterizedTest
    @ValueSource(strings = {"RGGB", "BGGR", "GRBG", "GBRG"})
    void aFlatColourSurvivesEveryPattern(String pattern) {
        BayerPattern p = new BayerPattern(pattern, 0, 0);
        int w = 8;
        int h = 6;
        float[] cfa = new float[w * h];
        float[] colour = {100, 200, 300};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cfa[y * w + x] = colour[p.colourAt(x, y)];
            }
        }
        ImageData rgb = Debayer.bilinear(new ImageData(w, h, new float[][] {cfa}, p));
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < w * h; i++) {
                assertEquals(colour[c], rgb.planes()[c][i], 1e-3, pattern + " channel " + c + " pixel " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RGGB", "BGGR", "GRBG", "GBRG"})
    void offsetsShiftThePattern(String pattern) {
        BayerPattern plain = new BayerPattern(pattern, 0, 0);
        BayerPattern shifted = new BayerPattern(pattern, 1, 1);
        assertEquals(plain.colourAt(1, 1), shifted.colourAt(0, 0));
        assertEquals(plain.colourAt(0, 1), shifted.colourAt(1, 0));
    }
}
