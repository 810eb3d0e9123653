package org.apdm.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Which report files apdm wrote, by their content hash ({@code report_file}); apdm replaces only its own. */
public final class ReportFileRepository {

    private final Connection c;

    public ReportFileRepository(Connection c) {
        this.c = c;
    }

    public Optional<String> sha256(String path) throws SQLException {
        try (PreparedStatement s = Sql.prepare(c, "SELECT sha256 FROM report_file WHERE path = ?", path);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    public void record(String path, String sha256) throws SQLException {
        Sql.update(c, "INSERT INTO report_file (path, sha256) VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET "
                + "sha256 = excluded.sha256, written = CURRENT_TIMESTAMP", path, sha256);
    }
}
