package org.apdm.core.calibration;

import java.nio.file.Path;
import org.apdm.core.metadata.FrameMetadata;

/**
 * A master bias, dark or flat: in PixInsight's output, in the library, or next to the lights.
 *
 * @param file     where it is
 * @param kind     bias, dark or flat
 * @param metadata its values: header first, then its name and folders (the night date of a flat included)
 */
public record MasterFrame(Path file, MasterKind kind, FrameMetadata metadata) {

    public String name() {
        return file.getFileName().toString();
    }
}
