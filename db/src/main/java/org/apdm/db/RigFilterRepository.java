package org.apdm.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.layout.RigName;

/**
 * A rig's filters in priority order, editable from the command line ({@code apdm filter}).
 *
 * <p>Stored where the user's database already keeps them: the rig's {@code profile.filter_names} (what
 * {@code db import-profiles} writes and the scheduler scripts read), and each filter's AstroBin id in
 * {@code filter.astrobin_id} (one id per filter name). A rig without a profile row gets one with the id
 * {@code apdm:<rig>} on its first edit, seeded from the configuration ({@code rigs.X.filters}) or the default
 * set. The effective list: the profile row if the rig has one, else the configuration, else the defaults.
 */
public final class RigFilterRepository {

    /** A filter of a rig, with its AstroBin id (null when none). */
    public record RigFilter(String name, Integer astrobinId) {
    }

    /** A rig's list and where it came from ("database", "configuration", "defaults"). */
    public record RigFilters(String rig, List<RigFilter> filters, String source) {
    }

    private final Connection c;
    private final ApdmConfig config;

    public RigFilterRepository(Connection c, ApdmConfig config) {
        this.c = c;
        this.config = config;
    }

    public RigFilters get(String rig) throws SQLException {
        Map<String, Integer> ids = new FilterRepository(c).astrobinIds();
        Optional<ProfileRepository.Profile> p = new ProfileRepository(c).forRig(rig);
        if (p.isPresent()) {
            return new RigFilters(p.get().rig(), p.get().filters().stream().map(f -> new RigFilter(f, ids.get(f))).toList(),
                    "database");
        }
        ApdmConfig.RigConfig rc = config.rig(rig);
        String source = rc != null && rc.filters() != null && !rc.filters().isEmpty() ? "configuration" : "defaults";
        List<RigFilter> out = new ArrayList<>();
        for (ApdmConfig.FilterDef f : config.filters(rig)) {
            Integer id = ids.get(f.name());
            out.add(new RigFilter(f.name(), id != null ? id : f.astrobinId()));
        }
        return new RigFilters(rig, out, source);
    }

    /** Replaces the rig's list (names in priority order), creating its profile row when needed. */
    public void set(String rig, List<String> names) throws SQLException {
        ProfileRepository profiles = new ProfileRepository(c);
        Optional<ProfileRepository.Profile> p = profiles.forRig(rig);
        FilterRepository filters = new FilterRepository(c);
        Map<String, Integer> ids = filters.astrobinIds();
        for (String n : names) {
            if (!ids.containsKey(n)) {
                Integer seed = config.filters(rig).stream().filter(f -> f.name().equals(n)).map(ApdmConfig.FilterDef::astrobinId)
                        .findFirst().orElse(null);
                filters.idFor(n);
                if (seed != null) {
                    filters.setAstrobinId(n, seed);
                }
            }
        }
        if (p.isPresent()) {
            profiles.setFilters(p.get().id(), names);
            return;
        }
        RigName r = RigName.parse(rig).orElseThrow(() -> new SQLException(rig + " is not <optic>@f<ratio>+<camera>"));
        profiles.upsert(ProfileRepository.APDM_ID_PREFIX + rig, rig, names, new OpticRepository(c).idFor(r.optic(),
                r.focalRatio()), new CameraRepository(c).idFor(r.camera()));
    }

    /** The rig's names, case-insensitively matched to {@code name}; -1 when absent. */
    public static int indexOf(List<RigFilter> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
