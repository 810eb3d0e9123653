package org.apdm.core.location;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the site a folder of frames was taken at: a site named in the path ({@code LOCATION_3BA}) wins;
 * otherwise the configured site nearest the frame's SITELAT/SITELONG, if it lies within
 * {@code maxKm}. No match is no site, never a default (the old scripts put every unknown frame at RL).
 */
public final class SiteMatcher {

    private static final double EARTH_KM = 6371.0088;

    /** The outcome; {@code site} is null when nothing matched, and {@code warning} then says why. */
    public record Match(Site site, Double distanceKm, String warning) {
    }

    private final List<Site> sites;
    private final double maxKm;

    public SiteMatcher(List<Site> sites, double maxKm) {
        this.sites = List.copyOf(sites);
        this.maxKm = maxKm;
    }

    public Match match(String pathName, String latitude, String longitude) {
        String note = null;
        if (pathName != null && !pathName.isBlank()) {
            for (Site s : sites) {
                if (s.name() != null && s.name().equalsIgnoreCase(pathName.trim())) {
                    return new Match(s, null, null);
                }
            }
            note = "LOCATION_" + pathName + " in the path is not a known site (apdm location list)";
        }
        Double lat = number(latitude);
        Double lon = number(longitude);
        if (lat == null || lon == null) {
            return new Match(null, null, note != null ? note : "the frames have no SITELAT/SITELONG");
        }
        Site best = null;
        double bestKm = Double.POSITIVE_INFINITY;
        for (Site s : sites) {
            try {
                double d = distanceKm(lat, lon, s.lat(), s.lon());
                if (d < bestKm) {
                    bestKm = d;
                    best = s;
                }
            } catch (NumberFormatException e) {
                // a site with unreadable coordinates matches nothing
            }
        }
        if (best == null || bestKm > maxKm) {
            String where = String.format(Locale.ROOT, "%s, %s", latitude, longitude);
            String w = best == null ? "no sites are configured (apdm location add)"
                    : String.format(Locale.ROOT, "taken at %s, %.0f km from the nearest site %s (more than %.0f km)",
                    where, bestKm, best.name(), maxKm);
            return new Match(null, null, note != null ? note + "; " + w : w);
        }
        return new Match(best, bestKm, note);
    }

    /** Great-circle distance (haversine). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Optional<Site> byName(String name) {
        return sites.stream().filter(s -> s.name() != null && s.name().equalsIgnoreCase(name)).findFirst();
    }
}
