package org.apdm.nina;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rotating backup copies of the Target Scheduler database, taken while apdm holds its write lock, so the
 * copy is exactly the file before apdm's change. The plugin's file is not a user frame, so this is not a
 * {@code FileEngine} plan; the copy is still careful: a temporary file beside the backups, hashed while
 * copying, forced to disk, read back and compared, then renamed to a name that was free. Only apdm's own
 * backups ({@code <name>-apdm-<time>.sqlite}) are ever rotated away.
 */
public final class SchedulerBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private final Path dir;
    private final int keep;
    private final Clock clock;

    /**
     * @param dir   the backup folder (created when missing)
     * @param keep  backups kept per database name; older ones are removed after a new one is complete
     */
    public SchedulerBackup(Path dir, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.keep = keep;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Copies {@code db}, whose write lock the caller holds. A database in WAL mode keeps recent changes
     * beside the file, so it is copied through SQLite's online backup on a second, reading connection
     * instead, which sees exactly the last commit (same content, not the same bytes).
     */
    Path take(Path db, String journalMode, Duration busyTimeout) throws IOException, SQLException {
        Files.createDirectories(dir);
        String stem = stem(db);
        Path tmp = dir.resolve("." + stem + "-apdm-" + STAMP.format(LocalDateTime.now(clock)) + ".tmp");
        Files.deleteIfExists(tmp); // only ever our own leftover of a crashed run
        try {
            if ("wal".equalsIgnoreCase(journalMode)) {
                try (Connection reader = SqliteFiles.open(db, true, busyTimeout); Statement st = reader.createStatement()) {
                    st.executeUpdate("backup to " + quoted(tmp));
                }
                force(tmp);
            } else {
                byte[] hash = copy(db, tmp);
                if (!MessageDigest.isEqual(hash, sha256(tmp)) || Files.size(tmp) != Files.size(db)) {
                    throw new IOException("the backup copy " + tmp + " differs from " + db + " after writing; disk problem?");
                }
            }
            Path target = publish(tmp, stem);
            rotate(stem);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The backups of a database, oldest first. */
    public List<Path> list(Path db) throws IOException {
        return backups(stem(db));
    }

    private static String stem(Path db) {
        String name = db.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String quoted(Path p) {
        // sqlite-jdbc's "backup to" takes a quoted file name; a double quote cannot be part of our temp name
        return "\"" + p.toString().replace("\"", "") + "\"";
    }

    private static byte[] copy(Path from, Path to) throws IOException {
        MessageDigest md = sha256();
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (in.read(buf) >= 0) {
                buf.flip();
                md.update(buf.duplicate());
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                buf.clear();
            }
            out.force(true);
        }
        return md.digest();
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static byte[] sha256(Path p) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renames the finished copy to the first free name; never replaces a file. */
    private Path publish(Path tmp, String stem) throws IOException {
        String base = stem + "-apdm-" + STAMP.format(LocalDateTime.now(clock));
        // after the highest number already used for this time: rotation may have freed lower ones
        int first = 1;
        for (Path p : backups(stem)) {
            String n = p.getFileName().toString();
            if (n.startsWith(base)) {
                String rest = n.substring(base.length(), n.length() - ".sqlite".length());
                first = Math.max(first, (rest.isEmpty() ? 1 : Integer.parseInt(rest.substring(1))) + 1);
            }
        }
        for (int i = first; ; i++) {
            Path target = dir.resolve(base + (i == 1 ? "" : "-" + i) + ".sqlite");
            if (Files.exists(target)) {
                continue;
            }
            try {
                Files.createLink(target, tmp); // fails atomically when the name is taken
                return target;
            } catch (FileAlreadyExistsException taken) {
                // another run took the name between the check and the link
            } catch (UnsupportedOperationException | IOException noLinks) {
                try {
                    return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    return Files.move(tmp, target);
                }
            }
        }
    }

    private List<Path> backups(String stem) throws IOException {
        Pattern mine = Pattern.compile(Pattern.quote(stem) + "-apdm-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.sqlite");
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (mine.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        out.sort((a, b) -> order(a).compareTo(order(b)));
        return out;
    }

    /** Sort key: the time stamp, then the collision number ("-2") as a number. */
    private static String order(Path p) {
        String n = p.getFileName().toString().replace(".sqlite", "");
        int at = n.indexOf("-apdm-") + 6;
        String rest = n.substring(at);
        String stamp = rest.substring(0, 19);
        String suffix = rest.length() > 19 ? rest.substring(20) : "1";
        return stamp + String.format(Locale.ROOT, "%06d", Integer.parseInt(suffix));
    }

    private void rotate(String stem) throws IOException {
        List<Path> all = backups(stem);
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
