package org.apdm.nina;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * Opening SQLite files and checking their shape, shared by the two databases apdm reads here.
 * A file is never created by opening it, and read-only unless apdm is about to write.
 */
final class SqliteFiles {

    private SqliteFiles() {
    }

    static Connection open(Path file, boolean readOnly, Duration busyTimeout) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(0, busyTimeout.toMillis())));
        cfg.resetOpenMode(SQLiteOpenMode.CREATE);
        if (readOnly) {
            cfg.setReadOnly(true);
        }
        return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Fails with a message naming the file when it does not exist or is not a file. */
    static void requireFile(Path file, String what, String hint) throws SchedulerDatabaseException {
        if (Files.isDirectory(file)) {
            throw new SchedulerDatabaseException.Missing(what + " " + file + " is a folder, not a database file"
                    + (hint.isEmpty() ? "" : "; " + hint));
        }
        if (!Files.isRegularFile(file)) {
            throw new SchedulerDatabaseException.Missing(what + " " + file + " does not exist" + (hint.isEmpty() ? "" : "; " + hint));
        }
    }

    /** True when the file is not an SQLite database at all (SQLITE_NOTADB). */
    static boolean isNotADatabase(SQLException e) {
        int code = e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode();
        return (code & 0xff) == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    /** True for SQLITE_BUSY and SQLITE_LOCKED (with their extended codes): another connection holds the file. */
    static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            int primary = code.code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
        }
        int primary = e.getErrorCode() & 0xff;
        return primary == 5 || primary == 6;
    }

    /** The columns of each table (lower case); a missing table maps to an empty set. */
    static Map<String, Set<String>> columns(Connection c, List<String> tables) throws SQLException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            for (String t : tables) {
                Set<String> cols = new TreeSet<>();
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cols.add(rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
                out.put(t.toLowerCase(Locale.ROOT), cols);
            }
        }
        return out;
    }

    /**
     * Checks that every required table has every required column; throws one message listing all that is
     * missing. The version number is not trusted: newer plugin versions add columns, which is fine.
     */
    static Map<String, Set<String>> requireShape(Connection c, Path file, Map<String, List<String>> required,
                                                 String what, String hint) throws SQLException, SchedulerDatabaseException {
        Map<String, Set<String>> found = columns(c, new ArrayList<>(required.keySet()));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : required.entrySet()) {
            Set<String> cols = found.get(e.getKey().toLowerCase(Locale.ROOT));
            if (cols.isEmpty()) {
                missing.add("table " + e.getKey());
                continue;
            }
            for (String col : e.getValue()) {
                if (!cols.contains(col.toLowerCase(Locale.ROOT))) {
                    missing.add("column " + e.getKey() + "." + col);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new SchedulerDatabaseException.UnknownSchema(file + " is not " + what + " apdm knows: missing "
                    + String.join(", ", missing) + ". Nothing was changed. " + hint);
        }
        return found;
    }
}
