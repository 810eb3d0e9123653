package org.apdm.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apdm.db.migration.V2__Relax_legacy_not_null;
import org.apdm.db.migration.V4__Unknown_exposure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.sqlite.SQLiteConfig;

/**
 * The astrophotography database: the user's {@code astrophotography.sqlite}, kept compatible with his
 * scripts (tables camera, optic, profile, location, target, filter, accepted_data with their columns).
 *
 * <p>Opening brings the schema up to date with Flyway's versioned migrations
 * ({@code db/migration/V1..}). A file without migration history (his existing database) is baselined at
 * version 0 and then migrated; V1 only creates what is missing. Before any migration changes an existing
 * file, a backup copy is taken ({@link BackupTaker}), so nothing is ever lost.
 */
public final class AstroDatabase implements AutoCloseable {

    /** Takes a copy of the database file before its schema changes; returns the copy. */
    @FunctionalInterface
    public interface BackupTaker {
        Path backup(Path database, String reason) throws IOException;
    }

    /** Flyway reports through java.util.logging; apdm says itself what changed, so only its warnings show. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\u0000".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection connection;
    private final Path migrationBackup;
    private final int appliedMigrations;

    private AstroDatabase(Path file, Connection connection, Path migrationBackup, int appliedMigrations) {
        this.file = file;
        this.connection = connection;
        this.migrationBackup = migrationBackup;
        this.appliedMigrations = appliedMigrations;
    }

    /**
     * Opens (and migrates) the database.
     *
     * @param create create the file when it does not exist; otherwise a missing file is an error that says
     *               how to create one
     */
    public static AstroDatabase open(Path file, BackupTaker backups, boolean create) throws DatabaseException {
        Path f = file.toAbsolutePath().normalize();
        boolean existed = Files.exists(f);
        if (!existed && !create) {
            throw new DatabaseException("there is no database at " + f
                    + "; run `apdm db init` (or `apdm db update`) to create it, or pass --database FILE");
        }
        try {
            if (existed) {
                checkSqlite(f);
            } else if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
        } catch (IOException e) {
            throw e instanceof DatabaseException d ? d : new DatabaseException("cannot use " + f + ": " + e.getMessage(), e);
        }
        String url = url(f);
        Flyway flyway = flyway(url);
        Path backup = null;
        int applied;
        try {
            MigrationInfo[] pending = flyway.info().pending();
            if (existed && pending.length > 0 && Files.size(f) > 0) {
                String to = pending[pending.length - 1].getVersion().getVersion();
                try {
                    backup = backups.backup(f, "before-schema-v" + to);
                } catch (IOException e) {
                    throw new DatabaseException("the database " + f + " needs a schema update, but its backup copy failed ("
                            + e.getMessage() + "); nothing was changed", e);
                }
            }
            applied = flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String why = root instanceof SQLException se ? DatabaseException.of(f, "updating the schema", se).getMessage()
                    : e.getMessage();
            throw new DatabaseException(why + (backup != null ? " (the backup is " + backup + ")" : ""), e);
        } catch (IOException e) {
            throw e instanceof DatabaseException d ? d : new DatabaseException("cannot read " + f + ": " + e.getMessage(), e);
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            Connection c = DriverManager.getConnection(url, config.toProperties());
            return new AstroDatabase(f, c, backup, applied);
        } catch (SQLException e) {
            throw DatabaseException.of(f, "opening", e);
        }
    }

    /**
     * The schema versions {@link #open} would apply to an existing file, without applying them (for dry runs); empty
     * when it is up to date.
     */
    public static List<String> pendingMigrations(Path file) throws DatabaseException {
        Path f = file.toAbsolutePath().normalize();
        try {
            checkSqlite(f);
            return java.util.Arrays.stream(flyway(url(f)).info().pending())
                    .map(m -> m.getVersion().getVersion()).toList();
        } catch (FlywayException e) {
            throw new DatabaseException("cannot read the schema of " + f + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw e instanceof DatabaseException d ? d : new DatabaseException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static Flyway flyway(String url) {
        return Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .javaMigrations(new V2__Relax_legacy_not_null(), new V4__Unknown_exposure())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("existing astrophotography database")
                .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator")
                .load();
    }

    static String url(Path f) {
        return "jdbc:sqlite:" + f;
    }

    private static void checkSqlite(Path f) throws IOException {
        if (Files.size(f) == 0) {
            return; // an empty file is an empty database to SQLite
        }
        byte[] head = new byte[SQLITE_MAGIC.length];
        try (InputStream in = Files.newInputStream(f)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
                throw new DatabaseException(f + " is not a SQLite database; pass the right file with --database FILE");
            }
        }
    }

    public Path file() {
        return file;
    }

    /** The connection; callers use bound parameters only, and {@link #inTransaction} for writes. */
    public Connection connection() {
        return connection;
    }

    /** The backup taken before this open migrated the file, if any. */
    public Optional<Path> migrationBackup() {
        return Optional.ofNullable(migrationBackup);
    }

    public int appliedMigrations() {
        return appliedMigrations;
    }

    /** Work that uses the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is written, or none of it. */
    public <T> T inTransaction(String doing, Work<T> work) throws DatabaseException {
        return inTransaction(doing, false, work);
    }

    /** Runs {@code work} in one transaction; with {@code dryRun} it is rolled back (what would change, changing nothing). */
    public <T> T inTransaction(String doing, boolean dryRun, Work<T> work) throws DatabaseException {
        try {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                if (dryRun) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(file, doing, e);
        }
    }

    /** Runs a read. */
    public <T> T read(String doing, Work<T> work) throws DatabaseException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw DatabaseException.of(file, doing, e);
        }
    }

    /** The schema version (the highest migration applied). */
    public String schemaVersion() throws DatabaseException {
        return read("reading the schema version", c -> {
            try (var s = c.prepareStatement(
                    "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL "
                            + "ORDER BY installed_rank DESC LIMIT 1");
                 var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "0";
            }
        });
    }

    @Override
    public void close() throws DatabaseException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw DatabaseException.of(file, "closing", e);
        }
    }
}
