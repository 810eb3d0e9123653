package org.apdm.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.report.ReportRow;

/**
 * The rows reports are made of: every accepted folder with its filter's AstroBin id and its site's Bortle
 * class. No join on {@code profile}: the old summary dropped every rig without a matching profile (953 of
 * 2,320 rows of the user's database).
 */
public final class ReportRepository {

    private final Connection c;

    public ReportRepository(Connection c) {
        this.c = c;
    }

    public List<ReportRow> rows() throws SQLException {
        List<ReportRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.raw_directory, a.date, a.panel_name, "
                + "a.shutter_time_seconds, a.accepted_count, c.name AS camera, o.name AS optic, o.focal_ratio, "
                + "t.name AS target, f.name AS filter, f.astrobin_id, a.gain, a.sensor_cooling, a.darks, a.flats, "
                + "a.bias, l.bortle FROM accepted_data a LEFT JOIN camera c ON c.id = a.camera_id "
                + "LEFT JOIN optic o ON o.id = a.optic_id LEFT JOIN target t ON t.id = a.target_id "
                + "LEFT JOIN filter f ON f.id = a.filter_id LEFT JOIN location l ON l.id = a.location_id "
                + "ORDER BY a.raw_directory");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String raw = rs.getString("raw_directory");
                ReportRow.Place place = ReportRow.place(raw);
                String rig = place != null ? place.rig()
                        : rs.getString("optic") + "@f" + rs.getString("focal_ratio") + "+" + rs.getString("camera");
                Double shutter = Sql.getDouble(rs, "shutter_time_seconds");
                Integer count = Sql.getInteger(rs, "accepted_count");
                out.add(new ReportRow(rig, place == null ? "?" : place.stage(),
                        rs.getString("target") == null ? "?" : rs.getString("target"),
                        place == null ? raw : place.targetFolder(),
                        rs.getString("panel_name") == null ? "" : rs.getString("panel_name"), rs.getString("date"),
                        rs.getString("filter"), Sql.getInteger(rs, "astrobin_id"), count == null ? 0 : count,
                        shutter, rs.getString("focal_ratio"), Sql.getDouble(rs, "gain"),
                        Sql.getInteger(rs, "sensor_cooling"), Sql.getInteger(rs, "darks"), Sql.getInteger(rs, "flats"),
                        Sql.getInteger(rs, "bias"), Sql.getInteger(rs, "bortle")));
            }
        }
        return out;
    }
}
