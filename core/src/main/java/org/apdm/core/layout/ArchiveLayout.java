package org.apdm.core.layout;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.FrameType;
import org.apdm.core.metadata.ImageFormat;

/**
 * The folder conventions of the user's archive (DIRECTORY_CONVENTIONS.md, reference-spec §1.5, §3).
 *
 * <pre>
 * light:       {rig}/10_Blink/{target}/DATE_{night}/FILTER_{f}_EXP_{e}[_SETTEMP_{t}][_PANEL_{p}]/{file}
 * calibration: {TYPE}/{optic}+{camera}/DATE_{night}/FILTER_{f}_EXP_{e}[_SETTEMP_{t}]/{file}
 * file:        {datetime}[_HFR_x][_STARS_x][_RMSAC_x][_TEMP_x].{ext}
 * </pre>
 * Pure: builds relative names, touches no file. Every value passes through {@link PathSanitizer}.
 */
public final class ArchiveLayout {

    public static final String MISC = "00_Misc";
    public static final String BLINK = "10_Blink";
    public static final String DATA = "20_Data";
    public static final String MASTER = "30_Master";
    public static final String PROCESS = "40_Process";
    public static final String BAKE = "50_Bake";
    public static final String DONE = "60_Done";
    public static final List<String> STAGES = List.of(MISC, BLINK, DATA, MASTER, PROCESS, BAKE, DONE);
    public static final String ACCEPT = "accept";
    public static final String DATE_PREFIX = "DATE_";

    private static final Set<Field> CALIBRATION_REQUIRED =
            EnumSet.of(Field.CAMERA, Field.TYPE, Field.DATE, Field.EXPOSURE, Field.DATETIME);
    private static final Set<Field> FLAT_REQUIRED = union(CALIBRATION_REQUIRED,
            EnumSet.of(Field.OPTIC, Field.FOCAL_RATIO, Field.FILTER));
    private static final Set<Field> LIGHT_REQUIRED = union(FLAT_REQUIRED, EnumSet.of(Field.TARGET));

    private ArchiveLayout() {
    }

    private static Set<Field> union(Set<Field> a, Set<Field> b) {
        EnumSet<Field> s = EnumSet.copyOf(a);
        s.addAll(b);
        return s;
    }

    /** Values a frame of this type must have to be placed (reference-spec §3). */
    public static Set<Field> requiredFields(FrameType type) {
        return switch (type) {
            case LIGHT -> LIGHT_REQUIRED;
            case FLAT -> FLAT_REQUIRED;
            default -> CALIBRATION_REQUIRED;
        };
    }

    /** The required values the frame lacks, in a stable order; empty when it can be placed. */
    public static List<Field> missing(FrameMetadata m) {
        List<Field> out = new ArrayList<>();
        for (Field f : requiredFields(m.type())) {
            if (!m.has(f)) {
                out.add(f);
            }
        }
        return out;
    }

    public static String rigFolder(FrameMetadata m) {
        return RigName.folderName(m.get(Field.OPTIC), m.get(Field.FOCAL_RATIO), m.get(Field.CAMERA));
    }

    /** Names below the data root for a light, stage included. */
    public static List<String> lightPath(FrameMetadata m, String stage) {
        List<String> out = new ArrayList<>(6);
        out.add(rigFolder(m));
        out.add(stage);
        out.add(TargetFolderName.of(m.get(Field.TARGET)));
        out.add(dateFolder(m.get(Field.DATE)));
        StringBuilder group = new StringBuilder("FILTER_").append(PathSanitizer.tokenValue(m.get(Field.FILTER)))
                .append("_EXP_").append(PathSanitizer.tokenValue(m.get(Field.EXPOSURE)));
        if (m.has(Field.SETTEMP)) {
            group.append("_SETTEMP_").append(PathSanitizer.tokenValue(m.get(Field.SETTEMP)));
        }
        if (m.has(Field.PANEL)) {
            group.append("_PANEL_").append(PathSanitizer.tokenValue(m.get(Field.PANEL)));
        }
        out.add(PathSanitizer.component(group.toString()));
        out.add(frameFileName(m));
        return out;
    }

    /** The target folder of a light: {@code {rig}/{stage}/{target}}. */
    public static List<String> targetPath(FrameMetadata m, String stage) {
        return lightPath(m, stage).subList(0, 3);
    }

    /** Names below the calibration root for a raw bias, dark or flat. */
    public static List<String> calibrationPath(FrameMetadata m) {
        List<String> out = new ArrayList<>(5);
        out.add(m.type().folderName());
        String camera = PathSanitizer.component(m.get(Field.CAMERA));
        out.add(m.has(Field.OPTIC)
                ? PathSanitizer.component(m.get(Field.OPTIC).replace('+', '-') + "+" + m.get(Field.CAMERA))
                : camera);
        out.add(dateFolder(m.get(Field.DATE)));
        StringBuilder group = new StringBuilder();
        if (m.has(Field.FILTER)) {
            group.append("FILTER_").append(PathSanitizer.tokenValue(m.get(Field.FILTER))).append('_');
        }
        group.append("EXP_").append(PathSanitizer.tokenValue(m.get(Field.EXPOSURE)));
        if (m.has(Field.SETTEMP)) {
            group.append("_SETTEMP_").append(PathSanitizer.tokenValue(m.get(Field.SETTEMP)));
        }
        out.add(PathSanitizer.component(group.toString()));
        out.add(frameFileName(m));
        return out;
    }

    public static String dateFolder(String night) {
        return PathSanitizer.component(DATE_PREFIX + night);
    }

    /** {@code {datetime}[_HFR_x][_STARS_x][_RMSAC_x][_TEMP_x]} plus the original extension. */
    public static String frameFileName(FrameMetadata m) {
        StringBuilder stem = new StringBuilder(m.get(Field.DATETIME));
        appendToken(stem, "HFR", m.get(Field.HFR));
        appendToken(stem, "STARS", m.get(Field.STARS));
        appendToken(stem, "RMSAC", m.get(Field.RMSAC));
        appendToken(stem, "TEMP", m.get(Field.TEMP));
        String name = m.file().getFileName().toString();
        return PathSanitizer.fileName(stem.toString(), ImageFormat.extension(name));
    }

    private static void appendToken(StringBuilder sb, String key, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append('_').append(key).append('_').append(PathSanitizer.tokenValue(value));
        }
    }
}
