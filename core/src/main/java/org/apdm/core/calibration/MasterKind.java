package org.apdm.core.calibration;

import java.util.List;
import java.util.Locale;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.FrameType;

/** The three kinds of master calibration frame apdm archives, distributes and checks. */
public enum MasterKind {
    BIAS("masterBias", "bias", FrameType.MASTER_BIAS, FrameType.BIAS),
    DARK("masterDark", "dark", FrameType.MASTER_DARK, FrameType.DARK),
    FLAT("masterFlat", "flat", FrameType.MASTER_FLAT, FrameType.FLAT);

    private final String prefix;
    private final String label;
    private final FrameType masterType;
    private final FrameType rawType;

    MasterKind(String prefix, String label, FrameType masterType, FrameType rawType) {
        this.prefix = prefix;
        this.label = label;
        this.masterType = masterType;
        this.rawType = rawType;
    }

    /** The file-name prefix PixInsight and the user's libraries use ({@code masterDark}). */
    public String prefix() {
        return prefix;
    }

    /** Lower-case word for reports ({@code dark}). */
    public String label() {
        return label;
    }

    public FrameType rawType() {
        return rawType;
    }

    /** The matching keys of this kind in a rig's key set. */
    public List<Field> keys(CalibrationKeys keys) {
        return switch (this) {
            case BIAS -> keys.bias();
            case DARK -> keys.darks();
            case FLAT -> keys.flats();
        };
    }

    /** The kind of the raw frame type ({@code DARK} → dark), or null. */
    public static MasterKind ofRaw(FrameType type) {
        for (MasterKind k : values()) {
            if (k.rawType == type) {
                return k;
            }
        }
        return null;
    }

    /**
     * The kind of a master, or null when the file is not a master bias, dark or flat.
     *
     * <p>IMAGETYP {@code MASTER DARK} (any case) decides. PixInsight writes a plain {@code DARK} or {@code Dark}
     * into masters it integrates, so a plain type counts on a file whose name starts with {@code master}. Without
     * IMAGETYP the name decides ({@code masterDark_…}). A light, or a plain type on a file not named master…, is no master.
     */
    public static MasterKind detect(FrameMetadata m, String fileName) {
        FrameType type = m.type();
        for (MasterKind k : values()) {
            if (type == k.masterType) {
                return k;
            }
        }
        boolean masterName = fileName.toLowerCase(Locale.ROOT).startsWith("master");
        if (!masterName) {
            return null;
        }
        if (m.has(Field.TYPE)) {
            return ofRaw(type);
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (MasterKind k : values()) {
            if (lower.startsWith(k.prefix.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }
}
