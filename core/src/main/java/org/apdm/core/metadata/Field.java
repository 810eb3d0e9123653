package org.apdm.core.metadata;

import java.util.Locale;

/** The normalised values apdm works with; {@link #key()} is the name used in configuration. */
public enum Field {
    TYPE("type"),
    OPTIC("optic"),
    FOCAL_RATIO("focal_ratio"),
    CAMERA("camera"),
    TARGET("target"),
    PANEL("panel"),
    FILTER("filter"),
    EXPOSURE("exposure"),
    SETTEMP("settemp"),
    TEMP("temp"),
    /** The night: the date the night started, not the calendar date of the exposure. */
    DATE("date"),
    /** Exposure start, {@code yyyy-MM-dd_HH-mm-ss}, used as the file name. */
    DATETIME("datetime"),
    GAIN("gain"),
    OFFSET("offset"),
    READOUT_MODE("readoutmode"),
    LATITUDE("latitude"),
    LONGITUDE("longitude"),
    FOCAL_LENGTH("focallen"),
    BINNING("binning"),
    HFR("hfr"),
    STARS("stars"),
    RMSAC("rmsac");

    private static final Field[] VALUES = values();
    private final String key;

    Field(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Finds a field by its configuration name ({@code exposure}, {@code readoutmode}), or null. */
    public static Field byKey(String name) {
        String k = name.toLowerCase(Locale.ROOT).trim();
        for (Field f : VALUES) {
            if (f.key.equals(k)) {
                return f;
            }
        }
        return switch (k) {
            case "readout_mode", "readoutm" -> READOUT_MODE;
            case "exposureseconds", "exp" -> EXPOSURE;
            case "set_temp", "set-temp" -> SETTEMP;
            case "focalratio" -> FOCAL_RATIO;
            case "targetname", "object" -> TARGET;
            case "rms" -> RMSAC;
            default -> null;
        };
    }
}
