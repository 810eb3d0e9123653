package org.apdm.core.calibration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.layout.RigName;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;

/**
 * The matching keys of rigs, and of masters and raw frames through the rigs their camera belongs to. Rigs are
 * those the configuration names and the rig folders of the archive.
 */
public final class CalibrationRigs {

    private final ApdmConfig config;
    /** Canonical rig name → parsed name. */
    private final Map<String, RigName> rigs = new LinkedHashMap<>();

    private CalibrationRigs(ApdmConfig config) {
        this.config = config;
    }

    /**
     * @param rigFolders rig folders found in the archive (may be empty)
     */
    public static CalibrationRigs of(ApdmConfig config, Collection<String> rigFolders) {
        CalibrationRigs r = new CalibrationRigs(config);
        List<String> all = new ArrayList<>(config.rigs().keySet());
        all.addAll(rigFolders);
        for (String name : all) {
            RigName.parse(name).ifPresent(n -> r.rigs.putIfAbsent(ApdmConfig.canonicalRig(name), n));
        }
        return r;
    }

    /** True when the configuration names this rig's keys. */
    public boolean hasOwnKeys(String rig) {
        ApdmConfig.RigConfig rc = config.rig(rig);
        return rc != null && rc.calibration() != null && rc.calibration().keys() != null;
    }

    /** A rig's keys; a rig without its own gets the default set, with readout mode when its lights carry one. */
    public CalibrationKeys keys(String rig, boolean lightsCarryReadout) {
        CalibrationKeys k = config.calibrationKeys(rig);
        return lightsCarryReadout && !hasOwnKeys(rig) ? k.withReadoutMode() : k;
    }

    /**
     * The keys a master (or a raw frame) of this kind must carry: those of every rig with its camera (and, for a
     * flat, its optic); for a camera no rig has, the default set.
     */
    public List<Field> keysFor(MasterKind kind, FrameMetadata m) {
        boolean readout = m.has(Field.READOUT_MODE);
        MatchValues v = MatchValues.of(m);
        List<Field> out = new ArrayList<>();
        boolean any = false;
        for (Map.Entry<String, RigName> e : rigs.entrySet()) {
            RigName r = e.getValue();
            if (v.get(Field.CAMERA) == null || !v.get(Field.CAMERA).equals(MatchValues.canonical(Field.CAMERA, r.camera()))) {
                continue;
            }
            if (kind == MasterKind.FLAT && v.get(Field.OPTIC) != null
                    && !v.get(Field.OPTIC).equals(MatchValues.canonical(Field.OPTIC, r.optic()))) {
                continue;
            }
            any = true;
            for (Field f : kind.keys(keys(e.getKey(), readout))) {
                if (!out.contains(f)) {
                    out.add(f);
                }
            }
        }
        if (!any) {
            CalibrationKeys d = readout ? CalibrationKeys.DEFAULT.withReadoutMode() : CalibrationKeys.DEFAULT;
            out.addAll(kind.keys(d));
        }
        return out;
    }

    /** The library sub-folder configured for a rig with this camera, or null. */
    public String libraryFolder(String camera) {
        String c = MatchValues.canonical(Field.CAMERA, camera);
        if (c == null) {
            return null;
        }
        for (Map.Entry<String, RigName> e : rigs.entrySet()) {
            ApdmConfig.RigConfig rc = config.rig(e.getKey());
            if (rc != null && rc.calibration() != null && rc.calibration().libraryFolder() != null
                    && c.equals(MatchValues.canonical(Field.CAMERA, e.getValue().camera()))) {
                return rc.calibration().libraryFolder();
            }
        }
        return null;
    }

    /** The camera whose rig uses this library sub-folder, or the folder name itself. */
    public String cameraOfLibraryFolder(String folder) {
        for (Map.Entry<String, RigName> e : rigs.entrySet()) {
            ApdmConfig.RigConfig rc = config.rig(e.getKey());
            if (rc != null && rc.calibration() != null && folder.equalsIgnoreCase(rc.calibration().libraryFolder())) {
                return e.getValue().camera();
            }
        }
        return folder;
    }
}
