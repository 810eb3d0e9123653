package org.apdm.core.cull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;

/** Plans restoring and purging rejected frames. Pure. */
public final class RejectTreePlanner {

    private RejectTreePlanner() {
    }

    /** Filters on rig (null: all), target (null: all) and pass (null: all; a frame with no recorded pass never matches one). */
    public static boolean matches(RejectedFile f, String rig, String target, String pass) {
        if (rig != null && !ApdmConfig.canonicalRig(f.rig()).equals(ApdmConfig.canonicalRig(rig))) {
            return false;
        }
        if (target != null && !f.target().equals(target)) {
            return false;
        }
        return pass == null || pass.equals(f.pass());
    }

    /**
     * Moves frames back to exactly where they were below the data root, and raw calibration frames rejected in the
     * blink ({@code _calibration/…}) below the calibration root; the engine refuses to overwrite.
     *
     * @param calibration the calibration root, or null (then such frames stay, with the reason)
     */
    public static Plan restore(List<RejectedFile> files, Path data, Path calibration, Path reject, String rig,
                               String target, String pass) {
        List<FileOperation> ops = new ArrayList<>();
        List<org.apdm.core.fileops.LeftBehind> left = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(data));
        for (RejectedFile f : files) {
            if (!matches(f, rig, target, pass)) {
                continue;
            }
            String why = "restore" + (f.pass() == null ? "" : " (rejected by " + f.pass() + ")");
            Path rel = f.relative();
            if (rel.getNameCount() > 1 && rel.getName(0).toString().equals(org.apdm.core.blink.BlinkPlanner.CALIBRATION_REJECTS)) {
                if (calibration == null) {
                    left.add(new org.apdm.core.fileops.LeftBehind(f.file(), "a raw calibration frame, and no "
                            + "calibration root is configured (roots.raw or roots.calibration)"));
                    continue;
                }
                ops.add(new FileOperation.Move(f.file(), calibration.resolve(rel.subpath(1, rel.getNameCount()).toString()), why));
                if (!roots.contains(calibration)) {
                    roots.add(calibration);
                }
            } else {
                ops.add(new FileOperation.Move(f.file(), data.resolve(rel.toString()), why));
            }
        }
        return new Plan("cull restore", ops, left, roots, List.of(reject));
    }

    /** Deletes rejected frames older than {@code olderThan}; younger ones are listed as kept. */
    public static Plan purge(List<RejectedFile> files, Path reject, Duration olderThan, Instant now, String rig) {
        List<FileOperation> ops = new ArrayList<>();
        List<LeftBehind> kept = new ArrayList<>();
        Instant cutoff = now.minus(olderThan);
        for (RejectedFile f : files) {
            if (!matches(f, rig, null, null)) {
                continue;
            }
            if (f.rejectedAt().isBefore(cutoff)) {
                ops.add(new FileOperation.Delete(f.file(), "rejected " + f.rejectedAt()
                        + (f.pass() == null ? "" : " by " + f.pass())));
            } else {
                kept.add(new LeftBehind(f.file(), "rejected " + f.rejectedAt() + ", less than "
                        + olderThan.toDays() + " days ago"));
            }
        }
        return new Plan("cull purge", ops, kept, List.of(reject), List.of(reject));
    }
}
