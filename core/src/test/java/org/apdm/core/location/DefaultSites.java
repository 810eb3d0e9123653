package org.apdm.core.location;

import java.util.List;

/**
 * The user's six sites (reference-spec §2.2) with the sky quality Clear Outside gave for them in 2023
 * (his database), as test data: apdm seeds no sites (issue 11.12).
 */
public final class DefaultSites {

    public static final List<Site> ALL = List.of(
            new Site("RL", "35.6", "-78.8", new SkyQuality("19.53", 5, "1.67", "1501.15")),
            new Site("BW", "35.8", "-79.0", new SkyQuality("20.38", 5, "0.76", "590.71")),
            new Site("3BA", "36.1", "-78.7", new SkyQuality("20.55", 4, "0.65", "481.24")),
            new Site("SRSP", "36.7", "-78.7", new SkyQuality("21.67", 4, "0.23", "60.34")),
            new Site("HW", "35.4", "-78.3", new SkyQuality("21.09", 4, "0.4", "223.97")),
            new Site("KDDS", "39.6", "-104.0", new SkyQuality("21.83", 3, "0.2", "28.49")));

    private DefaultSites() {
    }
}
