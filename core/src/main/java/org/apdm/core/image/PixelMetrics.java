package org.apdm.core.image;

/**
 * What a frame's pixels say about it. Star metrics are medians over the measured stars and null when no star was
 * measured.
 *
 * @param stars        stars detected and measured
 * @param hfr          half-flux radius in pixels, N.I.N.A.'s way: background-subtracted flux-weighted mean distance
 *                     from the star's centroid
 * @param fwhm         full width at half maximum in pixels from an elliptical Gaussian fit, the geometric mean of
 *                     both axes
 * @param eccentricity sqrt(1 − b²/a²) of the fitted ellipse: 0 round, towards 1 elongated
 * @param background   median background level (ADU as stored)
 * @param noise        robust standard deviation of the background (1.4826 × MAD)
 */
public record PixelMetrics(int stars, Double hfr, Double fwhm, Double eccentricity, double background, double noise) {

    /** The names cull passes and the blink overlay use: {@code px_stars}, {@code px_hfr}, … */
    public static final java.util.List<String> TOKENS = java.util.List.of("px_stars", "px_hfr", "px_fwhm",
            "px_eccentricity", "px_background", "px_noise");

    /** The value of a {@code px_*} token, or null when the frame has none (no stars) or the token is unknown. */
    public Double value(String token) {
        return switch (token.toLowerCase(java.util.Locale.ROOT)) {
            case "px_stars" -> (double) stars;
            case "px_hfr" -> hfr;
            case "px_fwhm" -> fwhm;
            case "px_eccentricity" -> eccentricity;
            case "px_background" -> background;
            case "px_noise" -> noise;
            default -> null;
        };
    }

    public static boolean isToken(String metric) {
        return metric.toLowerCase(java.util.Locale.ROOT).startsWith("px_");
    }
}
