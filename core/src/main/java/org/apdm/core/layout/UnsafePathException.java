package org.apdm.core.layout;

/** A destination that would leave its root or break a length limit; the message says which. */
public class UnsafePathException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnsafePathException(String reason) {
        super(reason);
    }
}
