package org.apdm.core.capture;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apdm.core.metadata.MetadataReader;

/** Decides which program wrote a frame of a source and what its path says. Pure. */
public final class CaptureProfileMatcher {

    /**
     * What a frame's path and its source give, below the header.
     *
     * @param profile  the program, configured or detected
     * @param detected true when the profile was detected from the path (source {@code auto})
     * @param output   true when the file is one of the program's own products (a stack), not a sub
     * @param layers   the pattern's values, the source's defaults over the program's constants, header keywords to
     *                 ignore
     */
    public record Facts(CaptureProfile profile, boolean detected, boolean output, MetadataReader.Layers layers) {
    }

    private CaptureProfileMatcher() {
    }

    public static Facts facts(CaptureSource source, Path relative) {
        CaptureProfile configured = CaptureProfiles.byId(source.profile());
        CaptureProfile profile = configured;
        Map<String, String> values = null;
        if (configured != null) {
            values = configured.match(relative);
        } else {
            for (CaptureProfile p : CaptureProfiles.ALL) {
                if (p.isOutput(relative)) {
                    return new Facts(p, true, true, MetadataReader.Layers.NONE);
                }
                values = p.match(relative);
                if (values != null) {
                    profile = p;
                    break;
                }
            }
            if (profile == null) {
                profile = CaptureProfiles.NINA; // KEY_value names and the header, as for the RAW folder
            }
        }
        boolean output = configured != null && configured.isOutput(relative);
        Map<String, String> defaults = new LinkedHashMap<>(profile.constants());
        defaults.putAll(source.defaults());
        return new Facts(profile, configured == null, output, new MetadataReader.Layers(
                values == null ? Map.of() : values, defaults, profile.ignoredHeader()));
    }
}
