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
 * Frames outside {@code {data}/{rig}/10_Blink/{target}} can be looked at but not decided (ADR 0083).
 */
public final class BlinkPlanner {

    private BlinkPlanner() {
    }

    /** Why this frame cannot be decided here, or null when it can. */
    public static String problem(Path data, Path frame) {
        Path rel = relative(data, frame);
        if (rel == null || rel.getNameCount() < 4 || !rel.getName(1).toString().equalsIgnoreCase(ArchiveLayout.BLINK)) {
            return frame.getFileName() + " is not in a target folder of a rig's " + ArchiveLayout.BLINK + " below "
                    + data + "; blink shows it, but accept and reject work on " + ArchiveLayout.BLINK + " only";
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

    /** Moves a decided frame back to where it was; empty folders left behind are pruned. */
    public static Plan undo(Path from, Path to, Path data, Path reject) {
        return new Plan("blink undo", List.of(new FileOperation.Move(from, to, "blink: undone")), List.of(),
                List.of(data), List.of(data, reject));
    }
}
