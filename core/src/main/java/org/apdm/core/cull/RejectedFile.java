package org.apdm.core.cull;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A frame in the reject tree.
 *
 * @param file       where it is now
 * @param relative   its path below the reject root, which is also its original path below the data root
 * @param pass       the pass that rejected it, or null when no manifest names it
 * @param rejectedAt when it was rejected (manifest), else its last-modified time
 */
public record RejectedFile(Path file, Path relative, String pass, Instant rejectedAt) {

    public String rig() {
        return relative.getNameCount() > 0 ? relative.getName(0).toString() : "";
    }

    public String target() {
        return relative.getNameCount() > 2 ? relative.getName(2).toString() : "";
    }
}
