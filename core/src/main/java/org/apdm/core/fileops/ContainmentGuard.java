package org.apdm.core.fileops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a write outside the plan's roots, or through a symbolic link or junction below a root
 * (a link could lead the write anywhere). Verified folders are remembered for the run.
 */
final class ContainmentGuard {

    private final List<Path> roots;
    private final Set<Path> verified = ConcurrentHashMap.newKeySet();

    ContainmentGuard(List<Path> roots) {
        this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    }

    void check(Path target) throws IOException {
        if (roots.isEmpty()) {
            return;
        }
        Path abs = target.toAbsolutePath().normalize();
        Path root = null;
        for (Path r : roots) {
            if (abs.startsWith(r) && !abs.equals(r)) {
                root = r;
                break;
            }
        }
        if (root == null) {
            throw new RefusedDestinationException("refused: " + abs + " is outside the folders this operation may change " + roots);
        }
        for (Path d = abs.getParent(); d != null && !d.equals(root); d = d.getParent()) {
            if (verified.contains(d)) {
                break;
            }
            if (Files.isSymbolicLink(d)) {
                throw new RefusedDestinationException("refused: " + d + " is a link; apdm does not write through links");
            }
            if (Files.exists(d)) {
                verified.add(d);
            }
        }
    }
}
