package org.apdm.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's real database (a copy) is backed up, baselined and migrated with every row kept, the same
 * frames per target and filter, and the defects of reference-spec §11 fixed.
 */
class LegacyMigrationTest {

    @TempDir
    Path dir;

    @Test
    void migratesHisDatabaseKeepingEveryRowAndSum() throws Exception {
        Path db = TestDatabases.legacyCopy(dir);
        byte[] original = Files.readAllBytes(db);
        Map<String, long[]> sumsBefore = sums(db, "CASE WHEN f.name IN ('None', '') THEN NULL ELSE f.name END");
        List<String> rowsBefore = rows(db);
        assertEquals(2320, rowsBefore.size());

        try (AstroDatabase adb = TestDatabases.open(db)) {
            assertEquals(4, adb.appliedMigrations(), "V1 (creates nothing here), V2, V3, V4 after the baseline");
            assertEquals("4", adb.schemaVersion());
            Path backup = adb.migrationBackup().orElseThrow();
            assertArrayEquals(original, Files.readAllBytes(backup), "the backup is the file exactly as it was");
            assertTrue(backup.getFileName().toString().startsWith("astrophotography-20250610-120000-before-schema-v4"));
        }

        assertEquals(rowsBefore, rows(db), "every accepted_data row kept with its folder, count and exposure");
        assertEquals(sumsBefore, sums(db, "f.name"), "same frames and exposure per target and filter");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(80118, one(c, "SELECT sum(accepted_count) FROM accepted_data"));
            assertEquals(318, one(c, "SELECT count(*) FROM target"), "targets are kept, orphans included");
            assertEquals(6, one(c, "SELECT count(*) FROM location"));
            assertEquals(11, one(c, "SELECT count(*) FROM profile"));
            // §11.6: no text "None" anywhere
            assertEquals(0, one(c, "SELECT count(*) FROM accepted_data WHERE panel_name = 'None'"));
            assertEquals(0, one(c, "SELECT count(*) FROM filter WHERE name IN ('None', '')"));
            assertEquals(0, one(c, "SELECT count(*) FROM optic WHERE name = 'None'"));
            assertEquals(5, one(c, "SELECT count(*) FROM accepted_data WHERE filter_id IS NULL"),
                    "the five Canon SL2 folders without a filter have an unknown filter, not 'None'");
            assertEquals(1, one(c, "SELECT count(*) FROM filter WHERE name = 'RGB' AND astrobin_id IS NULL"));
            // §13.6: compact dates are dates
            assertEquals(0, one(c, "SELECT count(*) FROM accepted_data WHERE date NOT LIKE '____-__-__'"));
            assertEquals(1, one(c, "SELECT count(*) FROM accepted_data WHERE date = '2021-05-14' "
                    + "AND raw_directory LIKE '%DATE_20210514%'"));
            // §11.1: a target without a profile and a folder without a site can be stored
            try (PreparedStatement s = c.prepareStatement("INSERT INTO target (name) VALUES (?)")) {
                s.setString(1, "New, \"quoted\" target's name");
                assertEquals(1, s.executeUpdate());
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO accepted_data (date, panel_name, "
                    + "shutter_time_seconds, accepted_count, camera_id, optic_id, location_id, target_id, filter_id, "
                    + "raw_directory) VALUES ('2025-06-01', '', 60, 3, 1, 1, NULL, 1, NULL, ?)")) {
                s.setString(1, "/data/x/accept/DATE_2025-06-01/FILTER_L_EXP_60.00");
                assertEquals(1, s.executeUpdate());
            }
            // his scripts' upsert still works: it needs the unique index on raw_directory
            try (PreparedStatement s = c.prepareStatement("INSERT INTO accepted_data (date, panel_name, "
                    + "shutter_time_seconds, accepted_count, camera_id, optic_id, location_id, target_id, filter_id, "
                    + "raw_directory) VALUES ('2025-06-01', '', 60, 5, 1, 1, 1, 1, 1, ?) ON CONFLICT (raw_directory) "
                    + "DO UPDATE SET accepted_count = excluded.accepted_count")) {
                s.setString(1, "/data/x/accept/DATE_2025-06-01/FILTER_L_EXP_60.00");
                assertEquals(1, s.executeUpdate());
            }
            assertEquals(5, one(c, "SELECT accepted_count FROM accepted_data WHERE raw_directory = "
                    + "'/data/x/accept/DATE_2025-06-01/FILTER_L_EXP_60.00'"));
            // issue 11.2: a DSLR night of unknown exposure is recorded with its count
            try (PreparedStatement s = c.prepareStatement("INSERT INTO accepted_data (date, panel_name, "
                    + "shutter_time_seconds, accepted_count, camera_id, optic_id, location_id, target_id, filter_id, "
                    + "raw_directory) VALUES ('2025-06-02', '', NULL, 40, 1, 1, NULL, 1, NULL, ?)")) {
                s.setString(1, "/data/x/accept/DATE_2025-06-02");
                assertEquals(1, s.executeUpdate());
            }
        }
    }

    @Test
    void secondOpenChangesNothingAndTakesNoBackup() throws Exception {
        Path db = TestDatabases.legacyCopy(dir);
        try (AstroDatabase adb = TestDatabases.open(db)) {
            assertTrue(adb.migrationBackup().isPresent());
        }
        byte[] after = Files.readAllBytes(db);
        try (AstroDatabase adb = TestDatabases.open(db)) {
            assertEquals(0, adb.appliedMigrations());
            assertFalse(adb.migrationBackup().isPresent());
        }
        assertArrayEquals(after, Files.readAllBytes(db));
        try (var s = Files.list(dir.resolve("backups"))) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void freshDatabaseGetsTheFixedSchema() throws Exception {
        Path db = dir.resolve("new").resolve("astrophotography.sqlite");
        try (AstroDatabase adb = TestDatabases.open(db)) {
            assertEquals("4", adb.schemaVersion());
            assertFalse(adb.migrationBackup().isPresent(), "nothing to back up");
            Connection c = adb.connection();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO target (name) VALUES (?)")) {
                s.setString(1, "M 31");
                assertEquals(1, s.executeUpdate(), "the old DDL silently refused this (profile_id NOT NULL)");
            }
            assertNull(nullable(c, "location_id"));
            assertNull(nullable(c, "shutter_time_seconds"), "a DSLR night of unknown exposure can be recorded");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedUntouched() throws Exception {
        Path notDb = Files.writeString(dir.resolve("astrophotography.sqlite"), "date,filter\n");
        DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class,
                () -> TestDatabases.open(notDb));
        assertTrue(e.getMessage().contains("is not a SQLite database"), e.getMessage());
        assertEquals("date,filter\n", Files.readString(notDb));
    }

    private static String nullable(Connection c, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT \"notnull\" FROM pragma_table_info('accepted_data') WHERE name = ?")) {
            s.setString(1, column);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 0 ? null : "NOT NULL";
            }
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Frames and frame-seconds per target and filter. */
    private static Map<String, long[]> sums(Path db, String filterExpr) throws SQLException {
        Map<String, long[]> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement s = c.prepareStatement("SELECT t.name, " + filterExpr + ", sum(a.accepted_count), "
                     + "sum(a.accepted_count * a.shutter_time_seconds * 1000) FROM accepted_data a "
                     + "JOIN target t ON t.id = a.target_id LEFT JOIN filter f ON f.id = a.filter_id "
                     + "GROUP BY 1, 2");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1) + " | " + rs.getString(2), new long[] {rs.getLong(3), Math.round(rs.getDouble(4))});
            }
        }
        // long[] compares by identity; make the map comparable by value
        Map<String, long[]> copy = new TreeMap<>(out);
        return new TreeMap<>(copy) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Map<?, ?> m && m.size() == size() && entrySet().stream().allMatch(e ->
                        m.get(e.getKey()) instanceof long[] v && java.util.Arrays.equals(v, e.getValue()));
            }
        };
    }

    private static List<String> rows(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement s = c.prepareStatement("SELECT a.id, a.raw_directory, a.accepted_count, "
                     + "a.shutter_time_seconds, t.name FROM accepted_data a JOIN target t ON t.id = a.target_id "
                     + "ORDER BY a.id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getDouble(4) + "|"
                        + rs.getString(5));
            }
        }
        return out;
    }
}
