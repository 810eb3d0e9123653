package org.apdm.gui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the configuration file. The one class of the window that writes a file of the user's: never a frame
 * (those go through the core's file engine), only apdm's own settings. A replaced file is kept as
 * {@code <name>.bak}; the new text is written beside it and moved into place in one step, so a crash leaves
 * either the old or the new file, never half of one.
 */
public final class ConfigFileWriter {

    private ConfigFileWriter() {
    }

    /** Writes a new configuration; fails if the file exists. */
    public static void create(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Replaces the configuration, keeping the previous version as {@code .bak}; returns the backup. */
    public static Path replace(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            create(file, text);
            return null;
        }
        Path backup = file.resolveSibling(file.getFileName() + ".bak");
        Files.write(backup, Files.readAllBytes(file));
        Path tmp = file.resolveSibling("." + file.getFileName() + ".apdm-tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return backup;
    }
}
