package org.apdm.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apdm.core.cull.CullDefaults;
import org.apdm.core.cull.CullPass;
import org.apdm.core.layout.RigName;
import org.apdm.core.metadata.NormalizationRules;

/**
 * The validated configuration with defaults filled in. Immutable; command-line flags make a
 * modified copy with {@link #withRoots}.
 *
 * @param source        the file it came from, or null when built-in defaults are used
 * @param roots         the folders apdm works on; a null root is not configured
 * @param stateDir      journal and lock
 * @param database      the astrophotography database file
 * @param normalization filter aliases, night-date rule, camera constants
 * @param removeDuplicates remove a source whose identical copy already exists at its destination
 * @param sync          commands run before and after file operations
 * @param rigs          per-rig settings by canonical rig name
 */
public record ApdmConfig(Path source, Roots roots, Path stateDir, Path database, NormalizationRules normalization,
                         boolean removeDuplicates, SyncCommands sync, Map<String, RigConfig> rigs) {

    public ApdmConfig {
        rigs = Map.copyOf(rigs);
    }

    /** The folders apdm reads and writes; any may be null when not configured. */
    public record Roots(Path raw, Path data, Path calibration, Path reject, Path library, Path pixinsightMasters,
                        Path pixinsightTemp) {

        /** Calibration frames go next to the RAW dump unless configured otherwise, as the old scripts did. */
        public Path calibrationOrRaw() {
            return calibration != null ? calibration : raw;
        }
    }

    /** Commands to run before and after file operations (stop and restart a sync client). */
    public record SyncCommands(List<String> before, List<String> after, Duration timeout) {
        public SyncCommands {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        public boolean isEmpty() {
            return before.isEmpty() && after.isEmpty();
        }
    }

    /** Settings of one rig. */
    public record RigConfig(List<CullPass> cull) {
        public RigConfig {
            cull = cull == null ? null : List.copyOf(cull);
        }
    }

    public ApdmConfig withRoots(Roots newRoots) {
        return new ApdmConfig(source, newRoots, stateDir, database, normalization, removeDuplicates, sync, rigs);
    }

    public ApdmConfig withStateDir(Path dir) {
        return new ApdmConfig(source, roots, dir, database, normalization, removeDuplicates, sync, rigs);
    }

    public ApdmConfig withDatabase(Path db) {
        return new ApdmConfig(source, roots, stateDir, db, normalization, removeDuplicates, sync, rigs);
    }

    /** The cull passes of a rig: configured, else built in, else the general default. */
    public List<CullPass> cullPasses(String rigFolder) {
        RigConfig rc = rig(rigFolder);
        if (rc != null && rc.cull() != null && !rc.cull().isEmpty()) {
            return rc.cull();
        }
        String key = canonicalRig(rigFolder);
        for (Map.Entry<String, List<CullPass>> e : CullDefaults.BY_RIG.entrySet()) {
            if (canonicalRig(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return CullDefaults.FALLBACK;
    }

    public RigConfig rig(String rigFolder) {
        return rigs.get(canonicalRig(rigFolder));
    }

    /** Rig names compare with the focal ratio normalised: {@code C8E@f10+X} is {@code C8E@f10.0+X}. */
    public static String canonicalRig(String rigFolder) {
        return RigName.parse(rigFolder).map(r -> {
            String ratio = org.apdm.core.metadata.MetadataNormalizer.ratio(r.focalRatio());
            return r.optic() + "@f" + (ratio == null ? r.focalRatio() : ratio) + "+" + r.camera();
        }).orElse(rigFolder);
    }
}
