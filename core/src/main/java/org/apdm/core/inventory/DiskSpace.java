package org.apdm.core.inventory;

import java.nio.file.Path;

/**
 * Space on one drive that holds archive data.
 *
 * @param drive  the drive's name as the system reports it
 * @param path   a folder of the archive on it
 * @param total  bytes
 * @param usable free bytes apdm may use
 */
public record DiskSpace(String drive, Path path, long total, long usable) {

    public double freePercent() {
        return total <= 0 ? 100.0 : usable * 100.0 / total;
    }
}
