package org.apdm.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Folders of accepted lights ({@code accepted_data}, one row per folder: unique raw_directory). Names are
 * turned into ids through the other repositories, creating cameras, optics, targets and filters as needed.
 */
public final class AcceptedDataRepository {

    private static final String SELECT = "SELECT a.id, a.raw_directory, a.date, a.panel_name, a.shutter_time_seconds, "
            + "a.accepted_count, c.name AS camera, o.name AS optic, o.focal_ratio, t.name AS target, f.name AS filter, "
            + "a.location_id, a.gain, a.sensor_cooling, a.darks, a.flats, a.bias FROM accepted_data a "
            + "LEFT JOIN camera c ON c.id = a.camera_id LEFT JOIN optic o ON o.id = a.optic_id "
            + "LEFT JOIN target t ON t.id = a.target_id LEFT JOIN filter f ON f.id = a.filter_id";

    private final Connection c;
    private final CameraRepository cameras;
    private final OpticRepository optics;
    private final TargetRepository targets;
    private final FilterRepository filters;

    public AcceptedDataRepository(Connection c) {
        this.c = c;
        this.cameras = new CameraRepository(c);
        this.optics = new OpticRepository(c);
        this.targets = new TargetRepository(c);
        this.filters = new FilterRepository(c);
    }

    public List<AcceptedRow> all() throws SQLException {
        List<AcceptedRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY a.id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Double shutter = Sql.getDouble(rs, "shutter_time_seconds");
                Integer count = Sql.getInteger(rs, "accepted_count");
                out.add(new AcceptedRow(rs.getInt("id"), rs.getString("raw_directory"), rs.getString("date"),
                        rs.getString("panel_name") == null ? "" : rs.getString("panel_name"),
                        shutter, count == null ? 0 : count, rs.getString("camera"),
                        rs.getString("optic"), rs.getString("focal_ratio"), rs.getString("target"),
                        rs.getString("filter"), Sql.getInteger(rs, "location_id"), Sql.getDouble(rs, "gain"),
                        Sql.getInteger(rs, "sensor_cooling"), Sql.getInteger(rs, "darks"), Sql.getInteger(rs, "flats"),
                        Sql.getInteger(rs, "bias")));
            }
        }
        return out;
    }

    public int insert(AcceptedRow r) throws SQLException {
        Sql.update(c, "INSERT INTO accepted_data (date, panel_name, shutter_time_seconds, accepted_count, camera_id, "
                        + "optic_id, location_id, target_id, filter_id, raw_directory, gain, sensor_cooling, darks, flats, "
                        + "bias) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values(r, true));
        return Sql.lastId(c);
    }

    public void update(int id, AcceptedRow r) throws SQLException {
        Object[] v = values(r, true);
        Object[] params = java.util.Arrays.copyOf(v, v.length + 1);
        params[v.length] = id;
        Sql.update(c, "UPDATE accepted_data SET date = ?, panel_name = ?, shutter_time_seconds = ?, accepted_count = ?, "
                + "camera_id = ?, optic_id = ?, location_id = ?, target_id = ?, filter_id = ?, raw_directory = ?, "
                + "gain = ?, sensor_cooling = ?, darks = ?, flats = ?, bias = ?, last_updated_date = CURRENT_TIMESTAMP "
                + "WHERE id = ?", params);
    }

    public void delete(int id) throws SQLException {
        Sql.update(c, "DELETE FROM accepted_data WHERE id = ?", id);
    }

    private Object[] values(AcceptedRow r, boolean withFolder) throws SQLException {
        Double s = r.shutterSeconds();
        Object shutter = s == null ? null : s == Math.rint(s) ? (Object) s.longValue() : (Object) s;
        return new Object[] {r.date(), r.panel() == null ? "" : r.panel(), shutter, r.count(), cameras.idFor(r.camera()),
                optics.idFor(r.optic(), r.focalRatio()), r.locationId(), targets.idFor(r.target()),
                filters.idFor(r.filter()), withFolder ? r.rawDirectory() : null, r.gain(), r.sensorCooling(), r.darks(),
                r.flats(), r.bias()};
    }
}
