package org.apdm.core.fileops;

import java.io.IOException;

/**
 * A destination drive is read-only, too full or gone: found before anything moved (nothing did), or during the run
 * after several files in a row failed the same way (those before stay handled, the rest untouched). The message
 * names the folder and drive and says what to do.
 */
public final class DestinationUnavailableException extends IOException {

    DestinationUnavailableException(String message) {
        super(message);
    }
}
