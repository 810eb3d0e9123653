package org.apdm.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;

/** Copies of the fixtures and databases for tests; tests never touch a fixture itself. */
public final class TestDatabases {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T12:00:00Z"), ZoneOffset.UTC);

    private TestDatabases() {
    }

    /** A copy of the user's real database (2,320 rows, 80,118 frames). */
    public static Path legacyCopy(Path dir) throws IOException {
        return resource("/legacy/astrophotography.sqlite", dir.resolve("astrophotography.sqlite"));
    }

    public static Path resource(String name, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = TestDatabases.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            Files.copy(in, to);
        }
        return to;
    }

    public static FileEngine engine(Path dir) {
        return new FileEngine(EngineSettings.of(dir.resolve(".apdm-state")));
    }

    /** Opens (creating and migrating) with backups into {@code dir/backups}. */
    public static AstroDatabase open(Path db) throws IOException {
        Path dir = db.toAbsolutePath().getParent();
        return AstroDatabase.open(db, DatabaseBackups.engineCopy(engine(dir), dir.resolve("backups"), CLOCK), true);
    }

    /** Adds the user's six sites, as he has them in his database (apdm seeds none). */
    public static void addUsersSites(AstroDatabase db) throws DatabaseException {
        db.inTransaction("adding sites", c -> {
            LocationRepository locations = new LocationRepository(c);
            for (org.apdm.core.location.Site s : org.apdm.core.location.DefaultSites.ALL) {
                locations.insert(s);
            }
            return null;
        });
    }
}
