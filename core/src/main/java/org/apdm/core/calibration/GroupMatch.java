package org.apdm.core.calibration;

import java.util.List;
import java.util.stream.Stream;

/** The dark, flat and bias of one group of lights. */
public record GroupMatch(MasterMatch dark, MasterMatch flat, MasterMatch bias) {

    public List<MasterMatch> all() {
        return List.of(dark, flat, bias);
    }

    public boolean satisfied() {
        return dark.satisfied() && flat.satisfied() && bias.satisfied();
    }

    /** Why the group is not calibrated, e.g. "missing flat; ambiguous dark"; empty when it is. */
    public List<MasterMatch> problems() {
        return Stream.of(dark, flat, bias).filter(m -> !m.satisfied()).toList();
    }
}
