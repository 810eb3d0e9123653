package org.apdm.nina.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Test databases: copies of the fixtures, and small apdm databases built from the legacy schema.
 * Shared with other modules' tests through nina's test-jar.
 */
public final class TestDatabases {

    public static final String C8E = "C8E@f10.0+ZWO ASI2600MM Pro";
    public static final String SQA = "SQA55@f5.3+ATR585M";
    public static final String C8E_PROFILE = "8c4179b3-edf2-40d2-8a3a-b13d15cc49d5";
    public static final String SQA_PROFILE = "01333553-3f50-4985-83f1-2c906ad25bf1";
    public static final String DATA = "F:\\Astrophotography\\Data\\";

    private TestDatabases() {
    }

    /** A copy of the empty v23 scheduler database the plugin's own schema scripts built. */
    public static Path schedulerCopy(Path dir) throws IOException {
        Path p = dir.resolve("schedulerdb.sqlite");
        copyResource("/fixtures/schedulerdb-v23-empty.sqlite", p);
        return p;
    }

    /** A copy of the user's real legacy database (reference-spec §13). */
    public static Path legacyCopy(Path dir) throws IOException {
        Path p = dir.resolve("astrophotography.sqlite");
        copyResource("/fixtures/legacy-astrophotography.sqlite", p);
        return p;
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = TestDatabases.class.getResourceAsStream(name)) {
            Files.createDirectories(to.getParent());
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connect(Path db) throws SQLException {
        org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
        cfg.setBusyTimeout(5000);
        return cfg.createConnection("jdbc:sqlite:" + db);
    }

    public static int intValue(Path db, String sql, Object... args) throws SQLException {
        try (Connection c = connect(db); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public static int accepted(Path db, long planId) throws SQLException {
        return intValue(db, "SELECT accepted FROM exposureplan WHERE Id = ?", planId);
    }

    public static int acquired(Path db, long planId) throws SQLException {
        return intValue(db, "SELECT acquired FROM exposureplan WHERE Id = ?", planId);
    }

    public static int state(Path db, long projectId) throws SQLException {
        return intValue(db, "SELECT state FROM project WHERE Id = ?", projectId);
    }

    /** apdm's database in the user's legacy shape, with rows added by the test. */
    public static final class Apdm implements AutoCloseable {
        final Path file;
        private final Connection c;

        public Apdm(Path file) throws IOException, SQLException {
            this.file = file;
            String ddl;
            try (InputStream in = TestDatabases.class.getResourceAsStream("/fixtures/apdm-legacy-schema.sql")) {
                ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            c = new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite:" + file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA synchronous = OFF");
                for (String sql : ddl.replaceAll("(?m)^--.*$", "").split(";\\s*(\\n|$)")) {
                    if (!sql.isBlank()) {
                        st.executeUpdate(sql);
                    }
                }
                st.executeUpdate("INSERT INTO location (id, name, latitude, longitude) VALUES (1, 'RL', '35.6', '-78.8')");
            }
        }

        /** A N.I.N.A. profile for a rig folder name {@code optic@fratio+camera}. */
        public Apdm profile(String id, String rig) throws SQLException {
            String[] r = rig.split("@f|\\+", 3);
            exec("INSERT INTO profile (id, name, filter_names, optic_id, camera_id) VALUES (?, ?, 'L,R,G,B,O,S,H', ?, ?)",
                    id, rig, optic(r[0], r[1]), camera(r[2]));
            return this;
        }

        /** An accepted_data row for a folder {@code <rig>/<stage>/<target folder>/accept/DATE_<date>/FILTER_..}. */
        public Apdm frames(String rig, String stage, String target, String panel, String filter, double exposure, int count,
                    String date) throws SQLException {
            String[] r = rig.split("@f|\\+", 3);
            String dir = DATA + rig + "\\" + stage + "\\" + target + "\\accept\\DATE_" + date + "\\FILTER_" + filter
                    + "_EXP_" + exposure + (panel.isEmpty() ? "" : "_PANEL_" + panel);
            exec("INSERT INTO accepted_data (date, panel_name, shutter_time_seconds, accepted_count, camera_id, optic_id,"
                            + " location_id, target_id, filter_id, raw_directory) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                    date, panel, exposure, count, camera(r[2]), optic(r[0], r[1]), named("target", target),
                    named("filter", filter), dir);
            return this;
        }

        private long optic(String name, String ratio) throws SQLException {
            exec("INSERT OR IGNORE INTO optic (name, focal_ratio) VALUES (?, ?)", name, ratio);
            return id("SELECT id FROM optic WHERE name = ? AND focal_ratio = ?", name, ratio);
        }

        private long camera(String name) throws SQLException {
            return named("camera", name);
        }

        private long named(String table, String name) throws SQLException {
            exec("INSERT OR IGNORE INTO " + table + " (name) VALUES (?)", name);
            return id("SELECT id FROM " + table + " WHERE name = ?", name);
        }

        private long id(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        private void exec(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }
}
