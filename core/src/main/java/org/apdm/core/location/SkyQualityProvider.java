package org.apdm.core.location;

import java.io.IOException;

/**
 * Looks up the sky quality of a place. Kept behind an interface because web pages change: a provider that
 * cannot read its source throws, and the caller keeps the values it had.
 */
public interface SkyQualityProvider {

    /** Where the values come from, for messages ("Clear Outside"). */
    String name();

    /**
     * @throws IOException when the source cannot be reached or its answer cannot be read; the message says which
     */
    SkyQuality fetch(double latitude, double longitude) throws IOException;
}
