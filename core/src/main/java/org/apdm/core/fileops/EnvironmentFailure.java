package org.apdm.core.fileops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A failure of the destination drive rather than of one file: full, read-only, over quota, or gone (I/O error).
 * The same one, on the same drive, several times in a row means every later file would fail too, so the engine
 * stops (issue 11.8) instead of printing hundreds of near-identical lines.
 *
 * @param reason what the system said, for the message ("No space left on device")
 * @param drive  the drive of the destination folder, or the folder itself when the drive cannot be asked
 * @param folder the destination folder
 */
record EnvironmentFailure(String reason, String drive, Path folder) {

    private static final String[] DRIVE_REASONS = {"no space", "disk full", "not enough space", "read-only",
            "quota", "input/output error"};

    /** The environment failure {@code e} is, or null for a failure of one file (locked, gone, refused). */
    static EnvironmentFailure of(Exception e, FileOperation op) {
        if (op.destination() == null) {
            return null;
        }
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        String text = t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String r : DRIVE_REASONS) {
            if (lower.contains(r)) {
                Path folder = op.destination().toAbsolutePath().getParent();
                return new EnvironmentFailure(text.strip(), drive(folder), folder);
            }
        }
        return null;
    }

    /** Same reason on the same drive: the next file would fail the same way. */
    boolean sameAs(EnvironmentFailure other) {
        return other != null && reason.equals(other.reason) && drive.equals(other.drive);
    }

    private static String drive(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    FileStore store = Files.getFileStore(p);
                    return store.toString();
                } catch (IOException | SecurityException e) {
                    break;
                }
            }
        }
        return String.valueOf(folder);
    }
}
