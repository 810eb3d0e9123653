package org.apdm.core.cull;

import java.util.List;

/**
 * The cull pass of a rig the configuration does not name. A rig's own passes are configuration
 * ({@code rigs.<rig>.cull}; apdm.example.yaml has the user's, reference-spec §4), not built in.
 */
public final class CullDefaults {

    private CullDefaults() {
    }

    static CullPass absolute(String name, double maxHfr, double maxRms, double autoAccept) {
        return new CullPass(name, List.of(new CullPass.Limit("hfr", maxHfr, null),
                new CullPass.Limit("rmsac", maxRms, null)), List.of(), autoAccept);
    }


    /** For a rig with no passes configured. */
    public static final List<CullPass> FALLBACK = List.of(absolute("pass1", 4.0, 2.0, 30));

    /** Whether larger values of a metric are worse: true except for star counts (N.I.N.A.'s and px_stars). */
    public static boolean higherIsWorse(String metric) {
        String m = metric.toLowerCase(java.util.Locale.ROOT);
        return !(m.equals("stars") || m.equals("starcount") || m.equals("detectedstars") || m.equals("px_stars"));
    }
}
