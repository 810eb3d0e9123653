package org.apdm.core.metadata;

import java.util.Locale;

/** How the night a frame belongs to is computed from its timestamps. */
public enum NightDateRule {
    /** DATE-LOC minus 12 hours: the local date the night began. Works in every time zone. */
    LOCAL_MINUS_12H("date-loc-minus-12h"),
    /** DATE-OBS (UTC) minus 16 hours: the old scripts' rule, right only for US Eastern time. */
    UTC_MINUS_16H("date-obs-minus-16h");

    private final String configName;

    NightDateRule(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Parses the configuration spelling; null when unknown. */
    public static NightDateRule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (NightDateRule r : values()) {
            if (r.configName.equals(t) || r.name().toLowerCase(Locale.ROOT).equals(t)) {
                return r;
            }
        }
        return null;
    }
}
