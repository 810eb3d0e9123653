package org.apdm.core.fileops;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Before a run touches a file: every destination drive must be writable and have room for the bytes that will
 * land on it. A full or read-only drive is found once, up front, with nothing moved, rather than file by file.
 * A move on one drive needs no room (it is a hard link); a copy, or a move to another drive, needs the file's size.
 */
final class DestinationPrecheck {

    private record Place(Path existing, FileStore store, boolean writable) {
    }

    private final Map<Path, Place> places = new HashMap<>();

    private DestinationPrecheck() {
    }

    static void check(Plan plan) throws IOException {
        new DestinationPrecheck().run(plan);
    }

    private void run(Plan plan) throws IOException {
        Map<FileStore, Long> needed = new LinkedHashMap<>();
        Map<FileStore, Path> example = new HashMap<>();
        for (FileOperation op : plan.operations()) {
            Path dst = op instanceof FileOperation.MakeDirectory m ? m.source() : op.destination();
            if (dst == null) {
                continue; // a delete frees room
            }
            Place to = place(dst.toAbsolutePath().getParent());
            if (to == null) {
                continue;
            }
            if (!to.writable()) {
                throw new DestinationUnavailableException("cannot write to " + to.existing() + " (drive " + to.store()
                        + " is read-only, or the folder is not yours); nothing was moved. Make it writable or "
                        + "choose another destination, then run again");
            }
            long bytes = 0;
            if (op instanceof FileOperation.Copy c) {
                bytes = size(c.source());
            } else if (op instanceof FileOperation.Move m) {
                Place from = place(m.source().toAbsolutePath().getParent());
                if (from == null || !Objects.equals(from.store(), to.store())) {
                    bytes = size(m.source());
                }
            }
            if (bytes > 0) {
                needed.merge(to.store(), bytes, Long::sum);
                example.putIfAbsent(to.store(), to.existing());
            }
        }
        for (Map.Entry<FileStore, Long> e : needed.entrySet()) {
            long free = e.getKey().getUsableSpace();
            if (e.getValue() > free) {
                throw new DestinationUnavailableException(String.format(java.util.Locale.ROOT,
                        "not enough free space on drive %s (%s): the plan needs %s, %s are free; nothing was moved. "
                                + "Free some space or choose another destination, then run again",
                        e.getKey(), example.get(e.getKey()), mb(e.getValue()), mb(free)));
            }
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0; // the step itself reports a missing source, with its reason
        }
    }

    /** The nearest folder that exists at or above {@code dir}, and its drive; folders are asked once. */
    private Place place(Path dir) throws IOException {
        if (dir == null) {
            return null;
        }
        Place known = places.get(dir);
        if (known != null) {
            return known;
        }
        Place p;
        if (Files.isDirectory(dir)) {
            try {
                p = new Place(dir, Files.getFileStore(dir), Files.isWritable(dir));
            } catch (NoSuchFileException e) {
                p = place(dir.getParent());
            }
        } else {
            p = place(dir.getParent());
        }
        if (p != null) {
            places.put(dir, p);
        }
        return p;
    }
}
