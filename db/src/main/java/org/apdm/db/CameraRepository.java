package org.apdm.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Cameras by name ({@code camera}, unique name). */
public final class CameraRepository {

    private final Connection c;

    public CameraRepository(Connection c) {
        this.c = c;
    }

    /** The camera's id, creating the row when it is new. */
    public int idFor(String name) throws SQLException {
        Integer id = Sql.integer(c, "SELECT id FROM camera WHERE name = ?", name);
        if (id != null) {
            return id;
        }
        Sql.update(c, "INSERT INTO camera (name) VALUES (?)", name);
        return Sql.lastId(c);
    }
}
