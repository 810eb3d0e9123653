package org.apdm.core.scan;

import java.nio.file.Path;
import org.apdm.core.metadata.FrameMetadata;

/**
 * One file found by a scan: its metadata, or the reason it could not be read.
 *
 * @param file     the file
 * @param relative its path below the scanned root
 * @param metadata null when {@code problem} is set
 * @param problem  why the file cannot be used ("truncated FITS header ..."), or null
 */
public record ScannedFrame(Path file, Path relative, FrameMetadata metadata, String problem) {

    public boolean ok() {
        return problem == null;
    }
}
