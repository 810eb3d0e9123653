package org.apdm.gui.operation;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders an operation works on, from the configuration, checked the way the command line checks its flags:
 * a missing setting or folder is a sentence that says where to fix it (Settings), thrown before anything is read.
 */
public final class Folders {

    private Folders() {
    }

    /** The configured folder, absolute; a missing setting says which one to set. */
    public static Path configured(Path folder, String setting) {
        if (folder == null) {
            throw new IllegalStateException("No " + setting + " folder is configured; set it in Settings → Folders.");
        }
        return folder.toAbsolutePath().normalize();
    }

    /** The configured folder, which must exist. */
    public static Path existing(Path folder, String setting) {
        Path p = configured(folder, setting);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("The " + setting + " folder " + p + " does not exist; check it in Settings → Folders.");
        }
        return p;
    }

    /** A folder that may be left unset, absolute. */
    public static Path optional(Path folder) {
        return folder == null ? null : folder.toAbsolutePath().normalize();
    }
}
