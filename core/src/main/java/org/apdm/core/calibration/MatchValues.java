package org.apdm.core.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apdm.core.layout.PathSanitizer;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;

/**
 * A frame's values in the form they are compared in: normalised text, equal or not (no tolerances, as in the
 * user's scripts). Camera and optic compare in their folder form and ignore case, because a light's come from
 * its rig folder and a master's from its header. An absent value equals only an absent value.
 */
public final class MatchValues {

    private static final Field[] FIELDS = Field.values();

    private final String[] values;

    private MatchValues(String[] values) {
        this.values = values;
    }

    public static MatchValues of(FrameMetadata m) {
        String[] v = new String[FIELDS.length];
        for (Field f : FIELDS) {
            v[f.ordinal()] = canonical(f, m.get(f));
        }
        return new MatchValues(v);
    }

    public String get(Field f) {
        return values[f.ordinal()];
    }

    /** Equal in every key. */
    public boolean sameAs(MatchValues other, List<Field> keys) {
        for (Field f : keys) {
            if (!Objects.equals(values[f.ordinal()], other.values[f.ordinal()])) {
                return false;
            }
        }
        return true;
    }

    /** Equal in every key but one. */
    public boolean sameExcept(MatchValues other, List<Field> keys, Field except) {
        for (Field f : keys) {
            if (f != except && !Objects.equals(values[f.ordinal()], other.values[f.ordinal()])) {
                return false;
            }
        }
        return true;
    }

    public static String canonical(Field f, String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.trim();
        if (v.isEmpty()) {
            return null;
        }
        return switch (f) {
            case CAMERA -> PathSanitizer.component(v).toLowerCase(Locale.ROOT);
            case OPTIC -> PathSanitizer.component(v.replace('@', '-').replace('+', '-')).toLowerCase(Locale.ROOT);
            default -> v;
        };
    }
}
