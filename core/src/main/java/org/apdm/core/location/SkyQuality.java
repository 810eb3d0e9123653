package org.apdm.core.location;

/**
 * How dark a site's sky is, as Clear Outside reports it; any part may be null (unknown).
 *
 * @param magnitude            sky quality, mag/arcsec²
 * @param bortle               Bortle class 1–9
 * @param brightness           total sky brightness, mcd/m²
 * @param artificialBrightness artificial sky brightness, μcd/m²
 */
public record SkyQuality(String magnitude, Integer bortle, String brightness, String artificialBrightness) {

    public static final SkyQuality UNKNOWN = new SkyQuality(null, null, null, null);

    public boolean isUnknown() {
        return magnitude == null && bortle == null && brightness == null && artificialBrightness == null;
    }
}
