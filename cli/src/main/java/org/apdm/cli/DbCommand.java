package org.apdm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseBackups;
import org.apdm.db.DatabaseException;
import org.apdm.db.DatabaseSetup;
import org.apdm.db.profiles.ProfileImportOperation;
import org.apdm.db.profiles.ProfileImportSummary;
import org.apdm.db.update.AcceptedDataPlanner;
import org.apdm.db.update.DbUpdateOperation;
import org.apdm.db.update.DbUpdateSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm db}: the astrophotography database. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"The astrophotography database: create, back up, restore, import profiles, record frames.",
                "astrophotography.sqlite stays compatible with the old scripts."},
        subcommands = {DbCommand.Init.class, DbCommand.Backup.class, DbCommand.Restore.class,
                DbCommand.ImportProfiles.class, DbCommand.Update.class},
        footer = {"", "Exit codes: 0 done, 1 done with something left out (listed), 2 usage or configuration error, "
                + "3 aborted (the database is unchanged)."})
public final class DbCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** Shared by the subcommands. */
    abstract static class Sub extends DatabaseSubcommand {
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create the database, or bring an existing one up to date (backed up first).",
                    "An existing file (the old scripts' one) is copied to backups/ before its schema changes.",
                    "Adds the default filters with their AstroBin ids. Sites are yours to add (apdm location add);",
                    "frames are matched to the nearest one."})
    static final class Init extends Sub {
        static final String NO_SITES_HINT = "  no sites yet: add where you image with `apdm location add NAME --lat DEG "
                + "--lon DEG`, so frames get their site and Bortle class";
        @Option(names = "--dry-run", description = "Say what would be created, updated and added; change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            if (dryRun) {
                return dryRun(config);
            }
            try (AstroDatabase db = databaseOption.open(config, true, err())) {
                DatabaseSetup.Result r = DatabaseSetup.init(db, config);
                if (output.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("command", "db init");
                    m.put("database", db.file().toString());
                    m.put("schemaVersion", db.schemaVersion());
                    m.put("backup", db.migrationBackup().map(Path::toString).orElse(null));
                    m.put("filtersChanged", r.filtersChanged());
                    m.put("sites", r.sites());
                    out().println(Json.write(m));
                } else {
                    out().printf("Database %s is ready (schema version %s).%n", db.file(), db.schemaVersion());
                    out().printf("  filters added or given their AstroBin id: %d%n", r.filtersChanged());
                    if (r.sites() == 0) {
                        out().println(NO_SITES_HINT);
                    }
                }
            }
            out().flush();
            return ExitCodes.OK;
        }

        /**
         * A missing file would be created with the defaults; an older schema would be backed up and updated (not done
         * here: only listed); an up-to-date one is asked in a rolled-back transaction what it lacks.
         */
        private int dryRun(ApdmConfig config) throws IOException {
            Path f = databaseOption.file(config);
            boolean exists = Files.exists(f);
            List<String> pending = exists ? AstroDatabase.pendingMigrations(f) : List.of();
            DatabaseSetup.Result r = null;
            if (exists && pending.isEmpty()) {
                try (AstroDatabase db = databaseOption.open(config, false, err())) {
                    r = DatabaseSetup.init(db, config, true);
                }
            }
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("command", "db init");
                m.put("dryRun", true);
                m.put("database", f.toString());
                m.put("exists", exists);
                m.put("pendingSchemaVersions", pending);
                m.put("filtersChanged", r == null ? null : r.filtersChanged());
                m.put("sites", r == null ? null : r.sites());
                out().println(Json.write(m));
            } else if (!exists) {
                out().printf("Dry run, nothing changed. Would create %s with the default filters and no sites.%n", f);
            } else if (!pending.isEmpty()) {
                out().printf("Dry run, nothing changed. Would copy %s to %s, then update its schema to version %s "
                        + "(%s), then add any default filters it lacks.%n", f, DatabaseBackups.defaultFolder(f),
                        pending.get(pending.size() - 1), String.join(", ", pending));
            } else {
                out().printf("Dry run, nothing changed. %s is at the current schema; it would gain %d filter(s) or "
                        + "AstroBin id(s).%n", f, r.filtersChanged());
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Write a consistent copy of the database.",
                    "Safe while the database is open elsewhere.",
                    "Default folder: `backups` beside the database. Existing files are never replaced."})
    static final class Backup extends Sub {
        @Option(names = "--to", paramLabel = "DIR", description = "Folder for the copy.")
        Path to;
        @Option(names = "--dry-run", description = "Say where the copy would go; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            if (dryRun) {
                Path f = databaseOption.file(config);
                if (!Files.exists(f)) {
                    throw new DatabaseException("there is no database at " + f + "; run `apdm db init` to create it, "
                            + "or pass --database FILE");
                }
                Path dir = to != null ? to.toAbsolutePath().normalize() : DatabaseBackups.defaultFolder(f);
                if (output.json()) {
                    out().println(Json.write(Map.of("command", "db backup", "dryRun", true, "database", f.toString(),
                            "folder", dir.toString())));
                } else {
                    out().printf("Dry run, nothing changed. Would write a consistent copy of %s into %s.%n", f, dir);
                }
                out().flush();
                return ExitCodes.OK;
            }
            try (AstroDatabase db = databaseOption.open(config, false, err())) {
                Path dir = to != null ? to.toAbsolutePath().normalize() : DatabaseBackups.defaultFolder(db.file());
                Path copy = DatabaseBackups.backup(db, dir, "", Clock.systemDefaultZone());
                if (output.json()) {
                    out().println(Json.write(Map.of("command", "db backup", "database", db.file().toString(),
                            "backup", copy.toString())));
                } else {
                    out().printf("Backed up %s to %s%n", db.file(), copy);
                    out().printf("To restore it: apdm db restore \"%s\"%n", copy);
                }
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Put a backup in place of the database; the current one is kept.",
                    "Close any program using the database first. The backup is checked (intact, an astrophotography",
                    "database); the current database is kept in the backup folder as",
                    "<name>-<time>-before-restore.sqlite, so a restore can itself be undone; then the backup is",
                    "copied into place (never moved: it stays a backup) and brought to the current schema."})
    static final class Restore extends Sub {
        @Parameters(index = "0", paramLabel = "FILE", description = "The backup to restore.")
        Path file;
        @Option(names = "--dry-run", description = "Check the backup and say what would happen; change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            Path db = databaseOption.file(config);
            Path folder = DatabaseBackups.defaultFolder(db);
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new UsageException("there is no backup file " + file.toAbsolutePath().normalize()
                        + "; give the path of a backup (they are kept in " + folder + ")");
            }
            if (dryRun) {
                DatabaseBackups.restore(file, db, null, folder, Clock.systemDefaultZone(), true);
                out().printf("Would restore %s into %s (dry run, nothing changed); the current database would be kept "
                        + "in %s%n", file.toAbsolutePath().normalize(), db, folder);
                out().flush();
                return ExitCodes.OK;
            }
            DatabaseBackups.Restored r = DatabaseBackups.restore(file, db, Engines.of(config), folder,
                    Clock.systemDefaultZone(), false);
            try (AstroDatabase opened = databaseOption.open(config, false, err())) {
                if (output.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("command", "db restore");
                    m.put("database", r.database().toString());
                    m.put("restoredFrom", r.restoredFrom().toString());
                    m.put("previousKeptAs", r.previousKeptAs() == null ? null : r.previousKeptAs().toString());
                    m.put("schemaVersion", opened.schemaVersion());
                    out().println(Json.write(m));
                } else {
                    out().printf("Restored %s from %s (schema version %s).%n", r.database(), r.restoredFrom(),
                            opened.schemaVersion());
                    if (r.previousKeptAs() != null) {
                        out().printf("The database as it was is kept as %s (restore that file to undo).%n",
                                r.previousKeptAs());
                    }
                }
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "import-profiles", mixinStandardHelpOptions = true,
            description = {"Import N.I.N.A. profiles as rigs with their filters.",
                    "A profile's name must be <optic>@f<ratio>+<camera>; its filter wheel's filters become the rig's",
                    "priority list (DARK and BLANK slots skipped; exactly L,R,G,B,S,H,O becomes L,R,G,B,O,S,H).",
                    "A profile named otherwise is listed and skipped (or imported under the rig name given with",
                    "--rig-name); the others are imported. A profile's site (its latitude and longitude) becomes a",
                    "site unless one is within locations.match_within_km. Profiles are only read."})
    static final class ImportProfiles extends Sub {
        @Option(names = "--dir", paramLabel = "NINA_PROFILES",
                description = "N.I.N.A.'s profile folder (default: nina.profiles in the configuration).")
        Path dir;
        @Option(names = "--rig-name", paramLabel = "PROFILE=RIG",
                description = "Import the profile named PROFILE as the rig RIG (repeatable).")
        Map<String, String> renames = new LinkedHashMap<>();
        @Option(names = "--dry-run", description = "Show what would be imported; change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            Path folder = Engines.existingFolder(dir, config.ninaProfiles(), "--dir", "nina.profiles", config);
            ProfileImportOperation.Result r;
            try (AstroDatabase db = databaseOption.open(config, true, err())) {
                r = ProfileImportOperation.run(db, config, folder, renames, dryRun);
            }
            int code = r.skipped().isEmpty() && r.unreadable().isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("command", "db import-profiles");
                m.put("dryRun", dryRun);
                m.put("folder", folder.toString());
                m.put("imported", r.imported());
                m.put("skipped", r.skipped().stream().map(s -> Map.of("file", s.profile().file().toString(),
                        "name", s.profile().name(), "reason", s.reason())).toList());
                m.put("unreadable", r.unreadable().stream().map(u -> Map.of("file", u.file().toString(),
                        "reason", u.reason())).toList());
                m.put("notes", r.notes());
                m.put("sitesAdded", r.sitesAdded());
                m.put("exitCode", code);
                out().println(Json.write(m));
            } else {
                ProfileImportSummary.lines(r, folder, dryRun).forEach(out()::println);
            }
            out().flush();
            return code;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Record the accepted frames: one row per folder of accepted lights.",
                    "A folder below accept/ counts its FITS, XISF and camera raw lights (masters and other files are",
                    "not counted; a raw night without an exposure in names or EXIF is recorded without hours).",
                    "Without a mode: --create --update. Idempotent: a second run changes nothing. A target",
                    "moved to another stage keeps its rows with the new folder. The site is the one named by",
                    "LOCATION_x in the path, else the one nearest the frames' SITELAT/SITELONG within",
                    "locations.match_within_km (none: no site and a warning). Rigs are scanned in parallel; the",
                    "database is written in one transaction."})
    static final class Update extends Sub {
        @Option(names = "--data", paramLabel = "ROOT", description = "The archive root (overrides roots.data).")
        Path data;
        @Option(names = "--rig", paramLabel = "R", description = "Only this rig below the archive root (repeatable).")
        List<String> rigs = new ArrayList<>();
        @Option(names = "--create", description = "Add rows for folders that have none (and follow moved targets).")
        boolean create;
        @Option(names = "--update", description = "Refresh rows whose folder changed (count, night, filter, site...).")
        boolean update;
        @Option(names = "--delete", description = "Remove rows whose folder no longer exists.")
        boolean delete;
        @Option(names = "--dry-run", description = "Show what would change; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            CliEnvironment env = env();
            ApdmConfig config = configOption.load(env);
            Path root = Engines.existingFolder(data, config.roots().data(), "--data", "roots.data", config);
            StatusCommand.checkRigs(root, rigs);
            boolean c = create;
            boolean u = update;
            if (!create && !update && !delete) {
                c = true;
                u = true;
            }
            DbUpdateOperation.Result r;
            try (AstroDatabase db = databaseOption.open(config, true, err());
                 Cancellation cancel = new Cancellation();
                 ConsoleProgress progress = new ConsoleProgress(err(), env.interactive(), output.quiet() || output.json())) {
                r = new DbUpdateOperation(config, db).run(new DbUpdateOperation.Request(root, Set.copyOf(rigs), c, u,
                        delete, dryRun), progress, cancel.token());
                progress.close();
                print(r, db.file());
            }
            return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
        }

        private void print(DbUpdateOperation.Result r, Path file) {
            AcceptedDataPlanner.Plan p = r.plan();
            DbUpdateOperation.Request q = r.request();
            int code = r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("command", "db update");
                m.put("dryRun", q.dryRun());
                m.put("data", r.scan().inventory().dataRoot().toString());
                m.put("database", file.toString());
                m.put("modes", DbUpdateSummary.modes(q));
                m.put("folders", r.scan().inventory().folders().size());
                m.put("frames", r.scan().inventory().frames());
                m.put("scanSeconds", r.scanTime().toMillis() / 1000.0);
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("inserted", p.count(AcceptedDataPlanner.Change.Insert.class));
                counts.put("updated", p.count(AcceptedDataPlanner.Change.Update.class));
                counts.put("moved", p.count(AcceptedDataPlanner.Change.Move.class));
                counts.put("deleted", p.count(AcceptedDataPlanner.Change.Delete.class));
                counts.put("unchanged", p.unchanged());
                m.put("summary", counts);
                m.put("changes", p.changes().stream().map(Update::change).toList());
                m.put("warnings", r.warnings());
                m.put("problems", r.problems().stream().map(x -> Map.of("file", x.file().toString(),
                        "reason", x.reason())).toList());
                m.put("exitCode", code);
                out().println(Json.write(m));
                out().flush();
                return;
            }
            DbUpdateSummary.lines(r, file, output.verbose()).forEach(out()::println);
            out().flush();
        }

        static Map<String, Object> change(AcceptedDataPlanner.Change ch) {
            DbUpdateSummary.Change c = DbUpdateSummary.change(ch);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind());
            m.put("folder", c.folder());
            m.put("details", c.details());
            return m;
        }
    }
}
