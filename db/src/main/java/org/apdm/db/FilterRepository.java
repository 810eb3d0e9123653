package org.apdm.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;

/** Filters by name with their AstroBin equipment ids ({@code filter}, unique name). */
public final class FilterRepository {

    private final Connection c;

    public FilterRepository(Connection c) {
        this.c = c;
    }

    /** The filter's id, creating the row when new; null for a null name (unknown filter). */
    public Integer idFor(String name) throws SQLException {
        if (name == null) {
            return null;
        }
        Integer id = Sql.integer(c, "SELECT id FROM filter WHERE name = ?", name);
        if (id != null) {
            return id;
        }
        Sql.update(c, "INSERT INTO filter (name) VALUES (?)", name);
        return Sql.lastId(c);
    }

    /** Every filter name with its AstroBin id (null when none). */
    public Map<String, Integer> astrobinIds() throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, astrobin_id FROM filter ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString("name"), Sql.getInteger(rs, "astrobin_id"));
            }
        }
        return out;
    }

    /** Sets (or clears, with null) a filter's AstroBin id, creating the filter when new. */
    public void setAstrobinId(String name, Integer astrobinId) throws SQLException {
        idFor(name);
        Sql.update(c, "UPDATE filter SET astrobin_id = ?, last_updated_date = CURRENT_TIMESTAMP WHERE name = ?",
                astrobinId, name);
    }

    /** Adds missing filters and fills missing AstroBin ids; an id already set is the user's and stays. */
    public int ensure(List<ApdmConfig.FilterDef> filters) throws SQLException {
        int changed = 0;
        for (ApdmConfig.FilterDef f : filters) {
            Integer id = Sql.integer(c, "SELECT id FROM filter WHERE name = ?", f.name());
            if (id == null) {
                Sql.update(c, "INSERT INTO filter (name, astrobin_id) VALUES (?, ?)", f.name(), f.astrobinId());
                changed++;
            } else if (f.astrobinId() != null) {
                changed += Sql.update(c, "UPDATE filter SET astrobin_id = ?, last_updated_date = CURRENT_TIMESTAMP "
                        + "WHERE id = ? AND astrobin_id IS NULL", f.astrobinId(), id);
            }
        }
        return changed;
    }

    /** Renames a filter everywhere it is used (rows refer to it by id). */
    public void rename(String from, String to) throws SQLException {
        Sql.update(c, "UPDATE filter SET name = ?, last_updated_date = CURRENT_TIMESTAMP WHERE name = ?", to, from);
    }

    public boolean exists(String name) throws SQLException {
        return Sql.integer(c, "SELECT id FROM filter WHERE name = ?", name) != null;
    }
}
