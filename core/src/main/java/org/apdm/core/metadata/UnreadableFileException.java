package org.apdm.core.metadata;

import java.io.IOException;

/** A file whose header cannot be read; the message is the reason shown to the user. */
public class UnreadableFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnreadableFileException(String reason) {
        super(reason);
    }

    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
