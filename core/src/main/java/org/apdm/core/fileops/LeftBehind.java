package org.apdm.core.fileops;

import java.nio.file.Path;

/** A file a plan does not touch, with the reason shown to the user. */
public record LeftBehind(Path file, String reason) {
}
