package org.apdm.core.fileops;

import java.nio.file.Path;

/**
 * One step of a {@link Plan}. Plans are data: they can be printed, shown for approval and saved,
 * and only {@link FileEngine} carries them out.
 */
public sealed interface FileOperation {

    /** Why this step is in the plan, in words the user recognises ("LIGHT M 31", "HFR 5.2 > 4.6"). */
    String reason();

    /** The file or folder the step reads from or acts on. */
    Path source();

    /** Moves a file; never replaces an existing file. */
    record Move(Path source, Path destination, String reason) implements FileOperation {
    }

    /** Copies a file to a new name; never replaces an existing file. */
    record Copy(Path source, Path destination, String reason) implements FileOperation {
    }

    /** Deletes a file (or an empty folder). */
    record Delete(Path source, String reason) implements FileOperation {
    }

    /** Creates a folder and its parents. */
    record MakeDirectory(Path source, String reason) implements FileOperation {
    }

    /** The place a step writes to, or null. */
    default Path destination() {
        if (this instanceof Move m) {
            return m.destination();
        }
        if (this instanceof Copy c) {
            return c.destination();
        }
        if (this instanceof MakeDirectory d) {
            return d.source();
        }
        return null;
    }

    /** Lower-case verb for logs and JSON. */
    default String verb() {
        if (this instanceof Move) {
            return "move";
        }
        if (this instanceof Copy) {
            return "copy";
        }
        if (this instanceof Delete) {
            return "delete";
        }
        return "mkdir";
    }
}
