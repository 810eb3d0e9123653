package org.apdm.core.calibration;

import java.util.List;
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

    /**
     * For a rig the configuration does not name (readout mode is added when its lights carry one). Rig-specific sets
     * are configuration ({@code rigs.<rig>.calibration.keys}, see apdm.example.yaml), not built in.
     */
    public static final CalibrationKeys DEFAULT = new CalibrationKeys(
            List.of(Field.EXPOSURE, Field.SETTEMP, Field.CAMERA, Field.GAIN, Field.OFFSET),
            List.of(Field.DATE, Field.OPTIC, Field.FILTER, Field.SETTEMP, Field.CAMERA, Field.GAIN, Field.OFFSET),
            List.of(Field.SETTEMP, Field.CAMERA, Field.GAIN, Field.OFFSET));

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
