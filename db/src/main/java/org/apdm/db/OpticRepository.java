package org.apdm.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Optics by name and focal ratio ({@code optic}, unique name + focal_ratio). The ratio is text as written in
 * the rig folder ({@code 7} and {@code 7.0} are separate rows in the user's database, and stay so).
 */
public final class OpticRepository {

    private final Connection c;

    public OpticRepository(Connection c) {
        this.c = c;
    }

    public int idFor(String name, String focalRatio) throws SQLException {
        Integer id = Sql.integer(c, "SELECT id FROM optic WHERE name = ? AND focal_ratio = ?", name, focalRatio);
        if (id != null) {
            return id;
        }
        Sql.update(c, "INSERT INTO optic (name, focal_ratio) VALUES (?, ?)", name, focalRatio);
        return Sql.lastId(c);
    }
}
