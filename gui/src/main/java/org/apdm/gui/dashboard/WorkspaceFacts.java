package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Reads the facts; worker thread. */
    public static WorkspaceFacts read(Path raw, Path data, CancellationToken cancel) throws IOException {
        long rawFiles = raw != null && Files.isDirectory(raw) ? FileWalker.files(raw, d -> true, cancel).stream()
                .filter(f -> ImageFormat.of(f).isImage()).count() : 0;
        long free = -1;
        long total = -1;
        if (data != null && Files.isDirectory(data)) {
            FileStore store = Files.getFileStore(data);
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        }
        return new WorkspaceFacts(rawFiles, free, total);
    }

    public double freePercent() {
        return totalBytes <= 0 ? 100 : 100.0 * freeBytes / totalBytes;
    }
}
