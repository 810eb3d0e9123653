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
     * @param detected true when the profile was detected (source {@code auto}), not configured
     * @param recognised true when the program was recognised: one of its patterns matched the path, or the header
     *                 named it
     * @param output   true when the file is one of the program's own products (a stack), not a sub
     * @param layers   the pattern's values, the source's defaults over the program's constants, header keywords to
     *                 ignore
     */
    public record Facts(CaptureProfile profile, boolean detected, boolean recognised, boolean output,
                        MetadataReader.Layers layers) {

        /** Detected only as the fallback: the header's creator may still name the program. */
        public boolean unrecognised() {
            return detected && !recognised && !output;
        }
    }

    private CaptureProfileMatcher() {
    }

    public static Facts facts(CaptureSource source, Path relative) {
        CaptureProfile configured = CaptureProfiles.byId(source.profile());
        if (configured != null) {
            return of(source, configured, relative, false);
        }
        for (CaptureProfile p : CaptureProfiles.ALL) {
            if (p.isOutput(relative)) {
                return new Facts(p, true, true, true, MetadataReader.Layers.NONE);
            }
            Map<String, String> values = p.match(relative);
            if (values != null) {
                return build(source, p, values, true, true);
            }
        }
        // KEY_value names and the header, as for the RAW folder
        return build(source, CaptureProfiles.NINA, null, true, false);
    }

    /** The facts of a frame whose header names the program that wrote it (a renamed frame of an auto source). */
    public static Facts facts(CaptureSource source, Path relative, CaptureProfile writer) {
        return of(source, writer, relative, true, true);
    }

    private static Facts of(CaptureSource source, CaptureProfile profile, Path relative, boolean detected) {
        return of(source, profile, relative, detected, false);
    }

    private static Facts of(CaptureSource source, CaptureProfile profile, Path relative, boolean detected,
                            boolean byHeader) {
        if (profile.isOutput(relative)) {
            return new Facts(profile, detected, true, true, MetadataReader.Layers.NONE);
        }
        Map<String, String> values = profile.match(relative);
        return build(source, profile, values, detected, byHeader || values != null);
    }

    private static Facts build(CaptureSource source, CaptureProfile profile, Map<String, String> values,
                               boolean detected, boolean recognised) {
        Map<String, String> defaults = new LinkedHashMap<>(profile.constants());
        defaults.putAll(source.defaults());
        return new Facts(profile, detected, recognised, false, new MetadataReader.Layers(
                values == null ? Map.of() : values, defaults, profile.ignoredHeader()));
    }
}
