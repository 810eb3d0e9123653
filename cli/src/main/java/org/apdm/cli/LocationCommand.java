package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.location.ClearOutsideProvider;
import org.apdm.core.location.Site;
import org.apdm.core.location.SkyQuality;
import org.apdm.core.location.SkyQualityProvider;
import org.apdm.db.AstroDatabase;
import org.apdm.db.LocationRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm location}: the imaging sites that frames are matched to. */
@Command(name = "location", mixinStandardHelpOptions = true,
        description = {"The imaging sites frames are matched to: list, add, edit, remove, fetch sky quality.",
                "A folder of frames belongs to the site named in its path (DATE_..._LOCATION_<name>), else to",
                "the site nearest the frames' SITELAT/SITELONG within locations.match_within_km.",
                "A new database starts with the sites RL, BW, 3BA, SRSP, HW and KDDS.",
                "Sky quality (magnitude, Bortle class, brightness) is typed in or fetched from Clear Outside."},
        subcommands = {LocationCommand.ListSites.class, LocationCommand.Add.class, LocationCommand.Edit.class,
                LocationCommand.Remove.class, LocationCommand.Fetch.class},
        footer = {"", "Exit codes: 0 done, 1 done but a sky-quality fetch failed (old values kept), 2 usage or "
                + "configuration error, 3 aborted."})
public final class LocationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    abstract static class Sub extends DatabaseSubcommand {
        @Option(names = "--dry-run", description = "Say what would change; write nothing.")
        boolean dryRun;

