package org.apdm.core.fileops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Small file-system questions the engine and recovery share. */
final class FileFacts {

    private FileFacts() {
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * True when {@code a} and {@code b} are two names of one file (a hard link), so removing one name
     * loses nothing. False for one name seen twice: the same path, or a case or Unicode variant on a
     * case-insensitive volume, where removing "the other" would remove the only copy.
     */
    static boolean twoNamesOfOneFile(Path a, Path b) throws IOException {
        if (a.equals(b) || !exists(a) || !exists(b) || !Files.isSameFile(a, b)) {
            return false;
        }
        return !a.toRealPath().equals(b.toRealPath());
    }

    /** One path, possibly spelled two ways (case, normalisation). */
    static boolean samePlace(Path a, Path b) throws IOException {
        if (a.equals(b)) {
            return true;
        }
        if (!exists(a) || !exists(b) || !Files.isSameFile(a, b)) {
            return false;
        }
        return a.toRealPath().equals(b.toRealPath());
    }

    /** Makes a folder's entries durable (a rename or a new name in it). Not possible on Windows, where NTFS journals them. */
    static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; its metadata journal covers the rename
        }
    }

    /** The temporary name a copy is written under, in the destination's own folder. */
    static Path tempName(Path destination, String batch, int op) {
        String name = destination.getFileName().toString();
        if (name.length() > 150) {
            name = name.substring(0, 150);
        }
        return destination.resolveSibling("." + name + ".apdm-" + batch.substring(0, Math.min(8, batch.length()))
                + "-" + op + ".tmp");
    }
}
