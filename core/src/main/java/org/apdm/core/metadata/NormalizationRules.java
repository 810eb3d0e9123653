package org.apdm.core.metadata;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The user-adjustable parts of normalisation, taken from the configuration.
 *
 * @param filterAliases    filter name as written by the capture software → the name apdm uses
 * @param nightRule        how the night date is computed
 * @param zone             time zone used when a frame has DATE-OBS but no DATE-LOC
 * @param cameraConstants  values a camera always has but does not write (DWARFIII)
 * @param extraKeys        further header keywords or file-name tokens to keep (custom metrics)
 */
public record NormalizationRules(Map<String, String> filterAliases, NightDateRule nightRule, ZoneId zone,
                                 Map<String, CameraConstants> cameraConstants, Set<String> extraKeys) {

    /** The old scripts' filter map (reference-spec §1.3); the empty name means "no filter". */
    public static final Map<String, String> DEFAULT_FILTER_ALIASES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("BaaderUVIRCut", "UVIR");
        m.put("OptolongLeXtreme", "LeXtr");
        m.put("S2", "S");
        m.put("Ha", "H");
        m.put("O3", "O");
        m.put("", "RGB");
        DEFAULT_FILTER_ALIASES = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * DWARF 3 writes no focal ratio; the Seestar S50 (250 mm, 50 mm aperture) writes its serial into TELESCOP on
     * newer firmware, so its optic is fixed to the model name: one unit is one rig.
     */
    public static final Map<String, CameraConstants> DEFAULT_CAMERA_CONSTANTS = Map.of(
            "DWARFIII", new CameraConstants("4.3", "LIGHT", List.of("Astro", "Duo-Band", "Dual-Band")),
            "Seestar S50", new CameraConstants("5.0", null, List.of(), "Seestar S50"));

    public NormalizationRules {
        filterAliases = Map.copyOf(filterAliases);
        cameraConstants = Map.copyOf(cameraConstants);
        extraKeys = Set.copyOf(extraKeys);
    }

    public static NormalizationRules defaults() {
        return new NormalizationRules(DEFAULT_FILTER_ALIASES, NightDateRule.LOCAL_MINUS_12H, ZoneId.systemDefault(),
                DEFAULT_CAMERA_CONSTANTS, Set.of());
    }

    public NormalizationRules withExtraKeys(Set<String> keys) {
        return new NormalizationRules(filterAliases, nightRule, zone, cameraConstants, keys);
    }

    /** Constants for the camera (INSTRUME), else for the optic (TELESCOP), or null. */
    public CameraConstants constantsFor(String camera, String optic) {
        CameraConstants c = constantsFor(camera);
        return c != null ? c : constantsFor(optic);
    }

    public CameraConstants constantsFor(String camera) {
        if (camera == null) {
            return null;
        }
        CameraConstants c = cameraConstants.get(camera);
        if (c != null) {
            return c;
        }
        for (Map.Entry<String, CameraConstants> e : cameraConstants.entrySet()) {
            if (e.getKey().equalsIgnoreCase(camera)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Values a camera always has but does not write into its files.
     *
     * @param focalRatio  focal ratio to assume when absent
     * @param type        frame type to assume when absent
     * @param filterWords bare words in the file name that name the filter ({@code Astro})
     * @param optic       the optic name to use whatever TELESCOP says (a serial number), or null
     */
    public record CameraConstants(String focalRatio, String type, List<String> filterWords, String optic) {
        public CameraConstants {
            filterWords = filterWords == null ? List.of() : List.copyOf(filterWords);
        }

        public CameraConstants(String focalRatio, String type, List<String> filterWords) {
            this(focalRatio, type, filterWords, null);
        }

        String filterWord(List<String> tokens) {
            for (String token : tokens) {
                for (String word : filterWords) {
                    if (token.equalsIgnoreCase(word)) {
                        return word;
                    }
                }
            }
            return null;
        }

        static String upper(String s) {
            return s == null ? null : s.toUpperCase(Locale.ROOT);
        }
    }
}
