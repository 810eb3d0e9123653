package org.apdm.cli;

/** A problem with what the user asked for (a missing folder, a bad flag); exits with {@link ExitCodes#USAGE}. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
