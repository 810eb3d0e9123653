package org.apdm.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Targets by name ({@code target}, unique name, global across rigs as in the user's database). */
public final class TargetRepository {

    private final Connection c;

    public TargetRepository(Connection c) {
        this.c = c;
    }

    public int idFor(String name) throws SQLException {
        Integer id = Sql.integer(c, "SELECT id FROM target WHERE name = ?", name);
        if (id != null) {
            return id;
        }
        Sql.update(c, "INSERT INTO target (name) VALUES (?)", name);
        return Sql.lastId(c);
    }
}
