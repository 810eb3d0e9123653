package org.apdm.gui.database;

import java.nio.file.Path;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseException;
import org.apdm.db.DatabaseSetup;
import org.apdm.gui.AppContext;

/**
 * Opens apdm's database for the window's pages exactly as the command line's {@code --database} does
 * ({@link DatabaseSetup#open}): the configured file, its schema brought up to date after a backup copy, which the
 * log names.
 */
public final class DatabaseAccess {

    private DatabaseAccess() {
    }

    /** The database file of the configuration ({@code database}, else the per-user default). */
    public static Path file(ApdmConfig config) {
        return config.database().toAbsolutePath().normalize();
    }

    /** @param create create the file when it is missing (db update, profile import), as the command line does */
    public static AstroDatabase open(AppContext context, ApdmConfig config, boolean create, ProgressListener listener)
            throws DatabaseException {
        Path f = file(config);
        AstroDatabase db = DatabaseSetup.open(config, f, context.engine(config), context.clock(), create);
        db.migrationBackup().ifPresent(b -> listener.onMessage("Updated the database " + f
                + " to the current schema; the file as it was is kept as " + b));
        return db;
    }
}
