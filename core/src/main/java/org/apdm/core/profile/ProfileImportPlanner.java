package org.apdm.core.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.inventory.FilterNames;
import org.apdm.core.layout.RigName;

/**
 * Decides which N.I.N.A. profiles become rigs in the database and with which filters (reference-spec §2.1,
 * with its bugs fixed). Pure.
 *
 * <ul>
 *   <li>The name must be {@code <optic>@f<ratio>+<camera>}; a profile whose name is not is reported with what
 *       to do, and the others are still imported (the old script skipped silently or aborted). A name can be
 *       given for it instead ({@code renames}, the window asks per profile).</li>
 *   <li>Filters in wheel order, names through the filter aliases; names starting with DARK or BLANK (a dark
 *       slot, an empty slot) are skipped; a name outside the known filters is kept and reported.</li>
 *   <li>Priority: exactly {@code L,R,G,B,S,H,O} becomes {@code L,R,G,B,O,S,H}; any other list is kept.</li>
 *   <li>Two profiles for the same optic and camera cannot both be a rig: the second is reported.</li>
 * </ul>
 */
public final class ProfileImportPlanner {

    /** A profile to import. */
    public record Imported(NinaProfile profile, RigName rig, List<String> filters, List<String> unknownFilters) {
        public String filterNames() {
            return String.join(",", filters);
        }
    }

    /**
     * A profile left out, with the reason.
     *
     * @param badName its name is not {@code <optic>@f<ratio>+<camera>}: a rig name given for it would import it (the
     *                window asks for one)
     */
    public record Skipped(NinaProfile profile, String reason, boolean badName) {
        public Skipped(NinaProfile profile, String reason) {
            this(profile, reason, false);
        }
    }

    public record Result(List<Imported> imported, List<Skipped> skipped) {
    }

    private static final List<String> PLAIN_ORDER = List.of("L", "R", "G", "B", "S", "H", "O");
    private static final List<String> PRIORITY_ORDER = List.of("L", "R", "G", "B", "O", "S", "H");

    private ProfileImportPlanner() {
    }

    /**
     * @param renames profile name → rig name to use for a profile whose own name does not follow the convention
     */
    public static Result plan(List<NinaProfile> profiles, FilterNames filters, Set<String> knownFilters,
                              Map<String, String> renames) {
        List<Imported> imported = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, NinaProfile> byRig = new HashMap<>();
        Set<String> known = new java.util.HashSet<>();
        knownFilters.forEach(k -> known.add(k.toLowerCase(Locale.ROOT)));
        for (NinaProfile p : profiles) {
            String rigName = renames.getOrDefault(p.name(), p.name());
            Optional<RigName> rig = RigName.parse(rigName);
            if (rig.isEmpty()) {
                skipped.add(new Skipped(p, "the name '" + p.name() + "' is not <optic>@f<ratio>+<camera>; rename the "
                        + "profile in N.I.N.A. (for example C8E@f10.0+ZWO ASI2600MM Pro) or give its rig name with "
                        + "--rig-name \"" + p.name() + "=<optic>@f<ratio>+<camera>\"", true));
                continue;
            }
            String key = ApdmConfig.canonicalRig(rig.get().toString());
            NinaProfile other = byRig.putIfAbsent(key, p);
            if (other != null) {
                skipped.add(new Skipped(p, "it is the same rig (" + key + ") as the profile '" + other.name()
                        + "' (" + other.file().getFileName() + "); one rig can have one profile"));
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            List<String> unknown = new ArrayList<>();
            for (String raw : p.filters()) {
                String upper = raw.trim().toUpperCase(Locale.ROOT);
                if (upper.startsWith("DARK") || upper.startsWith("BLANK")) {
                    continue;
                }
                String name = filters.canonical(raw);
                if (name == null || name.isEmpty()) {
                    continue;
                }
                if (names.add(name) && !known.contains(name.toLowerCase(Locale.ROOT))) {
                    unknown.add(name);
                }
            }
            List<String> ordered = new ArrayList<>(names);
            if (ordered.equals(PLAIN_ORDER)) {
                ordered = PRIORITY_ORDER;
            }
            imported.add(new Imported(p, rig.get(), ordered, unknown));
        }
        return new Result(imported, skipped);
    }
}
