package org.apdm.nina;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * Writes projects, targets, templates and plans into a Target Scheduler database the way the plugin
 * stores them: the sample database of {@code apdm demo} (created from the plugin's v23 schema, shipped as
 * {@code schedulerdb-v23.sql}) and the databases of the tests (copies of the fixture).
 */
public final class SampleSchedulerDatabase implements AutoCloseable {

    /** 2025-03-01 00:00 UTC: sample rows carry a fixed creation date, so the demo is the same every time. */
    private static final long CREATED = 1_740_787_200L;

    private final Connection c;

    private SampleSchedulerDatabase(Connection c) throws SQLException {
        this.c = c;
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA synchronous = OFF"); // sample rows: no need to wait for the disk after each
        }
    }

    /** A new, empty database of the plugin's schema version 23; the file must not exist. */
    public static SampleSchedulerDatabase create(Path file) throws IOException, SQLException {
        if (Files.exists(file)) {
            throw new IOException(file + " already exists; a sample database is only created in a free place");
        }
        String ddl;
        try (InputStream in = SampleSchedulerDatabase.class.getResourceAsStream("schedulerdb-v23.sql")) {
            if (in == null) {
                throw new IOException("schedulerdb-v23.sql is missing from the apdm jar");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
        Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            for (String sql : ddl.replaceAll("(?m)^--.*$", "").split(";\\s*(\\n|$)")) {
                if (!sql.isBlank()) {
                    st.executeUpdate(sql);
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new SampleSchedulerDatabase(c);
    }

    /** Opens an existing database (a test's copy of the fixture) to add rows. */
    public static SampleSchedulerDatabase open(Path file) throws SQLException {
        return new SampleSchedulerDatabase(SqliteFiles.open(file, false, Duration.ofSeconds(5)));
    }

    public long project(String profileId, String name, ProjectState state, boolean mosaic, boolean grader)
            throws SQLException {
        return insert("""
                INSERT INTO project (profileId, name, description, state, priority, createdate, minimumtime,
                  minimumaltitude, usecustomhorizon, horizonoffset, meridianwindow, filterswitchfrequency, ditherevery,
                  enablegrader, isMosaic, flatsHandling, maximumAltitude, smartexposureorder, guid)
                VALUES (?, ?, '', ?, 1, ?, 30, 0, 0, 0, 0, 0, 0, ?, ?, 0, 0, 0, ?)""",
                profileId, name, state.code(), CREATED, grader ? 1 : 0, mosaic ? 1 : 0, guid("project", profileId, name));
    }

    public long target(long projectId, String name, double raHours, double decDegrees) throws SQLException {
        return insert("""
                INSERT INTO target (name, active, ra, dec, epochcode, rotation, roi, projectid, guid)
                VALUES (?, 1, ?, ?, 2, 0, 100, ?, ?)""",
                name, raHours, decDegrees, projectId, guid("target", Long.toString(projectId), name));
    }

    public long template(String profileId, String name, String filterName, double defaultExposure) throws SQLException {
        return insert("""
                INSERT INTO exposuretemplate (profileId, name, filtername, gain, offset, bin, readoutmode, twilightlevel,
                  moonavoidanceenabled, moonavoidanceseparation, moonavoidancewidth, maximumhumidity, defaultexposure, guid)
                VALUES (?, ?, ?, -1, -1, 1, -1, 0, 0, 0, 0, 0, ?, ?)""",
                profileId, name, filterName, defaultExposure, guid("template", profileId, name));
    }

    /** An exposure plan; {@code exposure} −1 takes the template's default. */
    public long plan(String profileId, long targetId, long templateId, double exposure, int desired, int acquired,
                     int accepted) throws SQLException {
        return insert("""
                INSERT INTO exposureplan (profileId, exposure, desired, acquired, accepted, targetid, exposureTemplateId,
                  enabled, guid)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)""",
                profileId, exposure, desired, acquired, accepted, targetId, templateId,
                guid("plan", Long.toString(targetId), Long.toString(templateId), Double.toString(exposure)));
    }

    /** The profile's exposure throttle (the plugin's default is 125 %). */
    public void throttle(String profileId, double percent) throws SQLException {
        insert("INSERT INTO profilepreference (profileId, exposurethrottle) VALUES (?, ?)", profileId, percent);
    }

    private static String guid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private long insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
