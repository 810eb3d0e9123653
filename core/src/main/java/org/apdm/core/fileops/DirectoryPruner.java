package org.apdm.core.fileops;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removes empty folders bottom-up below a root; the root and folders holding {@code .keep} stay. */
final class DirectoryPruner {

    static final String KEEP = ".keep";

    private DirectoryPruner() {
    }

    static int pruneEmpty(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] removed = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                if (dir.equals(root) || Files.exists(dir.resolve(KEEP))) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.delete(dir); // fails unless empty, so no file can be lost here
                    removed[0]++;
                } catch (DirectoryNotEmptyException e) {
                    // still holds files
                } catch (IOException e) {
                    // in use or not permitted: leave it
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        return removed[0];
    }
}
