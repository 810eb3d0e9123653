package org.apdm.core.capture;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A folder a capture program writes to ({@code ingest.sources[]}): its profile, or {@code auto}, and the facts its
 * frames lack (a SharpCap frame does not say its telescope), used when neither header nor name has them.
 *
 * @param path     the folder
 * @param profile  a {@link CaptureProfiles} id, or {@link CaptureProfiles#AUTO}
 * @param defaults header keyword → value
 */
public record CaptureSource(Path path, String profile, Map<String, String> defaults) {

    /** The configuration's names for defaults and the header keyword each stands for. */
    public static final Map<String, String> DEFAULT_KEYS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("optic", "TELESCOP");
        m.put("camera", "INSTRUME");
        m.put("focal_ratio", "FOCRATIO");
        m.put("focal_length", "FOCALLEN");
        m.put("filter", "FILTER");
        m.put("type", "IMAGETYP");
        m.put("target", "OBJECT");
        m.put("gain", "GAIN");
        m.put("offset", "OFFSET");
        m.put("set_temp", "SET-TEMP");
        m.put("readout_mode", "READOUTM");
        DEFAULT_KEYS = java.util.Collections.unmodifiableMap(m);
    }

    public CaptureSource {
        profile = profile == null ? CaptureProfiles.AUTO : profile.trim().toLowerCase(Locale.ROOT);
        defaults = Map.copyOf(defaults);
    }

    /** The frames of the RAW folder: N.I.N.A., as before sources existed. */
    public static CaptureSource nina(Path raw) {
        return new CaptureSource(raw, CaptureProfiles.NINA.id(), Map.of());
    }
}
