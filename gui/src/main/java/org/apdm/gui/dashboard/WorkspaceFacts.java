package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.metadata.FrameType;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.task.CancellationToken;

/**
 * What the queue needs besides the archive: files waiting in RAW (the core's work queue starts at 10_Blink).
 *
 * @param rawFiles image files below the RAW folder (0 when none is configured)
 */
public record WorkspaceFacts(long rawFiles) {

    public static final WorkspaceFacts NONE = new WorkspaceFacts(0);

    /**
     * Reads the facts; worker thread. Raw calibration frames that ingest already sorted into
     * {@code {calibration}/{TYPE}/{rig}/DATE_{night}/} (by default inside RAW) are not waiting.
     */
    public static WorkspaceFacts read(Path raw, Path calibration, CancellationToken cancel) throws IOException {
        long rawFiles = raw != null && Files.isDirectory(raw) ? FileWalker.files(raw, d -> true, cancel).stream()
                .filter(f -> ImageFormat.of(f).isImage() && !sorted(calibration, f)).count() : 0;
        return new WorkspaceFacts(rawFiles);
    }

    static boolean sorted(Path calibration, Path file) {
        if (calibration == null || !file.startsWith(calibration)) {
            return false;
        }
        Path rel = calibration.relativize(file);
        if (rel.getNameCount() < 4) {
            return false;
        }
        String type = rel.getName(0).toString();
        return (type.equals(FrameType.BIAS.folderName()) || type.equals(FrameType.DARK.folderName())
                || type.equals(FrameType.FLAT.folderName())) && rel.getName(2).toString().startsWith(ArchiveLayout.DATE_PREFIX);
    }
}
