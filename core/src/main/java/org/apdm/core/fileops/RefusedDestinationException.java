package org.apdm.core.fileops;

import java.io.IOException;

/** A destination outside the plan's roots or behind a link: permanent, so never retried. */
final class RefusedDestinationException extends IOException {

    private static final long serialVersionUID = 1L;

    RefusedDestinationException(String message) {
        super(message);
    }
}
