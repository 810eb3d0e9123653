package org.apdm.core.fileops;

import java.io.IOException;

/** A destination drive is read-only or too full for the plan; found before anything moved, so nothing did. */
public final class DestinationUnavailableException extends IOException {

    DestinationUnavailableException(String message) {
        super(message);
    }
}
