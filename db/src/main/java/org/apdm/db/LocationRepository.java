package org.apdm.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apdm.core.location.Site;
import org.apdm.core.location.SkyQuality;

/** Imaging sites ({@code location}, unique latitude + longitude; the column typo {@code artifical} is his schema). */
public final class LocationRepository {

    /** A site with its row id. */
    public record Row(int id, Site site) {
    }

    private final Connection c;

    public LocationRepository(Connection c) {
        this.c = c;
    }

    public List<Row> all() throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, name, latitude, longitude, magnitude, bortle, "
                + "brightness_mcd_m2, artifical_brightness_ucd_m2 FROM location ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                SkyQuality sky = new SkyQuality(rs.getString("magnitude"), Sql.getInteger(rs, "bortle"),
                        rs.getString("brightness_mcd_m2"), rs.getString("artifical_brightness_ucd_m2"));
                out.add(new Row(rs.getInt("id"), new Site(rs.getString("name"), rs.getString("latitude"),
                        rs.getString("longitude"), sky)));
            }
        }
        return out;
    }

    public List<Site> sites() throws SQLException {
        return all().stream().map(Row::site).toList();
    }

    public Optional<Row> byName(String name) throws SQLException {
        return all().stream().filter(r -> r.site().name() != null && r.site().name().equalsIgnoreCase(name)).findFirst();
    }

    public int insert(Site s) throws SQLException {
        Sql.update(c, "INSERT INTO location (name, latitude, longitude, magnitude, bortle, brightness_mcd_m2, "
                        + "artifical_brightness_ucd_m2) VALUES (?, ?, ?, ?, ?, ?, ?)", s.name(), s.latitude(),
                s.longitude(), s.sky().magnitude(), s.sky().bortle(), s.sky().brightness(), s.sky().artificialBrightness());
        return Sql.lastId(c);
    }

    public void update(int id, Site s) throws SQLException {
        Sql.update(c, "UPDATE location SET name = ?, latitude = ?, longitude = ?, magnitude = ?, bortle = ?, "
                        + "brightness_mcd_m2 = ?, artifical_brightness_ucd_m2 = ?, last_updated_date = CURRENT_TIMESTAMP "
                        + "WHERE id = ?", s.name(), s.latitude(), s.longitude(), s.sky().magnitude(), s.sky().bortle(),
                s.sky().brightness(), s.sky().artificialBrightness(), id);
    }

    /** Accepted folders recorded at this site. */
    public int usage(int id) throws SQLException {
        return Sql.integer(c, "SELECT count(*) FROM accepted_data WHERE location_id = ?", id);
    }

    /** Removes the site; folders recorded there get no site (NULL). Returns how many folders that were. */
    public int delete(int id) throws SQLException {
        int used = Sql.update(c, "UPDATE accepted_data SET location_id = NULL, last_updated_date = CURRENT_TIMESTAMP "
                + "WHERE location_id = ?", id);
        Sql.update(c, "DELETE FROM location WHERE id = ?", id);
        return used;
    }
}
