package org.apdm.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * Backup copies of the database and restoring one.
 *
 * <ul>
 *   <li>Before a schema migration, the file is copied byte for byte through the {@link FileEngine}
 *       (verified, never replacing anything).</li>
 *   <li>{@code apdm db backup} writes a consistent snapshot of the open database with SQLite's
 *       {@code VACUUM INTO}, which refuses to write over an existing file.</li>
 *   <li>{@code apdm db restore FILE} checks FILE is an intact astrophotography database, moves the current
 *       database aside into the backup folder, then copies FILE into its place: both steps through the
 *       engine, so a crash in between is recovered by the next run and nothing is overwritten.</li>
 * </ul>
 * Backups are named {@code <name>-<yyyyMMdd-HHmmss>[-<why>].sqlite}, by default in a {@code backups}
 * folder beside the database.
 */
public final class DatabaseBackups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private DatabaseBackups() {
    }

    /** {@code backups} beside the database. */
    public static Path defaultFolder(Path database) {
        Path parent = database.toAbsolutePath().normalize().getParent();
        return (parent == null ? Path.of("") : parent).resolve("backups");
    }

    /** A free name for a backup of {@code database} in {@code folder}. */
    public static Path name(Path database, Path folder, String why, Clock clock) {
        String file = database.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String base = stem + "-" + STAMP.format(LocalDateTime.now(clock)) + (why == null || why.isEmpty() ? "" : "-" + why);
        Path p = folder.resolve(base + ".sqlite");
        for (int i = 2; Files.exists(p); i++) {
            p = folder.resolve(base + "-" + i + ".sqlite");
        }
        return p;
    }

    /** The pre-migration backup: a verified byte copy through the engine (a snapshot if a journal is pending). */
    public static AstroDatabase.BackupTaker engineCopy(FileEngine engine, Path folder, Clock clock) {
        return (database, why) -> {
            Path dest = name(database, folder, why, clock);
            if (hasPendingJournal(database)) {
                // the file alone would miss what the journal holds; let SQLite write a consistent snapshot
                snapshot(database, dest);
                return dest;
            }
            Plan plan = new Plan("database backup", List.of(new FileOperation.Copy(database, dest, "backup " + why)),
                    List.of(), List.of(folder.toAbsolutePath().normalize()), List.of());
            check(engine.execute(plan, ProgressListener.NONE, CancellationToken.none()), "backing up " + database);
            return dest;
        };
    }

    /** A consistent snapshot of an open database into {@code folder}; returns the new file. */
    public static Path backup(AstroDatabase db, Path folder, String why, Clock clock) throws DatabaseException {
        Path dest = name(db.file(), folder, why, clock);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DatabaseException("cannot create the backup folder " + folder + ": " + e.getMessage(), e);
        }
        db.read("writing the backup " + dest, c -> {
            try (PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, dest.toString());
                s.execute();
            }
            return null;
        });
        return dest;
    }

    private static void snapshot(Path database, Path dest) throws IOException {
        Files.createDirectories(dest.getParent());
        try (Connection c = DriverManager.getConnection(AstroDatabase.url(database));
             PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, dest.toString());
            s.execute();
        } catch (SQLException e) {
            throw DatabaseException.of(database, "writing the backup " + dest, e);
        }
    }

    static boolean hasPendingJournal(Path database) {
        Path dir = database.getParent();
        String name = database.getFileName().toString();
        return Files.exists(dir.resolve(name + "-journal")) || Files.exists(dir.resolve(name + "-wal"));
    }

    /** What a restore did. */
    public record Restored(Path restoredFrom, Path database, Path previousKeptAs) {
    }

    /**
     * Puts {@code backup} in place of {@code database}; the current database (if any) is kept in
     * {@code folder}. Refuses a file that is not an intact astrophotography database.
     */
    public static Restored restore(Path backup, Path database, FileEngine engine, Path folder, Clock clock,
                                   boolean dryRun) throws IOException {
        Path src = backup.toAbsolutePath().normalize();
        Path db = database.toAbsolutePath().normalize();
        if (!Files.isRegularFile(src)) {
            throw new DatabaseException("there is no backup file " + src);
        }
        if (src.equals(db)) {
            throw new DatabaseException(src + " is the database itself; name a backup copy");
        }
        verify(src);
        if (hasPendingJournal(db)) {
            throw new DatabaseException("the database " + db + " is in use (a journal file is beside it); close the "
                    + "program using it, open it once with apdm (any db command) and run the restore again");
        }
        if (dryRun) {
            return new Restored(src, db, Files.exists(db) ? name(db, folder, "before-restore", clock) : null);
        }
        List<FileOperation> ops = new ArrayList<>();
        Path kept = null;
        if (Files.exists(db)) {
            kept = name(db, folder, "before-restore", clock);
            ops.add(new FileOperation.Move(db, kept, "keep the current database"));
        }
        ops.add(new FileOperation.Copy(src, db, "restore " + src.getFileName()));
        List<Path> roots = new ArrayList<>(List.of(db.getParent(), folder.toAbsolutePath().normalize()));
        Plan plan = new Plan("database restore", ops, List.of(), roots, List.of());
        check(engine.execute(plan, ProgressListener.NONE, CancellationToken.none()), "restoring " + src);
        return new Restored(src, db, kept);
    }

    /** An intact SQLite file with the astrophotography tables. */
    static void verify(Path file) throws DatabaseException {
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = DriverManager.getConnection(AstroDatabase.url(file), readOnly.toProperties())) {
            try (PreparedStatement s = c.prepareStatement("PRAGMA integrity_check"); ResultSet rs = s.executeQuery()) {
                String r = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(r)) {
                    throw new DatabaseException(file + " is damaged (" + r + "); choose another backup");
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                s.setString(1, "accepted_data");
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) == 0) {
                        throw new DatabaseException(file + " is not an astrophotography database (no accepted_data table)");
                    }
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(file, "checking the backup", e);
        }
    }

    private static void check(ExecutionResult r, String doing) throws IOException {
        for (OperationOutcome o : r.outcomes()) {
            if (o.outcome() != Outcome.DONE) {
                throw new IOException(doing + ": " + o.operation().verb() + " " + o.operation().source() + " was "
                        + o.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (o.detail() == null ? "" : " (" + o.detail() + ")") + "; nothing was overwritten");
            }
        }
        if (r.cancelled()) {
            throw new IOException(doing + " was cancelled");
        }
    }
}
