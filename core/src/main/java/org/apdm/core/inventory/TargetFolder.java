package org.apdm.core.inventory;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A target folder of a stage, whether or not it holds frames.
 *
 * @param rig          rig folder name
 * @param stage        stage folder name
 * @param target       target name
 * @param folder       the target folder
 * @param lastModified the newest modification time of anything in it (when it was last worked on)
 */
public record TargetFolder(String rig, String stage, String target, Path folder, Instant lastModified) {
}
