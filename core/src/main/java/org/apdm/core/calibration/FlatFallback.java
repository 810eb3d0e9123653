package org.apdm.core.calibration;

import java.util.Locale;

/** What to do when no master flat has the night's own date. */
public enum FlatFallback {
    /** Only a flat of the same night (the default: nothing is guessed). */
    NONE("none"),
    /** The nearest earlier flat within the same rig period. */
    EARLIER("earlier"),
    /** The nearest later flat within the same rig period. */
    LATER("later"),
    /** The nearest flat either side within the same rig period; earlier wins a tie. */
    NEAREST("nearest"),
    /** Ask: the command line prompts, the window offers a choice. */
    ASK("ask");

    private final String configName;

    FlatFallback(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static FlatFallback parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (FlatFallback f : values()) {
            if (f.configName.equals(t)) {
                return f;
            }
        }
        return null;
    }
}
