package org.apdm.core.image;

import java.util.Locale;

/**
 * A 2×2 colour filter pattern, already shifted by the frame's XBAYROFF/YBAYROFF so that {@link #colourAt}
 * answers for the pixel at (x, y) of the stored image.
 *
 * @param pattern RGGB, BGGR, GRBG or GBRG: the colours of (0,0), (1,0), (0,1), (1,1) before the offsets
 * @param xOffset XBAYROFF (0 or 1)
 * @param yOffset YBAYROFF (0 or 1)
 */
public record BayerPattern(String pattern, int xOffset, int yOffset) {

    public static final int RED = 0;
    public static final int GREEN = 1;
    public static final int BLUE = 2;

    public BayerPattern {
        pattern = pattern.trim().toUpperCase(Locale.ROOT);
        if (!pattern.matches("RGGB|BGGR|GRBG|GBRG")) {
            throw new IllegalArgumentException("unknown Bayer pattern '" + pattern + "' (RGGB, BGGR, GRBG or GBRG)");
        }
        xOffset = Math.floorMod(xOffset, 2);
        yOffset = Math.floorMod(yOffset, 2);
    }

    /** The pattern a header declares, or null when it declares none or one apdm does not know. */
    public static BayerPattern fromHeader(String bayerpat, String xOff, String yOff) {
        if (bayerpat == null || bayerpat.isBlank()) {
            return null;
        }
        String p = bayerpat.trim().replace("'", "").trim().toUpperCase(Locale.ROOT);
        if (!p.matches("RGGB|BGGR|GRBG|GBRG")) {
            return null;
        }
        return new BayerPattern(p, offset(xOff), offset(yOff));
    }

    private static int offset(String v) {
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return (int) Math.round(Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** RED, GREEN or BLUE for the stored pixel (x, y). */
    public int colourAt(int x, int y) {
        int px = (x + xOffset) & 1;
        int py = (y + yOffset) & 1;
        char c = pattern.charAt(py * 2 + px);
        return c == 'R' ? RED : c == 'G' ? GREEN : BLUE;
    }
}
