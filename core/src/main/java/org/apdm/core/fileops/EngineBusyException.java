package org.apdm.core.fileops;

/** Another apdm run holds the engine lock. */
public class EngineBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineBusyException(String message) {
        super(message);
    }
}