        /** The result: a sentence, or with --json the command, the site and whether anything was written. */
        void report(String command, Site site, String sentence, Map<String, Object> extra) {
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("command", command);
                m.put("dryRun", dryRun);
                m.put("site", siteJson(site));
                m.putAll(extra);
                out().println(Json.write(m));
            } else {
                out().println((dryRun ? "Dry run, nothing changed. Would have: " : "") + sentence);
            }
        }


        AstroDatabase open(ApdmConfig config) throws IOException {
            return databaseOption.open(config, true, spec.commandLine().getErr());
        }
    }

    /** Sky-quality values typed in; null leaves a value as it is. */
    static class SkyOptions {
        @Option(names = "--magnitude", paramLabel = "MAG", description = "Sky quality, mag/arcsec².")
        String magnitude;
        @Option(names = "--bortle", paramLabel = "1-9", description = "Bortle class.")
        Integer bortle;
        @Option(names = "--brightness", paramLabel = "MCD", description = "Sky brightness, mcd/m².")
        String brightness;
        @Option(names = "--artificial", paramLabel = "UCD", description = "Artificial brightness, μcd/m².")
        String artificial;
        @Option(names = "--fetch", description = "Fetch the sky quality from Clear Outside (waits 15 s between sites).")
        boolean fetch;
        @Option(names = "--provider-url", paramLabel = "URL", hidden = true,
                description = "Clear Outside's forecast address (for tests).")
        String providerUrl;

        SkyQuality apply(SkyQuality old) {
            if (bortle != null && (bortle < 1 || bortle > 9)) {
                throw new UsageException("--bortle must be 1 to 9, not " + bortle);
            }
            number("--magnitude", magnitude);
            number("--brightness", brightness);
            number("--artificial", artificial);
            return new SkyQuality(magnitude != null ? magnitude : old.magnitude(), bortle != null ? bortle : old.bortle(),
                    brightness != null ? brightness : old.brightness(),
                    artificial != null ? artificial : old.artificialBrightness());
        }

        SkyQualityProvider provider() {
            return providerUrl == null ? new ClearOutsideProvider()
                    : new ClearOutsideProvider(providerUrl, d -> Thread.sleep(d.toMillis()), System::nanoTime);
        }
    }

    static void number(String flag, String v) {
        if (v != null) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new UsageException(flag + " must be a number, not '" + v + "'");
            }
        }
    }

    static String coordinate(String flag, String v, double limit) {
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be decimal degrees (35.6, -78.8), not '" + v + "'");
        }
        if (Math.abs(d) > limit) {
            throw new UsageException(flag + " must be between -" + (int) limit + " and " + (int) limit + ", not " + v);
        }
        return v.trim();
    }

    /** Fetches into {@code site}; on failure says so and keeps the old values. */
    static Site fetch(SkyQualityProvider provider, Site site, PrintWriter out, List<String> failures) {
        try {
            SkyQuality q = provider.fetch(site.lat(), site.lon());
            out.printf("  %s: %s %s mag, Bortle %s%n", site.name(), provider.name(), q.magnitude(), q.bortle());
            return site.withSky(q);
        } catch (IOException e) {
            failures.add(site.name() + ": " + e.getMessage());
            out.printf("  %s: could not fetch from %s (%s); the old values are kept%n", site.name(), provider.name(),
                    e.getMessage());
            return site;
        }
    }

    private static Map<String, Object> json(LocationRepository.Row r, int used) {
        Map<String, Object> m = siteJson(r.site());
        m.put("folders", used);
        return m;
    }

    static Map<String, Object> siteJson(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("latitude", s.latitude());
        m.put("longitude", s.longitude());
        m.put("magnitude", s.sky().magnitude());
        m.put("bortle", s.sky().bortle());
        m.put("brightnessMcdM2", s.sky().brightness());
        m.put("artificialBrightnessUcdM2", s.sky().artificialBrightness());
        return m;
    }

    static LocationRepository.Row find(AstroDatabase db, String name) throws IOException {
        Optional<LocationRepository.Row> r = db.read("reading sites", c -> new LocationRepository(c).byName(name));
        return r.orElseThrow(() -> new UsageException("there is no site '" + name + "' (apdm location list)"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the sites.")
    static final class ListSites extends Sub {
        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            try (AstroDatabase db = open(config)) {
                List<LocationRepository.Row> rows = db.read("reading sites", c -> new LocationRepository(c).all());
                List<Map<String, Object>> json = new ArrayList<>();
                if (!output.json()) {
                    out().printf("%-8s %9s %10s %9s %6s %11s %12s %8s%n", "name", "latitude", "longitude", "magnitude",
                            "bortle", "brightness", "artificial", "folders");
                }
                for (LocationRepository.Row r : rows) {
                    int used = db.read("reading sites", c -> new LocationRepository(c).usage(r.id()));
                    if (output.json()) {
                        json.add(json(r, used));
                        continue;
                    }
                    Site s = r.site();
                    out().printf(Locale.ROOT, "%-8s %9s %10s %9s %6s %11s %12s %8d%n", s.name() == null ? "-" : s.name(),
                            s.latitude(), s.longitude(), dash(s.sky().magnitude()), dash(s.sky().bortle()),
                            dash(s.sky().brightness()), dash(s.sky().artificialBrightness()), used);
                }
                if (output.json()) {
                    out().println(Json.write(Map.of("command", "location list", "sites", json)));
                } else {
                    out().printf("Frames match the nearest site within %.0f km (locations.match_within_km).%n",
                            config.locations().matchWithinKm());
                }
            }
            out().flush();
            return ExitCodes.OK;
        }

        private static String dash(Object o) {
            return o == null ? "-" : o.toString();
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a site.")
    static final class Add extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "Short name (used in LOCATION_<name> folder notes).")
        String name;
        @Option(names = "--lat", required = true, paramLabel = "DEG", description = "Latitude, decimal degrees (north +).")
        String lat;
        @Option(names = "--lon", required = true, paramLabel = "DEG", description = "Longitude, decimal degrees (east +).")
        String lon;
        @Mixin
        SkyOptions sky;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            Site site = new Site(name.trim(), coordinate("--lat", lat, 90), coordinate("--lon", lon, 180),
                    sky.apply(SkyQuality.UNKNOWN));
            List<String> failures = new ArrayList<>();
            try (AstroDatabase db = open(config)) {
                List<LocationRepository.Row> all = db.read("reading sites", c -> new LocationRepository(c).all());
                for (LocationRepository.Row r : all) {
                    if (r.site().name() != null && r.site().name().equalsIgnoreCase(site.name())) {
                        throw new UsageException("there is already a site '" + r.site().name() + "' (apdm location edit)");
                    }
                    if (r.site().latitude().equals(site.latitude()) && r.site().longitude().equals(site.longitude())) {
                        throw new UsageException("the site '" + r.site().name() + "' already has these coordinates");
                    }
                }
                if (sky.fetch) {
                    site = fetch(sky.provider(), site, out(), failures);
                }
                Site s = site;
                db.inTransaction("adding a site", dryRun, c -> new LocationRepository(c).insert(s));
                report("location add", s, String.format("Added the site %s at %s, %s.", s.name(), s.latitude(),
                        s.longitude()), Map.of());
            }
            out().flush();
            return failures.isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a site's name, place or sky quality.")
    static final class Edit extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "The site.")
        String name;
        @Option(names = "--name", paramLabel = "NEW", description = "New name.")
        String newName;
        @Option(names = "--lat", paramLabel = "DEG", description = "Latitude, decimal degrees.")
        String lat;
        @Option(names = "--lon", paramLabel = "DEG", description = "Longitude, decimal degrees.")
        String lon;
        @Mixin
        SkyOptions sky;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            List<String> failures = new ArrayList<>();
            try (AstroDatabase db = open(config)) {
                LocationRepository.Row row = find(db, name);
                Site old = row.site();
                String la = lat != null ? coordinate("--lat", lat, 90) : old.latitude();
                String lo = lon != null ? coordinate("--lon", lon, 180) : old.longitude();
                Site site = new Site(newName != null ? newName.trim() : old.name(), la, lo, sky.apply(old.sky()));
                if (sky.fetch) {
                    site = fetch(sky.provider(), site, out(), failures);
                }
                Site s = site;
                db.inTransaction("editing a site", dryRun, c -> {
                    new LocationRepository(c).update(row.id(), s);
                    return null;
                });
                report("location edit", s, String.format("Site %s: %s, %s; magnitude %s, Bortle %s.", s.name(),
                        s.latitude(), s.longitude(), s.sky().magnitude(), s.sky().bortle()), Map.of());
                if ((lat != null || lon != null) && !output.json()) {
                    out().println("Folders already recorded keep their site; `apdm db update --update` matches them again.");
                }
            }
            out().flush();
            return failures.isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a site. Folders recorded there then have no site; that needs --force.")
    static final class Remove extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "The site.")
        String name;
        @Option(names = "--force", description = "Remove it even though folders are recorded at it.")
        boolean force;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            try (AstroDatabase db = open(config)) {
                LocationRepository.Row row = find(db, name);
                int used = db.read("reading sites", c -> new LocationRepository(c).usage(row.id()));
                if (used > 0 && !force) {
                    throw new UsageException(used + " recorded folder(s) were taken at " + row.site().name()
                            + "; they would have no site. Add --force to remove it anyway");
                }
                int cleared = db.inTransaction("removing a site", dryRun, c -> new LocationRepository(c).delete(row.id()));
                report("location remove", row.site(), String.format("Removed the site %s%s.", row.site().name(),
                        cleared > 0 ? "; " + cleared + " folder(s) now have no site" : ""), Map.of("foldersWithoutSite", cleared));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Fetch the sky quality of sites from Clear Outside (all when none are named).",
                           "One site every 15 s. A site whose page cannot be read keeps its old values."})
    static final class Fetch extends Sub {
        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Sites to fetch (default: all).")
        List<String> names = new ArrayList<>();
        @Option(names = "--provider-url", paramLabel = "URL", hidden = true, description = "Clear Outside's address (tests).")
        String providerUrl;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            SkyOptions o = new SkyOptions();
            o.providerUrl = providerUrl;
            SkyQualityProvider provider = o.provider();
            List<String> failures = new ArrayList<>();
            try (AstroDatabase db = open(config)) {
                List<LocationRepository.Row> rows = new ArrayList<>();
                if (names.isEmpty()) {
                    rows.addAll(db.read("reading sites", c -> new LocationRepository(c).all()));
                } else {
                    for (String n : names) {
                        rows.add(find(db, n));
                    }
                }
                out().printf("Fetching the sky quality of %d site(s) from %s (15 s apart)…%n", rows.size(), provider.name());
                out().flush();
                for (LocationRepository.Row r : rows) {
                    Site s = fetch(provider, r.site(), out(), failures);
                    out().flush();
                    if (s != r.site()) {
                        db.inTransaction("saving the sky quality", dryRun, c -> {
                            new LocationRepository(c).update(r.id(), s);
                            return null;
                        });
                    }
                }
            }
            out().flush();
            return failures.isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
        }
    }
}
