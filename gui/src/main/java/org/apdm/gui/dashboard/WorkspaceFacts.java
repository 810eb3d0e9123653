package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.metadata.FrameType;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.task.CancellationToken;

/**
 * What the queue needs besides the archive: files waiting in RAW and free space on the data drive.
 *
 * @param rawFiles  image files below the RAW folder (0 when none is configured)
 * @param freeBytes usable bytes on the data drive, or -1 when unknown
 * @param totalBytes size of the data drive, or -1
 */
public record WorkspaceFacts(long rawFiles, long freeBytes, long totalBytes) {

    public static final WorkspaceFacts NONE = new WorkspaceFacts(0, -1, -1);

    /**
     * Reads the facts; worker thread. Raw calibration frames that ingest already sorted into
     * {@code {calibration}/{TYPE}/{rig}/DATE_{night}/} (by default inside RAW) are not waiting.
     */
    public static WorkspaceFacts read(Path raw, Path calibration, Path data, CancellationToken cancel) throws IOException {
        long rawFiles = raw != null && Files.isDirectory(raw) ? FileWalker.files(raw, d -> true, cancel).stream()
                .filter(f -> ImageFormat.of(f).isImage() && !sorted(calibration, f)).count() : 0;
        long free = -1;
        long total = -1;
        if (data != null && Files.isDirectory(data)) {
            FileStore store = Files.getFileStore(data);
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        }
        return new WorkspaceFacts(rawFiles, free, total);
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

    public double freePercent() {
        return totalBytes <= 0 ? 100 : 100.0 * freeBytes / totalBytes;
    }
}
