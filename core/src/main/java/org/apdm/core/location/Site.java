package org.apdm.core.location;

/**
 * An imaging site.
 *
 * @param name      short name ({@code RL}); a {@code LOCATION_<name>} folder token refers to it
 * @param latitude  decimal degrees, north positive, as text (the database keeps the user's digits)
 * @param longitude decimal degrees, east positive
 * @param sky       sky quality, {@link SkyQuality#UNKNOWN} when not entered or fetched
 */
public record Site(String name, String latitude, String longitude, SkyQuality sky) {

    public Site {
        sky = sky == null ? SkyQuality.UNKNOWN : sky;
    }

    public double lat() {
        return Double.parseDouble(latitude.trim());
    }

    public double lon() {
        return Double.parseDouble(longitude.trim());
    }

    public Site withSky(SkyQuality s) {
        return new Site(name, latitude, longitude, s);
    }
}
