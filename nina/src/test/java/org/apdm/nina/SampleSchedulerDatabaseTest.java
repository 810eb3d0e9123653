package org.apdm.nina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apdm.nina.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSchedulerDatabaseTest {

    @TempDir
    Path tmp;

    /** Every table with its columns, types, NOT NULL and defaults, as PRAGMA table_info reports them. */
    static Map<String, List<String>> shape(Path db) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = TestDatabases.connect(db); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                List<String> cols = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" + t + "')")) {
                    while (rs.next()) {
                        cols.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4) + " " + rs.getInt(5));
                    }
                }
                out.put(t, cols);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                out.put("user_version", List.of(rs.getString(1)));
            }
        }
        return out;
    }

    @Test
    void theShippedSchemaBuildsTheSameDatabaseAsThePluginsOwnScripts() throws Exception {
        Path created = tmp.resolve("sample/schedulerdb.sqlite");
        SampleSchedulerDatabase.create(created).close();
        Path fixture = TestDatabases.schedulerCopy(tmp.resolve("fixture"));
        assertEquals(shape(fixture), shape(created));
        assertEquals(List.of("23"), shape(created).get("user_version"));
    }

    @Test
    void anExistingFileIsNeverReplaced() throws Exception {
        Path fixture = TestDatabases.schedulerCopy(tmp);
        String before = TestDatabases.sha256(fixture);
        assertThrows(IOException.class, () -> SampleSchedulerDatabase.create(fixture));
        assertEquals(before, TestDatabases.sha256(fixture));
    }
}
