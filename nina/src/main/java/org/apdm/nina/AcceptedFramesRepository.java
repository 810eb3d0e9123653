package org.apdm.nina;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;

/**
 * Every read of apdm's own database this module needs, read-only, in one place (so it can follow the
 * {@code db} module's schema). Table and column names are those of the user's legacy file
 * (DATABASE_SCHEMA.md, reference-spec §7.1/§13.1), which apdm keeps.
 */
public final class AcceptedFramesRepository {

    /** A N.I.N.A. profile known to apdm: its GUID and the rig of its optic and camera (null when unknown). */
    public record Profile(String id, String name, String rig) {
    }

    /**
     * One accepted_data row: a folder of accepted lights.
     *
     * @param rig          canonical rig name ({@code C8E@f10.0+ZWO ASI2600MM Pro}) of the row's optic and camera
     * @param panel        panel name, "" for none
     * @param exposure     shutter time in seconds
     * @param rawDirectory the folder the row counts (may be null in damaged rows)
     */
    public record Frames(long id, String rig, String target, String panel, String filter, double exposure, int count,
                         String rawDirectory) {
    }

    /** What apdm's database holds for the scheduler: profiles and accepted frame rows. */
    public record Contents(Path file, Map<String, Profile> profilesById, List<Frames> frames) {
        public Contents {
            profilesById = Map.copyOf(profilesById);
            frames = List.copyOf(frames);
        }

        /** The rig of a N.I.N.A. profile id (case-insensitive), or null. */
        public String rigOf(String profileId) {
            Profile p = profileId == null ? null : profilesById.get(profileId.toLowerCase(java.util.Locale.ROOT));
            return p == null ? null : p.rig();
        }
    }

    static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("profile", List.of("id", "name", "optic_id", "camera_id"));
        REQUIRED.put("optic", List.of("id", "name", "focal_ratio"));
        REQUIRED.put("camera", List.of("id", "name"));
        REQUIRED.put("target", List.of("id", "name"));
        REQUIRED.put("filter", List.of("id", "name"));
        REQUIRED.put("accepted_data", List.of("id", "panel_name", "shutter_time_seconds", "accepted_count",
                "raw_directory", "optic_id", "camera_id", "target_id", "filter_id"));
    }

    private static final String PROFILES = """
            SELECT p.id, p.name, o.name, o.focal_ratio, c.name
            FROM profile p
            LEFT JOIN optic o ON o.id = p.optic_id
            LEFT JOIN camera c ON c.id = p.camera_id
            ORDER BY p.name""";

    private static final String FRAMES = """
            SELECT a.id, o.name, o.focal_ratio, c.name, t.name, a.panel_name, f.name, a.shutter_time_seconds,
                   a.accepted_count, a.raw_directory
            FROM accepted_data a
            JOIN optic o ON o.id = a.optic_id
            JOIN camera c ON c.id = a.camera_id
            JOIN target t ON t.id = a.target_id
            JOIN filter f ON f.id = a.filter_id
            WHERE a.accepted_count > ?
            ORDER BY a.id""";

    private final Path file;
    private final Duration busyTimeout;

    public AcceptedFramesRepository(Path file, Duration busyTimeout) {
        this.file = file.toAbsolutePath().normalize();
        this.busyTimeout = busyTimeout;
    }

    public Path file() {
        return file;
    }

    /** Reads profiles and accepted frames in one read transaction. */
    public Contents read() throws SchedulerDatabaseException {
        SqliteFiles.requireFile(file, "apdm's database", "run `apdm db update` first, or pass --database FILE");
        try (Connection c = SqliteFiles.open(file, true, busyTimeout)) {
            SqliteFiles.requireShape(c, file, REQUIRED, "an apdm database",
                    "Is --database pointing at apdm's astrophotography.sqlite?");
            c.setAutoCommit(false);
            Map<String, Profile> profiles = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PROFILES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (id != null) {
                        profiles.put(id.trim().toLowerCase(java.util.Locale.ROOT),
                                new Profile(id.trim(), rs.getString(2), rig(rs.getString(3), rs.getString(4), rs.getString(5))));
                    }
                }
            }
            List<Frames> frames = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(FRAMES)) {
                ps.setInt(1, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String rig = rig(rs.getString(2), rs.getString(3), rs.getString(4));
                        String panel = rs.getString(6);
                        frames.add(new Frames(rs.getLong(1), rig, rs.getString(5), panel == null ? "" : panel,
                                rs.getString(7), rs.getDouble(8), rs.getInt(9), rs.getString(10)));
                    }
                }
            }
            c.commit();
            return new Contents(file, profiles, frames);
        } catch (SQLException e) {
            if (SqliteFiles.isBusy(e)) {
                throw new SchedulerDatabaseException.Locked("apdm's database " + file + " is locked by another program "
                        + "(another apdm run?); waited " + busyTimeout.toSeconds() + " s. Nothing was changed; run again.", e);
            }
            if (SqliteFiles.isNotADatabase(e)) {
                throw new SchedulerDatabaseException.UnknownSchema("apdm's database " + file + " is not an SQLite database; "
                        + "is --database pointing at apdm's astrophotography.sqlite?");
            }
            throw new SchedulerDatabaseException("cannot read apdm's database " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code optic@fratio+camera} with the ratio normalised, or null when a part is missing. */
    static String rig(String optic, String ratio, String camera) {
        if (optic == null || ratio == null || camera == null || optic.isBlank() || camera.isBlank()) {
            return null;
        }
        return ApdmConfig.canonicalRig(optic.trim() + "@f" + ratio.trim() + "+" + camera.trim());
    }
}
