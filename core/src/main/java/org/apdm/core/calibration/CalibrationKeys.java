package org.apdm.core.calibration;

import java.util.List;
import java.util.Map;
import org.apdm.core.metadata.Field;

/**
 * The values a master must share with a night's lights to calibrate them (successor-repos §13).
 *
 * @param darks keys for master darks
 * @param flats keys for master flats
 * @param bias  keys for master bias (used with dark scaling)
 */
public record CalibrationKeys(List<Field> darks, List<Field> flats, List<Field> bias) {

    public CalibrationKeys {
        darks = List.copyOf(darks);
        flats = List.copyOf(flats);
        bias = List.copyOf(bias);
    }

    private static final CalibrationKeys COOLED = new CalibrationKeys(
            List.of(Field.EXPOSURE, Field.SETTEMP, Field.CAMERA, Field.GAIN, Field.OFFSET),
            List.of(Field.DATE, Field.OPTIC, Field.FILTER, Field.SETTEMP, Field.CAMERA, Field.GAIN, Field.OFFSET),
            List.of(Field.SETTEMP, Field.CAMERA, Field.GAIN, Field.OFFSET));

    private static final CalibrationKeys COOLED_READOUT = COOLED.withReadoutMode();

    private static final CalibrationKeys DWARF = new CalibrationKeys(
            List.of(Field.EXPOSURE, Field.CAMERA, Field.GAIN),
            List.of(Field.DATE, Field.OPTIC, Field.FILTER, Field.CAMERA, Field.GAIN),
            List.of(Field.CAMERA, Field.GAIN));

    /** The user's own keys by rig folder name (issue 4; reference-spec §5.1). */
    public static final Map<String, CalibrationKeys> BY_RIG = Map.of(
            "C8E@f10.0+ZWO ASI2600MM Pro", COOLED,
            "SQA55@f5.3+ATR585M", COOLED_READOUT,
            "DWARFIII@f4.3+DWARFIII", DWARF);

    /** For a rig the configuration does not name: the first set (readout mode is added when lights carry it). */
    public static final CalibrationKeys DEFAULT = COOLED;

    public CalibrationKeys withReadoutMode() {
        return new CalibrationKeys(plus(darks, Field.READOUT_MODE), plus(flats, Field.READOUT_MODE),
                plus(bias, Field.READOUT_MODE));
    }

    private static List<Field> plus(List<Field> keys, Field f) {
        if (keys.contains(f)) {
            return keys;
        }
        java.util.ArrayList<Field> out = new java.util.ArrayList<>(keys);
        out.add(f);
        return out;
    }
}
