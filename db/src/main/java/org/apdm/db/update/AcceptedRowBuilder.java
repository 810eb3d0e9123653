package org.apdm.db.update;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apdm.core.inventory.FolderFacts;
import org.apdm.core.inventory.InventoryFolder;
import org.apdm.core.inventory.InventoryScan;
import org.apdm.core.layout.RigName;
import org.apdm.core.location.Site;
import org.apdm.core.location.SiteMatcher;
import org.apdm.db.AcceptedRow;
import org.apdm.db.LocationRepository;

/**
 * The {@code accepted_data} rows an archive calls for: one per folder of accepted lights (below
 * {@code accept/}), with its site matched from the path or the frames' coordinates. Pure.
 */
public final class AcceptedRowBuilder {

    /** The rows, and what could not be recorded or matched (counted per reason). */
    public record Rows(List<AcceptedRow> rows, List<String> warnings) {
    }

    private AcceptedRowBuilder() {
    }

    public static Rows rows(InventoryScan scan, List<LocationRepository.Row> locations, double matchWithinKm) {
        List<Site> sites = locations.stream().map(LocationRepository.Row::site).toList();
        Map<Site, Integer> ids = new IdentityHashMap<>();
        for (LocationRepository.Row r : locations) {
            ids.put(r.site(), r.id());
        }
        SiteMatcher matcher = new SiteMatcher(sites, matchWithinKm);
        List<AcceptedRow> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> noSite = new LinkedHashMap<>();
        for (InventoryFolder f : scan.inventory().folders()) {
            if (!f.accepted()) {
                continue;
            }
            if (f.night() == null) {
                warnings.add(f.folder() + ": not recorded, no night date in its folder names or headers");
                continue;
            }
            if (f.exposure() == null) {
                // the old scripts counted these nights too (DSLR raw files without EXIF)
                warnings.add(f.folder() + ": recorded with " + f.frames() + " frames and no exposure"
                        + " (none in its folder names, headers or EXIF), so without hours");
            }
            Optional<RigName> rig = RigName.parse(f.rig());
            if (rig.isEmpty()) {
                continue;
            }
            FolderFacts facts = scan.facts().get(f.folder());
            SiteMatcher.Match m = facts == null ? new SiteMatcher.Match(null, null, "no frame could be read")
                    : matcher.match(facts.location(), facts.latitude(), facts.longitude());
            if (m.warning() != null) {
                noSite.merge(m.site() == null ? "no site: " + m.warning() : m.warning(), 1, Integer::sum);
            }
            if (facts != null && facts.groups().size() > 1) {
                StringBuilder mix = new StringBuilder();
                for (FolderFacts.FrameGroup g : facts.groups()) {
                    mix.append(mix.length() == 0 ? "" : "; ").append(g.frames()).append(" × ")
                            .append(g.filter()).append(' ').append(g.exposure()).append(" s ").append(g.night());
                }
                warnings.add(f.folder() + ": mixes frames (" + mix + "); recorded as one folder with the most common values");
            }
            rows.add(new AcceptedRow(null, f.folder().toString(), f.night(), f.panel(),
                    f.exposure() == null ? null : Double.parseDouble(f.exposure()),
                    f.frames(), rig.get().camera(), rig.get().optic(), rig.get().focalRatio(), f.target(), f.filter(),
                    m.site() == null ? null : ids.get(m.site()), facts == null ? null : number(facts.gain()),
                    facts == null ? null : whole(facts.setTemp()), facts == null ? null : facts.darks(),
                    facts == null ? null : facts.flats(), facts == null ? null : facts.bias()));
        }
        noSite.forEach((why, n) -> warnings.add(n + (n == 1 ? " folder: " : " folders: ") + why));
        return new Rows(rows, warnings);
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(String s) {
        Double d = number(s);
        return d == null ? null : (int) Math.round(d);
    }
}
