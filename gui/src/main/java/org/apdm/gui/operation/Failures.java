package org.apdm.gui.operation;

import org.apdm.core.config.ConfigException;
import org.apdm.core.fileops.EngineBusyException;
import org.apdm.core.task.OperationCancelledException;

/** Turns a failed operation into the sentence the window shows, with what to do; the same cases as the command line's handler. */
public final class Failures {

    private Failures() {
    }

    public static String message(Throwable t) {
        Throwable e = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof ConfigException ce) {
            return "The configuration cannot be used:\n  " + String.join("\n  ", ce.problems())
                    + "\nNothing was changed. Fix it in Settings.";
        }
        if (e instanceof EngineBusyException) {
            return e.getMessage();
        }
        if (e instanceof OperationCancelledException) {
            return "Cancelled; nothing is half done. Plan again to continue.";
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        // a database apdm cannot use (missing, unknown shape, locked): its message names the file and what to do
        if (e instanceof org.apdm.nina.SchedulerDatabaseException || e instanceof org.apdm.db.DatabaseException) {
            return e.getMessage();
        }
        if (e instanceof java.io.IOException) {
            return e.getMessage() + "\nFiles already handled stay handled; plan again to continue.";
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return "Unexpected error: " + e;
    }
}
