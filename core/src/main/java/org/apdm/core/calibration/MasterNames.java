package org.apdm.core.calibration;

import java.util.List;
import org.apdm.core.layout.PathSanitizer;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.ImageFormat;

/**
 * The name a master gets in the library and next to the lights: the kind's prefix and every value it is matched
 * on, in the user's order (reference-spec §5.1), e.g.
 * {@code masterDark_EXPOSURE_300.00_SETTEMP_-10.00_GAIN_100_OFFSET_50_READOUTM_HCG.xisf} and
 * {@code masterFlat_DATE_2025-03-01_FILTER_L_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf}, then any further key the rig
 * is configured to match on ({@code _FOCALLEN_2032}, {@code _BIN_2x2}). A flat carries its night as {@code DATE_},
 * never {@code DATE-OBS_}. Values the master lacks are left out; camera and optic are folders. The name reads back
 * to the same values.
 */
public final class MasterNames {

    private static final List<Field> BIAS = List.of(Field.SETTEMP, Field.GAIN, Field.OFFSET, Field.READOUT_MODE);
    private static final List<Field> DARK = List.of(Field.EXPOSURE, Field.SETTEMP, Field.GAIN, Field.OFFSET,
            Field.READOUT_MODE);
    private static final List<Field> FLAT = List.of(Field.DATE, Field.FILTER, Field.SETTEMP, Field.GAIN, Field.OFFSET,
            Field.READOUT_MODE);

    private MasterNames() {
    }

    /**
     * @param keys the keys the master is matched on; those beyond the kind's usual ones are appended
     */
    public static String fileName(MasterKind kind, FrameMetadata m, String originalName, List<Field> keys) {
        StringBuilder stem = new StringBuilder(kind.prefix());
        List<Field> usual = fields(kind);
        for (Field f : usual) {
            append(stem, f, m.get(f));
        }
        for (Field f : keys) {
            if (!usual.contains(f) && f != Field.CAMERA && f != Field.OPTIC && f != Field.TYPE) {
                append(stem, f, m.get(f));
            }
        }
        return PathSanitizer.fileName(stem.toString(), ImageFormat.extension(originalName));
    }

    private static void append(StringBuilder stem, Field f, String v) {
        if (v != null && !v.isBlank()) {
            stem.append('_').append(token(f)).append('_').append(PathSanitizer.tokenValue(v));
        }
    }

    /** The values every name of this kind carries (when the master has them), in order. */
    public static List<Field> fields(MasterKind kind) {
        return switch (kind) {
            case BIAS -> BIAS;
            case DARK -> DARK;
            case FLAT -> FLAT;
        };
    }

    /** The keyword a value is written as in names and looked for in headers. */
    public static String token(Field f) {
        return switch (f) {
            case FOCAL_LENGTH -> "FOCALLEN";
            case READOUT_MODE -> "READOUTM";
            case OPTIC -> "TELESCOP";
            case CAMERA -> "INSTRUME";
            case BINNING -> "BIN";
            default -> f.key().toUpperCase(java.util.Locale.ROOT);
        };
    }
}
