package org.apdm.nina;

/**
 * A database apdm cannot read or write as asked: missing, of an unknown shape, locked, or failing.
 * The message names the file and says what to do; nothing was changed when this is thrown.
 */
public class SchedulerDatabaseException extends Exception {

    private static final long serialVersionUID = 1L;

    public SchedulerDatabaseException(String message) {
        super(message);
    }

    public SchedulerDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The file is not there (a wrong path or setting). */
    public static final class Missing extends SchedulerDatabaseException {
        private static final long serialVersionUID = 1L;

        public Missing(String message) {
            super(message);
        }
    }

    /** The file lacks tables or columns apdm needs (checked with {@code PRAGMA table_info}). */
    public static final class UnknownSchema extends SchedulerDatabaseException {
        private static final long serialVersionUID = 1L;

        public UnknownSchema(String message) {
            super(message);
        }
    }

    /** Another program (N.I.N.A.) held the database for longer than apdm waited, twice. */
    public static final class Locked extends SchedulerDatabaseException {
        private static final long serialVersionUID = 1L;

        public Locked(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
