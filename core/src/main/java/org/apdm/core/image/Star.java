package org.apdm.core.image;

/**
 * One measured star.
 *
 * @param x            centroid column (pixel centres at integers)
 * @param y            centroid row
 * @param peak         highest pixel above the background
 * @param flux         background-subtracted sum inside the aperture
 * @param hfr          flux-weighted mean distance from the centroid
 * @param fwhm         geometric mean FWHM of the Gaussian fit, or NaN when the fit failed
 * @param eccentricity of the fitted ellipse, or NaN when the fit failed
 */
public record Star(double x, double y, double peak, double flux, double hfr, double fwhm, double eccentricity) {
}
