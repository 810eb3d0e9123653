package org.apdm.core.summary;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Shows paths relative to the folders the user named ({@code RAW/M 31/...}), else absolute. */
public final class PathDisplay {

    private final List<Path> bases;

    public PathDisplay(List<Path> bases) {
        this.bases = bases.stream().filter(Objects::nonNull).map(b -> b.toAbsolutePath().normalize()).toList();
    }

    public String show(Path p) {
        if (p == null) {
            return "";
        }
        Path abs = p.toAbsolutePath().normalize();
        for (Path b : bases) {
            if (abs.startsWith(b) && !abs.equals(b)) {
                return b.getFileName() + "/" + b.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }
}
