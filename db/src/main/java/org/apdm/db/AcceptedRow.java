package org.apdm.db;

/**
 * One row of {@code accepted_data}: a folder of accepted lights, with names instead of ids.
 *
 * @param id             row id, or null for a row not yet written
 * @param rawDirectory   the folder, absolute, as the operating system writes it
 * @param date           night {@code yyyy-MM-dd}
 * @param panel          mosaic panel, "" when none
 * @param shutterSeconds exposure per frame
 * @param count          light frames in the folder
 * @param filter         filter name, or null when unknown
 * @param locationId     site row id, or null when the folder matched no site
 * @param gain           camera gain, or null
 * @param sensorCooling  set temperature in whole °C, or null
 * @param darks          frames in the master dark, or null; likewise {@code flats}, {@code bias}
 */
public record AcceptedRow(Integer id, String rawDirectory, String date, String panel, Double shutterSeconds, int count,
                          String camera, String optic, String focalRatio, String target, String filter,
                          Integer locationId, Double gain, Integer sensorCooling, Integer darks, Integer flats,
                          Integer bias) {

    public String rig() {
        return optic + "@f" + focalRatio + "+" + camera;
    }

    /** Hours of light; a folder of unknown exposure (a DSLR night without EXIF) counts frames, not hours. */
    public double hours() {
        return shutterSeconds == null ? 0 : count * shutterSeconds / 3600.0;
    }

    public AcceptedRow withId(Integer newId) {
        return new AcceptedRow(newId, rawDirectory, date, panel, shutterSeconds, count, camera, optic, focalRatio, target,
                filter, locationId, gain, sensorCooling, darks, flats, bias);
    }

    /** The same values apart from the id (and the folder when {@code withFolder} is false). */
    public boolean sameValues(AcceptedRow o, boolean withFolder) {
        return (!withFolder || java.util.Objects.equals(rawDirectory, o.rawDirectory))
                && java.util.Objects.equals(date, o.date) && java.util.Objects.equals(panel, o.panel)
                && sameExposure(shutterSeconds, o.shutterSeconds) && count == o.count
                && java.util.Objects.equals(camera, o.camera) && java.util.Objects.equals(optic, o.optic)
                && java.util.Objects.equals(focalRatio, o.focalRatio) && java.util.Objects.equals(target, o.target)
                && java.util.Objects.equals(filter, o.filter) && java.util.Objects.equals(locationId, o.locationId)
                && java.util.Objects.equals(gain, o.gain) && java.util.Objects.equals(sensorCooling, o.sensorCooling)
                && java.util.Objects.equals(darks, o.darks) && java.util.Objects.equals(flats, o.flats)
                && java.util.Objects.equals(bias, o.bias);
    }

    private static boolean sameExposure(Double a, Double b) {
        return a == null || b == null ? a == b : Math.abs(a - b) < 1e-9;
    }

    /** What differs from {@code old}, for messages ("count 12 → 14, filter LexTr → LeXtr"). */
    public String changesFrom(AcceptedRow old) {
        StringBuilder sb = new StringBuilder();
        diff(sb, "folder", old.rawDirectory, rawDirectory);
        diff(sb, "night", old.date, date);
        diff(sb, "panel", old.panel, panel);
        diff(sb, "exposure", fmt(old.shutterSeconds), fmt(shutterSeconds));
        diff(sb, "count", old.count, count);
        diff(sb, "rig", old.rig(), rig());
        diff(sb, "target", old.target, target);
        diff(sb, "filter", old.filter, filter);
        diff(sb, "site", old.locationId, locationId);
        diff(sb, "gain", old.gain, gain);
        diff(sb, "cooling", old.sensorCooling, sensorCooling);
        diff(sb, "darks", old.darks, darks);
        diff(sb, "flats", old.flats, flats);
        diff(sb, "bias", old.bias, bias);
        return sb.toString();
    }

    private static void diff(StringBuilder sb, String label, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(label).append(' ').append(a).append(" → ").append(b);
        }
    }

    /** An exposure as stored: whole seconds without decimals ({@code 120}), else as needed ({@code 0.05}). */
    public static String fmt(Double seconds) {
        if (seconds == null) {
            return "?";
        }
        if (seconds == Math.rint(seconds)) {
            return Long.toString(seconds.longValue());
        }
        return java.math.BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
}
