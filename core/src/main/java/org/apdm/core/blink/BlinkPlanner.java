package org.apdm.core.blink;

import java.nio.file.Path;
import java.util.List;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.Plan;
import org.apdm.core.layout.ArchiveLayout;

/**
 * Where a blink decision moves a frame. Pure.
 *
 * <ul>
 *   <li>accept: {@code {rig}/10_Blink/{target}/…/f} → {@code {rig}/10_Blink/{target}/accept/…/f}, the folder the
 *       promotion and {@code db update} read; a frame already below {@code accept/} stays;</li>
 *   <li>reject: into the reject tree with its whole path below the data root, exactly as the cull does, so
 *       {@code apdm cull restore} puts it back;</li>
 *   <li>undo: the reverse move.</li>
 * </ul>
 * Raw calibration frames ({@code {calibration}/BIAS|DARK|FLAT/…}, as ingest leaves them) are decided too: accept
 * leaves the frame where it is (integration reads the whole folder), reject moves it to
 * {@code {reject}/_calibration/{TYPE}/…}, from where {@code apdm cull restore} puts it back. Other frames can be looked
 * at but not decided (ADR 0083).
 */
public final class BlinkPlanner {

    /** The folder of the reject tree holding rejected raw calibration frames, by their path below the calibration root. */
    public static final String CALIBRATION_REJECTS = "_calibration";

    private BlinkPlanner() {
    }

    /** True when the frame is a raw bias, dark or flat below the calibration root. */
    public static boolean isRawCalibration(Path calibration, Path frame) {
        if (calibration == null) {
            return false;
        }
        Path rel = relative(calibration, frame);
        if (rel == null || rel.getNameCount() < 2) {
            return false;
        }
        String top = rel.getName(0).toString();
        for (org.apdm.core.calibration.MasterKind k : org.apdm.core.calibration.MasterKind.values()) {
            if (k.rawType().folderName().equalsIgnoreCase(top)) {
                return true;
            }
        }
        return false;
    }

    /** Where a rejected raw calibration frame goes. */
    public static Path rejectedCalibrationPath(Path calibration, Path reject, Path frame) {
        return reject.toAbsolutePath().normalize().resolve(CALIBRATION_REJECTS)
                .resolve(relative(calibration, frame).toString());
    }

    public static Plan rejectCalibration(Path calibration, Path reject, Path frame) {
        return new Plan("blink reject", List.of(new FileOperation.Move(frame,
                rejectedCalibrationPath(calibration, reject, frame), "blink: rejected")), List.of(), List.of(reject),
                List.of(calibration));
    }

    /** Why this frame cannot be decided here, or null when it can. */
    public static String problem(Path data, Path calibration, Path frame) {
        if (isRawCalibration(calibration, frame)) {
            return null;
        }
        Path rel = relative(data, frame);
        if (rel == null || rel.getNameCount() < 4 || !rel.getName(1).toString().equalsIgnoreCase(ArchiveLayout.BLINK)) {
            return frame.getFileName() + " is not in a target folder of a rig's " + ArchiveLayout.BLINK + " below "
                    + data + (calibration == null ? "" : " nor a raw BIAS, DARK or FLAT frame below " + calibration)
                    + "; blink shows it, but accept and reject work there only";
        }
        return null;
    }

    static Path relative(Path data, Path frame) {
        Path d = data.toAbsolutePath().normalize();
        Path f = frame.toAbsolutePath().normalize();
        return f.startsWith(d) ? d.relativize(f) : null;
    }

    static boolean isAccepted(Path rel) {
        for (int i = 3; i < rel.getNameCount() - 1; i++) {
            if (rel.getName(i).toString().equalsIgnoreCase(ArchiveLayout.ACCEPT)) {
                return true;
            }
        }
        return false;
    }

    /** The accepted place of a frame (its own place when it is already accepted). */
    public static Path acceptedPath(Path data, Path frame) {
        Path rel = relative(data, frame);
        if (isAccepted(rel)) {
            return frame;
        }
        Path target = rel.subpath(0, 3);
        Path rest = rel.subpath(3, rel.getNameCount());
        return data.toAbsolutePath().normalize().resolve(target).resolve(ArchiveLayout.ACCEPT).resolve(rest.toString());
    }

    public static Path rejectedPath(Path data, Path reject, Path frame) {
        return reject.toAbsolutePath().normalize().resolve(relative(data, frame).toString());
    }

    public static Plan accept(Path data, Path frame) {
        Path to = acceptedPath(data, frame);
        List<FileOperation> ops = to.equals(frame.toAbsolutePath().normalize()) ? List.of()
                : List.of(new FileOperation.Move(frame, to, "blink: accepted"));
        return new Plan("blink accept", ops, List.of(), List.of(data), List.of());
    }

    public static Plan reject(Path data, Path reject, Path frame) {
        return new Plan("blink reject", List.of(new FileOperation.Move(frame, rejectedPath(data, reject, frame),
                "blink: rejected")), List.of(), List.of(reject), List.of(data));
    }

    /** Moves a decided frame back to where it was below {@code data} (or the calibration root); empty folders are pruned. */
    public static Plan undo(Path from, Path to, Path data, Path reject) {
        return new Plan("blink undo", List.of(new FileOperation.Move(from, to, "blink: undone")), List.of(),
                List.of(data), List.of(data, reject));
    }
}
