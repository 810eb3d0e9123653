package org.apdm.core.task;

/** Thrown at a safe point after the user cancelled; nothing is half done when it is thrown. */
public class OperationCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OperationCancelledException() {
        super("cancelled by the user");
    }
}
