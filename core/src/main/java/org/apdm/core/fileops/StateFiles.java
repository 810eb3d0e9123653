package org.apdm.core.fileops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * apdm's own small state files in the state folder (the run checkpoint), never a user's file: written whole through
 * a forced {@code .tmp} renamed over the old one, so a kill leaves the old content or the new, never half.
 */
public final class StateFiles {

    private StateFiles() {
    }

    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(ch)) {
            out.write(content);
            out.flush();
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * A link in apdm's state folder to a user's file, so a tool (Siril) reads it in place: symbolic, else hard
     * (where the folder cannot hold symbolic links). The user's file is only pointed at.
     */
    public static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.toAbsolutePath().getParent());
        try {
            Files.createSymbolicLink(link, target.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            Files.createLink(link, target.toAbsolutePath());
        }
    }

    /**
     * Removes a work folder of apdm's state folder: its files, links (never what they point to) and folders.
     * Refuses any folder outside {@code stateDir}, so a wrong path can never reach a user's files.
     */
    public static void removeTree(Path work, Path stateDir) throws IOException {
        Path w = work.toAbsolutePath().normalize();
        Path s = stateDir.toAbsolutePath().normalize();
        if (!w.startsWith(s) || w.equals(s)) {
            throw new IOException(work + " is not a work folder inside the state folder " + stateDir + "; not removed");
        }
        if (!Files.isDirectory(w, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(w, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
                    throws IOException {
                Files.delete(file); // a symbolic link is deleted, not what it points to
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }
}
