package org.apdm.core.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.layout.RigName;
import org.apdm.core.metadata.MetadataNormalizer;
import org.apdm.core.metadata.PathTokens;

/**
 * Reads what a folder's path says about the frames in it, for every layout of the user's archive
 * (reference-spec §13.5): {@code {rig}/{stage}/{target}[/accept]/…} where the part below the target is
 * any of {@code DATE_d/FILTER_f_EXP_e[_SETTEMP_t][_PANEL_p]}, {@code DATE_d/LIGHT_f[/EXP_e]},
 * {@code PANEL_n/DATE_d/…}, {@code DATE_d/PANEL_n/[DATE_d/]…}, {@code DATE_d_FOCRATIO_r/…},
 * {@code DATE_d_OFFSET_o_FILTER_f[/accept|/RAW]}, {@code DATE_yyyymmdd/…}, {@code RAW_Images/…},
 * {@code DATE_d_LOCATION_x/…} and the rest. Values come from {@code KEY_value} tokens below the target
 * folder (outer folders first, as {@link PathTokens} reads them); what the path does not say is null and is
 * read from the frames' headers by the scanner. Pure.
 */
public final class LightFolderParser {

    /** The sub-folder of a target that holds the frames that survived blink. */
    public static final String ACCEPT = ArchiveLayout.ACCEPT;
    /** The sub-folder of a target that holds processed master lights, which are not frames. */
    public static final String MASTER = "master";

    /**
     * What a folder's path says.
     *
     * @param rig           the rig folder name
     * @param stage         the stage folder name ({@code 20_Data}, or an unknown one such as {@code 70_Abandon})
     * @param targetFolder  the target folder name as on disk
     * @param target        the target name ({@link TargetName})
     * @param panel         panel from a {@code PANEL_} folder, else from the target name; "" when none
     * @param accepted      below {@code accept/}
     * @param night         {@code yyyy-MM-dd}, or null when the path has no date
     * @param filter        canonical filter name, or null when the path has none
     * @param exposure      seconds with two decimals ({@code 120.00}), or null
     * @param setTemp       set temperature with two decimals, or null
     * @param location      site name from a {@code LOCATION_} token, or null
     * @param structural    raw values for {@link org.apdm.core.metadata.MetadataReader}: rig parts and a
     *                      {@code LIGHT_<filter>} filter, ranked above the names' own tokens
     */
    public record Parsed(String rig, String stage, String targetFolder, String target, String panel, boolean accepted,
                         String night, String filter, String exposure, String setTemp, String location,
                         Map<String, String> structural) {

        /** Night, filter and exposure are all known from the path: no header is needed. */
        public boolean complete() {
            return night != null && filter != null && exposure != null;
        }
    }

    private final FilterNames filters;

    public LightFolderParser(FilterNames filters) {
        this.filters = filters;
    }

    /**
     * Parses a folder below the data root.
     *
     * @param segments folder names below the data root: rig, stage, target, then anything below
     * @return empty when the folder is not below a target, or is in a target's {@code master} folder
     */
    public Optional<Parsed> parse(List<String> segments) {
        if (segments.size() < 3) {
            return Optional.empty();
        }
        List<String> below = segments.subList(3, segments.size());
        if (!below.isEmpty() && below.get(0).equalsIgnoreCase(MASTER)) {
            return Optional.empty();
        }
        String rig = segments.get(0);
        TargetName name = TargetName.of(segments.get(2));
        boolean accepted = false;
        List<String> names = new ArrayList<>(below.size() + 1);
        for (String s : below) {
            if (s.equalsIgnoreCase(ACCEPT)) {
                accepted = true;
            } else {
                names.add(s);
            }
        }
        names.add("x"); // PathTokens treats the last name as a file name and cuts its extension
        PathTokens tokens = PathTokens.parse(names);
        Map<String, String> suffix = name.suffixTokens();

        String rawFilter = tokens.get("FILTER");
        String lightFilter = rawFilter == null ? tokens.get("LIGHT") : null;
        String filter = filters.canonical(rawFilter != null ? rawFilter : lightFilter);
        String exposure = first(tokens, "EXPOSURE", "EXPTIME", "EXP");
        String night = tokens.get("DATE") == null ? null : MetadataNormalizer.dateOnly(tokens.get("DATE"));
        String panel = tokens.get("PANEL");
        if (panel == null) {
            panel = name.panel();
        }
        String setTemp = first(tokens, "SETTEMP");
        String location = tokens.get("LOCATION") != null ? tokens.get("LOCATION") : suffix.get("LOCATION");

        Map<String, String> structural = new HashMap<>();
        RigName.parse(rig).ifPresent(r -> {
            structural.put("OPTIC", r.optic());
            structural.put("FOCRATIO", r.focalRatio());
            structural.put("CAMERA", r.camera());
        });
        if (lightFilter != null) {
            structural.put("FILTER", lightFilter);
        }
        return Optional.of(new Parsed(rig, segments.get(1), segments.get(2), name.name(), panel, accepted, night,
                filter, exposure == null ? null : MetadataNormalizer.twoDecimals(exposure),
                setTemp == null ? null : MetadataNormalizer.twoDecimals(setTemp), location, Map.copyOf(structural)));
    }

    private static String first(PathTokens tokens, String... keys) {
        for (String k : keys) {
            String v = tokens.get(k.toUpperCase(Locale.ROOT));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
