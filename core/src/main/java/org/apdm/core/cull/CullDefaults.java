package org.apdm.core.cull;

import java.util.List;
import java.util.Map;

/** The user's own cull passes (reference-spec §4), used for rigs the configuration does not name. */
public final class CullDefaults {

    private CullDefaults() {
    }

    static CullPass absolute(String name, double maxHfr, double maxRms, double autoAccept) {
        return new CullPass(name, List.of(new CullPass.Limit("hfr", maxHfr, null),
                new CullPass.Limit("rmsac", maxRms, null)), List.of(), autoAccept);
    }

    /** Built-in passes by rig folder name. */
    public static final Map<String, List<CullPass>> BY_RIG = Map.of(
            "C8E@f10.0+ZWO ASI2600MM Pro", List.of(absolute("pass1", 4.6, 2.0, 30), absolute("pass2", 5.5, 2.0, 100)),
            "SQA55@f5.3+ATR585M", List.of(absolute("pass1", 4.0, 2.0, 30)),
            "R135@f2.8+AP26CC", List.of(absolute("pass1", 4.0, 2.0, 30)));

    /** For a rig with no passes configured and none built in. */
    public static final List<CullPass> FALLBACK = List.of(absolute("pass1", 4.0, 2.0, 30));

    /** Whether larger values of a metric are worse: true except for star counts (N.I.N.A.'s and px_stars). */
    public static boolean higherIsWorse(String metric) {
        String m = metric.toLowerCase(java.util.Locale.ROOT);
        return !(m.equals("stars") || m.equals("starcount") || m.equals("detectedstars") || m.equals("px_stars"));
    }
}
