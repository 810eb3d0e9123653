package org.apdm.core.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.OperationCancelledException;

/**
 * Lists files below a root in a stable (sorted) order. Does not follow links into other folders;
 * skips apdm's own temporary copies and {@code .keep} markers.
 */
public final class FileWalker {

    private FileWalker() {
    }

    /** True for files apdm itself leaves or uses as markers; never treated as user frames. */
    public static boolean isInternal(String name) {
        return name.equals(".keep") || name.equals(".apdm.lock") || (name.startsWith(".") && name.contains(".apdm-") && name.endsWith(".tmp"));
    }

    public static List<Path> files(Path root, Predicate<Path> directoryFilter, CancellationToken cancel)
            throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (cancel.isCancelled()) {
                    throw new OperationCancelledException();
                }
                return dir.equals(root) || directoryFilter.test(dir) ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isInternal(file.getFileName().toString())) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE; // an unreadable folder is skipped, not fatal
            }
        });
        out.sort(null);
        return out;
    }
}
