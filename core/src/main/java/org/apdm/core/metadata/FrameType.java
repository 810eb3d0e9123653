package org.apdm.core.metadata;

import java.util.Locale;

/** Frame types apdm sorts; anything else (SNAPSHOT, a typo) is {@link #OTHER}. */
public enum FrameType {
    LIGHT, DARK, FLAT, BIAS, MASTER_DARK, MASTER_FLAT, MASTER_BIAS, MASTER_LIGHT, OTHER;

    /** Parses a normalised IMAGETYP value such as {@code LIGHT} or {@code MASTER DARK}. */
    public static FrameType of(String imagetyp) {
        if (imagetyp == null) {
            return OTHER;
        }
        String t = imagetyp.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
        return switch (t) {
            case "LIGHT", "LIGHT FRAME" -> LIGHT;
            case "DARK", "DARK FRAME" -> DARK;
            case "FLAT", "FLAT FRAME", "FLAT FIELD" -> FLAT;
            case "BIAS", "BIAS FRAME", "OFFSET" -> BIAS;
            case "MASTER DARK", "MASTERDARK" -> MASTER_DARK;
            case "MASTER FLAT", "MASTERFLAT" -> MASTER_FLAT;
            case "MASTER BIAS", "MASTERBIAS", "MASTER OFFSET" -> MASTER_BIAS;
            case "MASTER LIGHT", "MASTERLIGHT" -> MASTER_LIGHT;
            default -> OTHER;
        };
    }

    public boolean isMaster() {
        return name().startsWith("MASTER");
    }

    public boolean isCalibration() {
        return this == DARK || this == FLAT || this == BIAS;
    }

    /** The folder name used for raw calibration frames ({@code BIAS}, {@code DARK}, {@code FLAT}). */
    public String folderName() {
        return name().replace('_', ' ');
    }
}
