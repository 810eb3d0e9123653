package org.apdm.db.profiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.inventory.FilterNames;
import org.apdm.core.location.Site;
import org.apdm.core.location.SiteMatcher;
import org.apdm.core.location.SkyQuality;
import org.apdm.core.profile.NinaProfile;
import org.apdm.core.profile.NinaProfileReader;
import org.apdm.core.profile.ProfileImportPlanner;
import org.apdm.db.AstroDatabase;
import org.apdm.db.CameraRepository;
import org.apdm.db.FilterRepository;
import org.apdm.db.LocationRepository;
import org.apdm.db.OpticRepository;
import org.apdm.db.ProfileRepository;

/**
 * {@code apdm db import-profiles}: N.I.N.A. profiles become rigs (rows of {@code profile} with their optic,
 * camera and filters). A profile whose name does not follow {@code <optic>@f<ratio>+<camera>} is reported and
 * the others are imported. Re-importing keeps the filter order the user set with {@code apdm filter order}
 * as long as the wheel holds the same filters; a row apdm made for a rig without a profile takes the real
 * profile's id.
 */
public final class ProfileImportOperation {

    /** One profile's outcome. */
    public record Imported(String id, String name, String rig, List<String> filters, String note) {
    }

    /**
     * @param sitesAdded sites made from the profiles' coordinates where no site was near (named by their
     *                   coordinates; {@code apdm location edit} renames them)
     */
    public record Result(List<Imported> imported, List<ProfileImportPlanner.Skipped> skipped,
                         List<LeftBehind> unreadable, List<String> notes, List<AddedSite> sitesAdded) {
    }

    /** A site made from a profile's {@code AstrometrySettings}. */
    public record AddedSite(String name, String latitude, String longitude, String profile) {
    }

    private ProfileImportOperation() {
    }

    /**
     * A new user's sites come from where his profiles say he images: a profile's coordinates become a site unless
     * a site (his own, or one added here) lies within {@code locations.match_within_km}.
     */
    private static List<AddedSite> addSites(java.sql.Connection c, ApdmConfig config, List<NinaProfile> read)
            throws java.sql.SQLException {
        LocationRepository locations = new LocationRepository(c);
        List<Site> sites = new ArrayList<>(locations.all().stream().map(LocationRepository.Row::site).toList());
        List<AddedSite> added = new ArrayList<>();
        for (NinaProfile p : read) {
            if (p.latitude() == null) {
                continue;
            }
            SiteMatcher near = new SiteMatcher(sites, config.locations().matchWithinKm());
            if (near.match(null, p.latitude(), p.longitude()).site() != null) {
                continue;
            }
            Site site = new Site(coordinateName(p.latitude(), p.longitude()), p.latitude(), p.longitude(),
                    SkyQuality.UNKNOWN);
            if (sites.stream().anyMatch(s -> site.name().equalsIgnoreCase(s.name()))) {
                continue;
            }
            locations.insert(site);
            sites.add(site);
            added.add(new AddedSite(site.name(), site.latitude(), site.longitude(), p.name()));
        }
        return added;
    }

    /** "39.08N 108.67W": such names have no underscore, so they work as a {@code LOCATION_} folder note. */
    static String coordinateName(String latitude, String longitude) {
        double la = Double.parseDouble(latitude);
        double lo = Double.parseDouble(longitude);
        return String.format(java.util.Locale.ROOT, "%.2f%s %.2f%s", Math.abs(la), la < 0 ? "S" : "N", Math.abs(lo),
                lo < 0 ? "W" : "E");
    }

    public static Result run(AstroDatabase db, ApdmConfig config, Path dir, Map<String, String> renames, boolean dryRun)
            throws IOException {
        NinaProfileReader.Folder folder = NinaProfileReader.readFolder(dir);
        return db.inTransaction("importing profiles", dryRun, c -> {
            FilterRepository filterRepo = new FilterRepository(c);
            Set<String> known = new HashSet<>(filterRepo.astrobinIds().keySet());
            ApdmConfig.DEFAULT_FILTERS.forEach(f -> known.add(f.name()));
            ProfileImportPlanner.Result plan = ProfileImportPlanner.plan(folder.profiles(), FilterNames.of(config), known,
                    renames);
            ProfileRepository profiles = new ProfileRepository(c);
            OpticRepository optics = new OpticRepository(c);
            CameraRepository cameras = new CameraRepository(c);
            List<Imported> imported = new ArrayList<>();
            List<ProfileImportPlanner.Skipped> skipped = new ArrayList<>(plan.skipped());
            List<String> notes = new ArrayList<>();
            for (ProfileImportPlanner.Imported p : plan.imported()) {
                String id = p.profile().id();
                String rig = p.rig().toString();
                Optional<ProfileRepository.Profile> same = profiles.byId(id);
                Optional<ProfileRepository.Profile> ofRig = profiles.forRig(rig);
                if (same.isEmpty() && ofRig.isPresent()) {
                    if (ofRig.get().madeByApdm()) {
                        profiles.changeId(ofRig.get().id(), id);
                        same = profiles.byId(id);
                    } else {
                        skipped.add(new ProfileImportPlanner.Skipped(p.profile(), "the rig " + rig
                                + " already has the profile '" + ofRig.get().name() + "' (" + ofRig.get().id() + ")"));
                        continue;
                    }
                }
                Optional<ProfileRepository.Profile> named = profiles.all().stream()
                        .filter(x -> x.name().equals(rig) && !x.id().equals(id)).findFirst();
                if (named.isPresent()) {
                    skipped.add(new ProfileImportPlanner.Skipped(p.profile(), "another profile (" + named.get().id()
                            + ") already has the name " + rig));
                    continue;
                }
                List<String> filters = p.filters();
                String note = "";
                if (same.isPresent() && !same.get().filters().equals(filters)) {
                    if (new HashSet<>(same.get().filters()).equals(new HashSet<>(filters))) {
                        filters = same.get().filters();
                        note = "kept your filter order " + String.join(",", filters);
                    } else {
                        note = "filters " + String.join(",", same.get().filters()) + " → " + String.join(",", filters);
                    }
                }
                profiles.upsert(id, rig, filters, optics.idFor(p.rig().optic(), p.rig().focalRatio()),
                        cameras.idFor(p.rig().camera()));
                for (String u : p.unknownFilters()) {
                    notes.add("profile " + rig + ": filter '" + u + "' is not a known filter (kept; give it an AstroBin id "
                            + "with `apdm filter edit " + org.apdm.core.summary.ShellWords.quote(u) + " --astrobin-id N`)");
                }
                imported.add(new Imported(id, p.profile().name(), rig, filters, note));
            }
            return new Result(imported, skipped, folder.unreadable(), notes, addSites(c, config, folder.profiles()));
        });
    }
}
