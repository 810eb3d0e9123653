package org.apdm.db;

import java.io.IOException;

/**
 * The database cannot be used: not a SQLite file, locked by another program, a failed statement. The
 * message names the file and says what to do; nothing was changed (every write runs in a transaction).
 */
public class DatabaseException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A user-facing message for a failed statement on {@code file}. */
    static DatabaseException of(java.nio.file.Path file, String doing, java.sql.SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) {
            return new DatabaseException("the database " + file + " is in use by another program (locked) while "
                    + doing + "; close the other program (or wait for it) and run the command again", e);
        }
        if (m.contains("SQLITE_NOTADB") || m.contains("not a database")) {
            return new DatabaseException(file + " is not a SQLite database", e);
        }
        if (m.contains("SQLITE_READONLY") || m.contains("readonly")) {
            return new DatabaseException("the database " + file + " cannot be written (read-only file or folder) while "
                    + doing, e);
        }
        return new DatabaseException("database " + file + ": " + doing + " failed: " + m, e);
    }
}
