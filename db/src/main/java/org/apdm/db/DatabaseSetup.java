package org.apdm.db;

import java.util.ArrayList;
import java.util.List;
import org.apdm.core.config.ApdmConfig;

/**
 * What {@code apdm db init} puts into a database: the default filters with their AstroBin ids and the
 * configured rigs' filters (ids already set are kept). No sites: a new user has none until he adds them
 * ({@code apdm location add}); the user's own six are in his database (issue 11.12).
 */
public final class DatabaseSetup {

    /**
     * What was added, and how many sites the database has (none: {@code db init} says how to add one).
     */
    public record Result(int filtersChanged, int sites) {
    }

    private DatabaseSetup() {
    }

    /**
     * Opens the database the way every command and the window use it: its schema brought up to date after a copy
     * of the file as it was is taken through the file engine into {@code backups/} beside it (see
     * {@link AstroDatabase#migrationBackup()}); a database created here starts with the default filters,
     * as {@code apdm db init} makes it.
     *
     * @param create create the file when it is missing
     */
    public static AstroDatabase open(ApdmConfig config, java.nio.file.Path file, org.apdm.core.fileops.FileEngine engine,
                                     java.time.Clock clock, boolean create) throws DatabaseException {
        boolean existed = java.nio.file.Files.exists(file);
        AstroDatabase db = AstroDatabase.open(file, DatabaseBackups.engineCopy(engine, DatabaseBackups.defaultFolder(file),
                clock), create);
        if (!existed) {
            try {
                init(db, config);
            } catch (DatabaseException | RuntimeException e) {
                try {
                    db.close();
                } catch (DatabaseException x) {
                    e.addSuppressed(x);
                }
                throw e;
            }
        }
        return db;
    }

    public static Result init(AstroDatabase db, ApdmConfig config) throws DatabaseException {
        return init(db, config, false);
    }

    /** With {@code dryRun}: what would be added, rolled back. */
    public static Result init(AstroDatabase db, ApdmConfig config, boolean dryRun) throws DatabaseException {
        return db.inTransaction("setting up the database", dryRun, c -> {
            FilterRepository filters = new FilterRepository(c);
            List<ApdmConfig.FilterDef> all = new ArrayList<>(ApdmConfig.DEFAULT_FILTERS);
            config.rigs().values().forEach(r -> {
                if (r.filters() != null) {
                    all.addAll(r.filters());
                }
            });
            int changed = filters.ensure(all);
            return new Result(changed, new LocationRepository(c).all().size());
        });
    }
}
