package org.apdm.db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops NOT NULL where the old schema demanded a value that may be unknown (reference-spec §11.1): the
 * target's profile (whose NOT NULL made every insert of a fresh database fail), and an accepted folder's
 * location and filter (a frame far from every site has no location; never a silent default).
 *
 * <p>SQLite cannot change a column's constraint, so the table is rebuilt: a copy with the same columns in
 * the same order (any extra column a variant of the file has is kept), every row copied, the old table
 * dropped, the copy renamed, the indexes re-created as they were. Written in Java because the user's file
 * and a fresh file of the old scripts differ in column order; nothing is rebuilt that needs no change.
 */
public class V2__Relax_legacy_not_null extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        relax(c, "target", Set.of("profile_id"), "profile_id integer");
        relax(c, "accepted_data", Set.of("location_id", "filter_id"), null);
    }

    record Column(String name, String type, boolean notNull, String defaultValue, boolean primaryKey) {
    }

    /** Rebuilds {@code table} without NOT NULL on {@code nullable}; nothing is done where none is set. */
    static void relax(Connection c, String table, Set<String> nullable, String addIfMissing)
            throws SQLException {
        List<Column> columns = columns(c, table);
        boolean missing = addIfMissing != null && columns.stream().noneMatch(col -> nullable.contains(col.name()));
        boolean needed = missing || columns.stream().anyMatch(col -> nullable.contains(col.name()) && col.notNull());
        if (!needed) {
            return;
        }
        List<String> indexes = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '"
                     + table + "' AND sql IS NOT NULL")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        List<String> foreignKeys = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
            while (rs.next()) {
                foreignKeys.add("FOREIGN KEY (" + rs.getString("from") + ") REFERENCES " + rs.getString("table")
                        + " (" + rs.getString("to") + ")");
            }
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table).append("_apdm_new (");
        List<String> names = new ArrayList<>();
        for (Column col : columns) {
            if (!names.isEmpty()) {
                ddl.append(", ");
            }
            names.add(col.name());
            ddl.append(col.name()).append(' ').append(col.type());
            if (col.primaryKey()) {
                ddl.append(" PRIMARY KEY");
            }
            if (col.notNull() && !nullable.contains(col.name())) {
                ddl.append(" NOT NULL");
            }
            if (col.defaultValue() != null) {
                ddl.append(" DEFAULT ").append(col.defaultValue());
            }
        }
        if (missing) {
            ddl.append(", ").append(addIfMissing);
        }
        for (String fk : foreignKeys) {
            ddl.append(", ").append(fk);
        }
        ddl.append(')');
        String list = String.join(", ", names);
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
            s.execute("INSERT INTO " + table + "_apdm_new (" + list + ") SELECT " + list + " FROM " + table);
            if (count(s, table) != count(s, table + "_apdm_new")) {
                throw new SQLException("copying " + table + " lost rows; nothing was changed");
            }
            s.execute("DROP TABLE " + table);
            s.execute("ALTER TABLE " + table + "_apdm_new RENAME TO " + table);
            for (String index : indexes) {
                s.execute(index);
            }
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                out.add(new Column(rs.getString("name"), rs.getString("type"), rs.getInt("notnull") != 0,
                        rs.getString("dflt_value"), rs.getInt("pk") != 0));
            }
        }
        return out;
    }
}
