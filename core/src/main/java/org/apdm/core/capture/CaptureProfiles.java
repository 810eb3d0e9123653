package org.apdm.core.capture;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apdm.core.metadata.MetadataReader.Precedence;

/**
 * The capture programs apdm knows. Each naming, and where it was seen, is in docs/capture-profiles.md; a pattern
 * here is only as sure as the examples there.
 */
public final class CaptureProfiles {

    /** The id that asks apdm to detect the program from each file's path. */
    public static final String AUTO = "auto";

    private static final String ASIAIR_TAIL = "_Bin{BIN}_[{MODEL}_][{FILTER}_](gain{GAIN}|ISO{#})_"
            + "{DATE-LOC:yyyyMMdd-HHmmss}_[{*}deg_]({TEMP}C|{*}F)[_{*}]_{SEQ}";
    private static final String EKOS_TIME = "{DATE-LOC:yyyy-MM-dd'T'HH-mm-ss}";

    public static final CaptureProfile NINA = new CaptureProfile("nina", "N.I.N.A.",
            List.of(NamePattern.of("{DATE:yyyy-MM-dd}/{TYPE}/{DATE-LOC:yyyy-MM-dd_HH-mm-ss}_{FILTER}_{TEMP}_{EXP}s_{SEQ}")),
            List.of(), Precedence.PATH_FIRST, Map.of(), Set.of(), Map.of(), Map.of("SWCREATE", "N.I.N.A."));

    public static final CaptureProfile EKOS = new CaptureProfile("ekos", "KStars/Ekos",
            List.of(
                    NamePattern.of("{OBJECT}/{TYPE}/{FILTER}/{OBJECT}_{TYPE}_{FILTER}_{EXP}_secs_" + EKOS_TIME + "_{SEQ}"),
                    NamePattern.of("{OBJECT}/{TYPE}/{OBJECT}_{TYPE}_{EXP}_secs_" + EKOS_TIME + "_{SEQ}"),
                    NamePattern.of("{TYPE}/{FILTER}/{TYPE}_{FILTER}_{EXP}_secs_" + EKOS_TIME + "_{SEQ}"),
                    NamePattern.of("{TYPE}/{TYPE}_{EXP}_secs_" + EKOS_TIME + "_{SEQ}"),
                    NamePattern.of("{OBJECT}/{TYPE}/{FILTER}/{OBJECT}_{TYPE}_{FILTER}_{EXP}_secs_{SEQ}"),
                    NamePattern.of("{OBJECT}/{TYPE}/{OBJECT}_{TYPE}_{EXP}_secs_{SEQ}")),
            List.of(), Precedence.HEADER_FIRST, Map.of("TYPE=DarkFlat", "DARK"), Set.of(), Map.of(), Map.of());

    public static final CaptureProfile ASIAIR = new CaptureProfile("asiair", "ZWO ASIAIR",
            List.of(
                    NamePattern.of("{TYPE}/{OBJECT}/{TYPE}_{OBJECT}_{EXP:unit}" + ASIAIR_TAIL),
                    NamePattern.of("{TYPE}/{TYPE}_{EXP:unit}" + ASIAIR_TAIL)),
            List.of(NamePattern.of("Master{*}")),
            Precedence.HEADER_FIRST, Map.of(), Set.of("TELESCOP"), Map.of(), Map.of("CREATOR", "ZWO ASIAIR"));

    public static final CaptureProfile SEESTAR = new CaptureProfile("seestar", "ZWO Seestar",
            List.of(NamePattern.of("{OBJECT}[_mosaic]_sub/Light_{OBJECT}_{EXP}s_{FILTER}_{DATE-LOC:yyyyMMdd-HHmmss}"
                    + "{TYPE=LIGHT}")),
            List.of(NamePattern.of("Stacked_{*}")),
            Precedence.HEADER_FIRST, Map.of(), Set.of(), Map.of(), Map.of("CREATOR", "ZWO Seestar"));

    public static final CaptureProfile DWARF3 = new CaptureProfile("dwarf3", "DWARF 3",
            List.of(
                    NamePattern.of("DWARF_DARK/{*}/raw_{EXP}s_{GAIN}_{SEQ}_{DATE-LOC:yyyyMMdd-HHmmssSSS}_{TEMP}C"
                            + "{TYPE=DARK}"),
                    NamePattern.of("[failed_]{OBJECT}_{EXP}s{GAIN}_{FILTER}_{DATE-LOC:yyyyMMdd-HHmmssSSS}_{TEMP}C"
                            + "{TYPE=LIGHT}")),
            List.of(NamePattern.of("{*}stacked{*}"), NamePattern.of("CALI_FRAME/{*}/{*}/{*}")),
            Precedence.HEADER_FIRST, Map.of(), Set.of("TELESCOP", "INSTRUME"),
            // firmware 1.4 renamed the unit from DWARFIII to 'DWARF 3'; one unit stays one rig
            Map.of("INSTRUME", "DWARFIII", "TELESCOP", "DWARFIII"), Map.of("ORIGIN", "DWARFLAB"));

    public static final CaptureProfile SHARPCAP = new CaptureProfile("sharpcap", "SharpCap",
            List.of(NamePattern.of("{#}-{#}-{#}/{OBJECT}/{#}_{#}_{#}[Z]/{OBJECT}_{SEQ}")),
            List.of(), Precedence.HEADER_FIRST, Map.of("OBJECT=Capture", ""), Set.of(), Map.of(),
            Map.of("SWCREATE", "SharpCap"));

    public static final CaptureProfile APT = new CaptureProfile("apt", "Astro Photography Tool",
            List.of(NamePattern.of("{TYPE}_[_]{#}-{#}-{#}_{#}-{#}-{#}_Bin{BIN}_{EXP}s_{*}_{TEMP}C")),
            List.of(), Precedence.HEADER_FIRST, Map.of("TYPE=L", "LIGHT", "TYPE=Single", ""), Set.of("TELESCOP"),
            Map.of(), Map.of("SWCREATE", "Astro Photography Tool"));

    /** Most specific first: detection takes the first profile whose pattern matches. */
    public static final List<CaptureProfile> ALL = List.of(DWARF3, SEESTAR, ASIAIR, EKOS, APT, SHARPCAP, NINA);

    private CaptureProfiles() {
    }

    /** The header keywords {@link CaptureProfile#creator} looks at. */
    public static final java.util.Set<String> CREATOR_KEYWORDS = java.util.Set.of("CREATOR", "SWCREATE", "ORIGIN");

    /** The program a header says wrote the file, or null. */
    public static CaptureProfile byCreator(Map<String, String> header) {
        return ALL.stream().filter(p -> p.wrote(header)).findFirst().orElse(null);
    }

    /** The profile with this id (any case), or null. */
    public static CaptureProfile byId(String id) {
        if (id == null) {
            return null;
        }
        String want = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.id().equals(want)).findFirst().orElse(null);
    }

    /** The ids a configuration may name, for error messages. */
    public static String ids() {
        return ALL.stream().map(CaptureProfile::id).collect(Collectors.joining(", ")) + ", " + AUTO;
    }
}
