package org.apdm.core.fileops;

import java.nio.file.Path;
import java.util.List;

/**
 * What an operation would do to the user's files: the steps in order, the files it leaves alone
 * and why, and the folders whose empty sub-folders are removed afterwards.
 *
 * @param title          short name of the operation ("ingest")
 * @param operations     steps, executed in this order
 * @param leftBehind     files the plan does not touch, each with its reason
 * @param roots          every destination must lie inside one of these folders
 * @param pruneEmptyUnder folders whose empty sub-folders are removed after the steps (never the folder itself)
 */
public record Plan(String title, List<FileOperation> operations, List<LeftBehind> leftBehind, List<Path> roots,
                   List<Path> pruneEmptyUnder) {

    public Plan {
        operations = List.copyOf(operations);
        leftBehind = List.copyOf(leftBehind);
        roots = List.copyOf(roots);
        pruneEmptyUnder = List.copyOf(pruneEmptyUnder);
    }

    public long count(Class<? extends FileOperation> kind) {
        return operations.stream().filter(kind::isInstance).count();
    }

    /** Operations on files: what summaries and progress count (the folders made for them are not). */
    public long fileCount() {
        return operations.stream().filter(o -> !(o instanceof FileOperation.MakeDirectory)).count();
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
