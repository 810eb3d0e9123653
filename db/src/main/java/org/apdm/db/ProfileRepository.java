package org.apdm.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apdm.core.config.ApdmConfig;

/**
 * Rigs as profiles ({@code profile}: a N.I.N.A. profile id, its name, the rig's filters in priority order
 * as {@code filter_names}). A rig the user edits filters for without a N.I.N.A. profile gets a row with the
 * id {@code apdm:<rig>}, which an import of the real profile later takes over.
 */
public final class ProfileRepository {

    /** Id prefix of rows apdm made for rigs without a N.I.N.A. profile. */
    public static final String APDM_ID_PREFIX = "apdm:";

    /** A profile row with its rig. */
    public record Profile(String id, String name, List<String> filters, String optic, String focalRatio,
                          String camera) {
        public String rig() {
            return optic + "@f" + focalRatio + "+" + camera;
        }

        public boolean madeByApdm() {
            return id.startsWith(APDM_ID_PREFIX);
        }
    }

    private final Connection c;

    public ProfileRepository(Connection c) {
        this.c = c;
    }

    public List<Profile> all() throws SQLException {
        List<Profile> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT p.id, p.name, p.filter_names, o.name AS optic, "
                + "o.focal_ratio, c.name AS camera FROM profile p JOIN optic o ON o.id = p.optic_id "
                + "JOIN camera c ON c.id = p.camera_id ORDER BY p.name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String names = rs.getString("filter_names");
                List<String> filters = names == null || names.isBlank() ? List.of()
                        : Arrays.stream(names.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
                out.add(new Profile(rs.getString("id"), rs.getString("name"), filters, rs.getString("optic"),
                        rs.getString("focal_ratio"), rs.getString("camera")));
            }
        }
        return out;
    }

    /** The profile of a rig, compared with the focal ratio normalised ({@code f7} is {@code f7.0}). */
    public Optional<Profile> forRig(String rig) throws SQLException {
        String key = ApdmConfig.canonicalRig(rig);
        for (Profile p : all()) {
            if (ApdmConfig.canonicalRig(p.rig()).equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<Profile> byId(String id) throws SQLException {
        for (Profile p : all()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Inserts or replaces the row with this id. */
    public void upsert(String id, String name, List<String> filters, int opticId, int cameraId) throws SQLException {
        Sql.update(c, "INSERT INTO profile (id, name, filter_names, optic_id, camera_id) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, filter_names = excluded.filter_names, "
                        + "optic_id = excluded.optic_id, camera_id = excluded.camera_id, "
                        + "last_updated_date = CURRENT_TIMESTAMP",
                id, name, String.join(",", filters), opticId, cameraId);
    }

    /** Gives a row apdm made the id of the real N.I.N.A. profile. */
    public void changeId(String from, String to) throws SQLException {
        Sql.update(c, "UPDATE profile SET id = ?, last_updated_date = CURRENT_TIMESTAMP WHERE id = ?", to, from);
    }

    public void setFilters(String id, List<String> filters) throws SQLException {
        Sql.update(c, "UPDATE profile SET filter_names = ?, last_updated_date = CURRENT_TIMESTAMP WHERE id = ?",
                String.join(",", filters), id);
    }
}
