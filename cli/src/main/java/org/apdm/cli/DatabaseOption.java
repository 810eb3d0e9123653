package org.apdm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.apdm.core.config.ApdmConfig;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseException;
import org.apdm.db.DatabaseSetup;
import picocli.CommandLine.Option;

/** {@code --database FILE}, shared by every command that uses the astrophotography database. */
public class DatabaseOption {

    @Option(names = "--database", paramLabel = "FILE",
            description = "The astrophotography database (default: `database` in the configuration, else "
                    + "astrophotography.sqlite in the per-user data folder).")
    Path database;

    Path file(ApdmConfig config) {
        return database != null ? database.toAbsolutePath().normalize() : config.database();
    }

    /**
     * Opens the database, bringing its schema up to date (a backup copy is taken first and named on {@code err}).
     *
     * @param create create it when missing
     */
    AstroDatabase open(ApdmConfig config, boolean create, PrintWriter err) throws DatabaseException {
        Path f = file(config);
        if (!create && !java.nio.file.Files.exists(f)) {
            // a missing file is the user's setting, not an aborted run: exit 2 and say how to get one
            throw new UsageException("there is no database at " + f + "; create it with `apdm db init` (or "
                    + "`apdm db update`), or give another with --database");
        }
        AstroDatabase db = DatabaseSetup.open(config, f, Engines.of(config), Clock.systemDefaultZone(), create);
        db.migrationBackup().ifPresent(b -> {
            err.println("Updated the database " + f + " to the current schema; the file as it was is kept as " + b);
            err.flush();
        });
        return db;
    }
}
