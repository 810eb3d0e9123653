package org.apdm.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apdm.core.calibration.CalibrationKeys;
import org.apdm.core.capture.CaptureProfiles;
import org.apdm.core.capture.CaptureSource;
import org.apdm.core.calibration.FlatFallback;
import org.apdm.core.calibration.LibraryLayout;
import org.apdm.core.calibration.MasterKind;
import org.apdm.core.cull.CullDefaults;
import org.apdm.core.cull.CullPass;
import org.apdm.core.layout.RigName;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.NightDateRule;
import org.apdm.core.metadata.NormalizationRules;

/**
 * Checks a {@link ConfigFile} and fills in defaults. Collects every problem before failing, each
 * naming its setting ({@code rigs."C8E@f10.0+ZWO ASI2600MM Pro".cull[1].auto_accept_percent}).
 */
public final class ConfigResolver {

    private static final Pattern VAR = Pattern.compile("\\$\\{([^}]+)}|%([^%]+)%");

    private final Path baseDir;
    private final ConfigLocations locations;
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    private ConfigResolver(Path baseDir, ConfigLocations locations, Map<String, String> env) {
        this.baseDir = baseDir;
        this.locations = locations;
        this.env = env;
    }

    /**
     * @param configFile the file the values came from (relative paths are relative to its folder), or null
     */
    public static ApdmConfig resolve(ConfigFile file, Path configFile, ConfigLocations locations,
                                     Map<String, String> env) throws ConfigException {
        Path base = configFile != null && configFile.toAbsolutePath().getParent() != null
                ? configFile.toAbsolutePath().getParent()
                : Path.of("").toAbsolutePath();
        ConfigResolver r = new ConfigResolver(base, locations, env);
        ApdmConfig config = r.build(file == null ? ConfigFile.empty() : file, configFile);
        if (!r.problems.isEmpty()) {
            String where = configFile == null ? "configuration" : configFile.toString();
            List<String> msgs = r.problems.stream().map(p -> where + ": " + p).toList();
            throw new ConfigException(msgs);
        }
        return config;
    }

    private ApdmConfig build(ConfigFile f, Path configFile) {
        ConfigFile.Roots r = f.roots();
        ApdmConfig.Roots roots = r == null
                ? new ApdmConfig.Roots(null, null, null, null, null, null, null)
                : new ApdmConfig.Roots(path("roots.raw", r.raw()), path("roots.data", r.data()),
                        path("roots.calibration", r.calibration()), path("roots.reject", r.reject()),
                        path("roots.library", r.library()), path("roots.pixinsight_masters", r.pixinsightMasters()),
                        path("roots.pixinsight_temp", r.pixinsightTemp()));
        checkRoots(roots);
        Path stateDir = f.stateDir() == null ? locations.stateDir() : path("state_dir", f.stateDir());
        Path database = f.database() == null ? locations.dataDir().resolve("astrophotography.sqlite")
                : path("database", f.database());

        NightDateRule rule = NightDateRule.LOCAL_MINUS_12H;
        ZoneId zone = ZoneId.systemDefault();
        if (f.nightDate() != null) {
            if (f.nightDate().rule() != null) {
                rule = NightDateRule.parse(f.nightDate().rule());
                if (rule == null) {
                    problems.add("night_date.rule: '" + f.nightDate().rule() + "' is not one of "
                            + NightDateRule.LOCAL_MINUS_12H.configName() + ", " + NightDateRule.UTC_MINUS_16H.configName());
                    rule = NightDateRule.LOCAL_MINUS_12H;
                }
            }
            if (f.nightDate().timeZone() != null) {
                try {
                    zone = ZoneId.of(f.nightDate().timeZone());
                } catch (DateTimeException e) {
                    problems.add("night_date.time_zone: '" + f.nightDate().timeZone()
                            + "' is not a time zone (use a name such as America/New_York)");
                }
            }
        }
        Map<String, String> aliases = f.filters() == null || f.filters().aliases() == null
                ? NormalizationRules.DEFAULT_FILTER_ALIASES : nullToEmpty(f.filters().aliases());
        Map<String, NormalizationRules.CameraConstants> constants = NormalizationRules.DEFAULT_CAMERA_CONSTANTS;
        if (f.cameraConstants() != null) {
            constants = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigFile.CameraConstant> e : f.cameraConstants().entrySet()) {
                ConfigFile.CameraConstant c = e.getValue();
                if (c == null) {
                    continue;
                }
                constants.put(e.getKey(), new NormalizationRules.CameraConstants(c.focalRatio(), c.type(), c.filterWords(),
                        c.optic()));
            }
        }
        boolean removeDuplicates = false;
        if (f.duplicates() != null) {
            switch (f.duplicates().trim().toLowerCase(Locale.ROOT)) {
                case "keep" -> removeDuplicates = false;
                case "remove", "remove-source" -> removeDuplicates = true;
                default -> problems.add("duplicates: '" + f.duplicates() + "' is not one of keep, remove");
            }
        }
        ApdmConfig.SyncCommands sync = new ApdmConfig.SyncCommands(List.of(), List.of(), Duration.ofSeconds(120));
        if (f.syncService() != null) {
            ConfigFile.SyncService s = f.syncService();
            int timeout = s.timeoutSeconds() == null ? 120 : s.timeoutSeconds();
            if (timeout <= 0) {
                problems.add("sync_service.timeout_seconds: must be a positive number of seconds, got " + timeout);
                timeout = 120;
            }
            sync = new ApdmConfig.SyncCommands(nonBlank(s.before()), nonBlank(s.after()), Duration.ofSeconds(timeout));
        }
        Map<String, ApdmConfig.RigConfig> rigs = new LinkedHashMap<>();
        if (f.rigs() != null) {
            for (Map.Entry<String, ConfigFile.Rig> e : f.rigs().entrySet()) {
                String name = e.getKey();
                String where = "rigs.\"" + name + "\"";
                if (RigName.parse(name).isEmpty()) {
                    problems.add(where + ": not a rig folder name; use <optic>@f<ratio>+<camera>, e.g. C8E@f10.0+ZWO ASI2600MM Pro");
                    continue;
                }
                ConfigFile.Rig rig = e.getValue();
                if (rig == null) {
                    rigs.put(ApdmConfig.canonicalRig(name), new ApdmConfig.RigConfig(null, null, null));
                    continue;
                }
                List<CullPass> passes = rig.cull() == null ? null : cullPasses(where + ".cull", rig.cull());
                ApdmConfig.RigCalibration cal = rig.calibration() == null ? null
                        : rigCalibration(where + ".calibration", rig.calibration());
                List<ApdmConfig.FilterDef> filters = rig.filters() == null ? null : filters(where + ".filters", rig.filters());
                rigs.put(ApdmConfig.canonicalRig(name), new ApdmConfig.RigConfig(passes, cal, filters));
            }
        }
        ApdmConfig.CalibrationSettings calibration = calibration(f.calibration());
        ApdmConfig.LocationSettings locations = new ApdmConfig.LocationSettings(
                f.locations() == null || f.locations().matchWithinKm() == null ? 25.0
                        : positive("locations.match_within_km", f.locations().matchWithinKm()));
        ApdmConfig.StatusSettings status = new ApdmConfig.StatusSettings(
                f.status() == null || f.status().bakeReminderDays() == null ? 60
                        : (int) positive("status.bake_reminder_days", f.status().bakeReminderDays()),
                f.status() == null || f.status().lowDiskPercent() == null ? 10.0
                        : percent("status.low_disk_percent", f.status().lowDiskPercent()));
        Path ninaProfiles = f.nina() == null ? null : path("nina.profiles", f.nina().profiles());
        ApdmConfig.SchedulerSettings scheduler = scheduler(f.scheduler());
        NormalizationRules rules = new NormalizationRules(aliases, rule, zone, constants, java.util.Set.of());
        return new ApdmConfig(configFile, roots, stateDir, database, rules, removeDuplicates, sync, calibration,
                locations, status, ninaProfiles, scheduler, rigs, ingestSources(f.ingest(), roots));
    }

    private List<CaptureSource> ingestSources(ConfigFile.Ingest ingest, ApdmConfig.Roots roots) {
        List<CaptureSource> out = new ArrayList<>();
        if (ingest == null || ingest.sources() == null) {
            return out;
        }
        for (int i = 0; i < ingest.sources().size(); i++) {
            ConfigFile.IngestSource s = ingest.sources().get(i);
            String where = "ingest.sources[" + (i + 1) + "]";
            if (s == null || s.path() == null || s.path().isBlank()) {
                problems.add(where + ".path: missing; name the folder the capture program writes to");
                continue;
            }
            Path path = path(where + ".path", s.path());
            if (path == null) {
                continue;
            }
            String profile = s.profile() == null ? CaptureProfiles.AUTO : s.profile().trim().toLowerCase(Locale.ROOT);
            if (!profile.equals(CaptureProfiles.AUTO) && CaptureProfiles.byId(profile) == null) {
                problems.add(where + ".profile: '" + s.profile() + "' is not one of " + CaptureProfiles.ids());
                continue;
            }
            if (roots.data() != null && (roots.data().startsWith(path) || path.startsWith(roots.data()))) {
                problems.add(where + ".path: " + path + " and roots.data must not contain one another");
                continue;
            }
            Map<String, String> defaults = new LinkedHashMap<>();
            if (s.defaults() != null) {
                for (Map.Entry<String, String> e : s.defaults().entrySet()) {
                    String key = CaptureSource.DEFAULT_KEYS.get(e.getKey().trim().toLowerCase(Locale.ROOT));
                    if (key == null) {
                        problems.add(where + ".defaults." + e.getKey() + ": not one of "
                                + String.join(", ", CaptureSource.DEFAULT_KEYS.keySet()));
                    } else if (e.getValue() != null && !e.getValue().isBlank()) {
                        defaults.put(key, e.getValue().trim());
                    }
                }
            }
            out.add(new CaptureSource(path, profile, defaults));
        }
        return out;
    }

    private ApdmConfig.CalibrationSettings calibration(ConfigFile.Calibration c) {
        FlatFallback fallback = FlatFallback.NONE;
        boolean scaling = false;
        if (c != null) {
            if (c.flatFallback() != null) {
                fallback = FlatFallback.parse(c.flatFallback());
                if (fallback == null) {
                    problems.add("calibration.flat_fallback: '" + c.flatFallback()
                            + "' is not one of none, earlier, later, nearest, ask");
                    fallback = FlatFallback.NONE;
                }
            }
            scaling = Boolean.TRUE.equals(c.darkScaling());
        }
        ApdmConfig.IntegrateSettings integrate = ApdmConfig.IntegrateSettings.DEFAULT;
        if (c != null && c.integrate() != null) {
            int min = c.integrate().minFrames() == null ? integrate.minFrames()
                    : (int) positive("calibration.integrate.min_frames", c.integrate().minFrames());
            java.util.Map<org.apdm.core.calibration.MasterKind, String> stack =
                    new java.util.EnumMap<>(ApdmConfig.IntegrateSettings.SIRIL_STACK);
            ConfigFile.Stack st = c.integrate().stack();
            if (st != null) {
                stackArgs(stack, org.apdm.core.calibration.MasterKind.BIAS, st.bias());
                stackArgs(stack, org.apdm.core.calibration.MasterKind.DARK, st.dark());
                stackArgs(stack, org.apdm.core.calibration.MasterKind.FLAT, st.flat());
            }
            integrate = new ApdmConfig.IntegrateSettings(min, c.integrate().siril() == null ? null
                    : path("calibration.integrate.siril", c.integrate().siril()), stack,
                    Boolean.TRUE.equals(c.integrate().inRun()));
        }
        return new ApdmConfig.CalibrationSettings(fallback, scaling, libraryLayout(c == null ? null : c.libraryLayout()),
                integrate);
    }

    /** One line of Siril arguments; the output is apdm's to choose. */
    private void stackArgs(java.util.Map<org.apdm.core.calibration.MasterKind, String> stack,
                           org.apdm.core.calibration.MasterKind kind, String args) {
        if (args == null) {
            return;
        }
        String key = "calibration.integrate.stack." + kind.label();
        if (args.isBlank() || args.contains("\n") || args.contains("\r") || args.contains("-out=")) {
            problems.add(key + ": '" + args + "' must be the arguments of Siril's stack command on one line, without "
                    + "-out= (apdm names the master), e.g. '" + ApdmConfig.IntegrateSettings.SIRIL_STACK.get(kind) + "'");
            return;
        }
        stack.put(kind, args.strip());
    }

    private LibraryLayout libraryLayout(ConfigFile.LibraryLayoutEntry e) {
        LibraryLayout d = LibraryLayout.DEFAULT;
        if (e == null) {
            return d;
        }
        LibraryLayout l = new LibraryLayout(e.bias() == null ? d.bias() : e.bias(), e.dark() == null ? d.dark() : e.dark(),
                e.flat() == null ? d.flat() : e.flat());
        for (MasterKind k : MasterKind.values()) {
            for (String p : LibraryLayout.problems(k, l.template(k))) {
                problems.add("calibration.library_layout." + k.label() + ": " + p);
            }
        }
        return problems.isEmpty() ? l : d;
    }

    private ApdmConfig.RigCalibration rigCalibration(String at, ConfigFile.RigCalibration c) {
        CalibrationKeys keys = null;
        if (c.darks() != null || c.flats() != null || c.bias() != null) {
            CalibrationKeys d = CalibrationKeys.DEFAULT;
            keys = new CalibrationKeys(
                    c.darks() == null ? d.darks() : fields(at + ".darks", c.darks()),
                    c.flats() == null ? d.flats() : fields(at + ".flats", c.flats()),
                    c.bias() == null ? d.bias() : fields(at + ".bias", c.bias()));
        }
        List<LocalDate> changes = new ArrayList<>();
        if (c.rigChanges() != null) {
            for (int i = 0; i < c.rigChanges().size(); i++) {
                String d = c.rigChanges().get(i);
                String iso = d == null ? null : org.apdm.core.metadata.MetadataNormalizer.dateOnly(d);
                if (iso == null || d.trim().length() != 10) {
                    problems.add(at + ".rig_changes[" + i + "]: '" + d + "' is not a date (yyyy-mm-dd)");
                } else {
                    changes.add(LocalDate.parse(iso));
                }
            }
            changes.sort(null);
        }
        String folder = c.libraryFolder() == null || c.libraryFolder().isBlank() ? null : c.libraryFolder().trim();
        return new ApdmConfig.RigCalibration(keys, changes, folder);
    }

    private List<Field> fields(String at, List<String> names) {
        List<Field> out = new ArrayList<>();
        for (String n : names) {
            Field f = n == null ? null : Field.byKey(n);
            if (f == null) {
                problems.add(at + ": '" + n + "' is not a matching key (use exposure, settemp, camera, gain, offset,"
                        + " readoutmode, date, optic, filter, focallen, binning)");
            } else if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private List<ApdmConfig.FilterDef> filters(String at, List<ConfigFile.FilterEntry> raw) {
        List<ApdmConfig.FilterDef> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            ConfigFile.FilterEntry e = raw.get(i);
            if (e == null || e.name() == null || e.name().isBlank()) {
                problems.add(at + "[" + i + "].name: a filter needs a name");
                continue;
            }
            if (!seen.add(e.name().trim())) {
                problems.add(at + "[" + i + "].name: '" + e.name() + "' is listed twice");
                continue;
            }
            if (e.astrobinId() != null && e.astrobinId() <= 0) {
                problems.add(at + "[" + i + "].astrobin_id: must be a positive AstroBin equipment id");
            }
            out.add(new ApdmConfig.FilterDef(e.name().trim(), e.astrobinId()));
        }
        return out;
    }

    private ApdmConfig.SchedulerSettings scheduler(ConfigFile.Scheduler s) {
        Path db = s == null || s.database() == null ? defaultSchedulerDatabase() : path("scheduler.database", s.database());
        double ready = s == null || s.masterReadyPercent() == null ? 95.0
                : percent("scheduler.master_ready_percent", s.masterReadyPercent());
        boolean updateState = s != null && Boolean.TRUE.equals(s.updateProjectState());
        int backups = s == null || s.backups() == null ? 5 : s.backups();
        if (backups < 1) {
            problems.add("scheduler.backups: keep at least 1 backup, got " + backups);
            backups = 5;
        }
        int busy = s == null || s.busyTimeoutSeconds() == null ? 10 : s.busyTimeoutSeconds();
        if (busy < 0) {
            problems.add("scheduler.busy_timeout_seconds: must not be negative");
            busy = 10;
        }
        return new ApdmConfig.SchedulerSettings(db, ready, updateState, backups, Duration.ofSeconds(busy));
    }

    /** {@code %LOCALAPPDATA%\NINA\SchedulerPlugin\schedulerdb.sqlite} on Windows; elsewhere it must be configured. */
    private Path defaultSchedulerDatabase() {
        String local = lookup("LOCALAPPDATA");
        if (local == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return null;
        }
        return Path.of(local, "NINA", "SchedulerPlugin", "schedulerdb.sqlite");
    }

    private double percent(String at, double v) {
        if (v < 0 || v > 100) {
            problems.add(at + ": must be between 0 and 100, got " + v);
        }
        return v;
    }

    private List<CullPass> cullPasses(String where, List<ConfigFile.CullPass> raw) {
        List<CullPass> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ConfigFile.CullPass p = raw.get(i);
            String at = where + "[" + i + "]";
            if (p == null) {
                problems.add(at + ": empty pass");
                continue;
            }
            out.add(cullPass(at, p, i));
        }
        return out;
    }

    /** Validates one pass; public so the command line's {@code --max-hfr} builds passes the same way. */
    CullPass cullPass(String at, ConfigFile.CullPass p, int index) {
        List<CullPass.Limit> limits = new ArrayList<>();
        if (p.maxHfr() != null) {
            limits.add(new CullPass.Limit("hfr", positive(at + ".max_hfr", p.maxHfr()), null));
        }
        if (p.maxRms() != null) {
            limits.add(new CullPass.Limit("rmsac", positive(at + ".max_rms", p.maxRms()), null));
        }
        if (p.minStars() != null) {
            limits.add(new CullPass.Limit("stars", null, positive(at + ".min_stars", p.minStars())));
        }
        if (p.limits() != null) {
            for (int j = 0; j < p.limits().size(); j++) {
                ConfigFile.Limit l = p.limits().get(j);
                String lat = at + ".limits[" + j + "]";
                if (l == null || l.metric() == null || l.metric().isBlank()) {
                    problems.add(lat + ".metric: name the metric (hfr, rmsac, stars, or a header keyword)");
                    continue;
                }
                if (l.max() == null && l.min() == null) {
                    problems.add(lat + ": give max, min or both");
                    continue;
                }
                if (l.max() != null && l.min() != null && l.min() > l.max()) {
                    problems.add(lat + ": min " + l.min() + " is greater than max " + l.max());
                }
                limits.add(new CullPass.Limit(l.metric().trim(), l.max(), l.min()));
            }
        }
        List<CullPass.RelativeLimit> relative = new ArrayList<>();
        if (p.relative() != null) {
            for (int j = 0; j < p.relative().size(); j++) {
                ConfigFile.Relative r = p.relative().get(j);
                String rat = at + ".relative[" + j + "]";
                if (r == null || r.metric() == null || r.metric().isBlank()) {
                    problems.add(rat + ".metric: name the metric");
                    continue;
                }
                if (r.sigma() == null || r.sigma() <= 0) {
                    problems.add(rat + ".sigma: must be a positive number of standard deviations");
                    continue;
                }
                boolean higherWorse = CullDefaults.higherIsWorse(r.metric());
                if (r.worse() != null) {
                    switch (r.worse().trim().toLowerCase(Locale.ROOT)) {
                        case "higher" -> higherWorse = true;
                        case "lower" -> higherWorse = false;
                        default -> problems.add(rat + ".worse: '" + r.worse() + "' is not one of higher, lower");
                    }
                }
                relative.add(new CullPass.RelativeLimit(r.metric().trim(), r.sigma(), higherWorse));
            }
        }
        if (limits.isEmpty() && relative.isEmpty()) {
            problems.add(at + ": a pass needs at least one limit (max_hfr, max_rms, min_stars, limits or relative)");
        }
        double auto = 30;
        if (p.autoAcceptPercent() != null) {
            auto = p.autoAcceptPercent();
            if (auto < 0 || auto > 100) {
                problems.add(at + ".auto_accept_percent: must be between 0 and 100, got " + auto);
            }
        }
        String name = p.name() == null || p.name().isBlank() ? "pass" + (index + 1) : p.name().trim();
        return new CullPass(name, limits, relative, auto);
    }

    /** Builds a pass from command-line limits, with the same checks as the file. */
    public static CullPass passFromLimits(String name, Double maxHfr, Double maxRms, Double minStars,
                                          Double autoAcceptPercent) throws ConfigException {
        ConfigResolver r = new ConfigResolver(Path.of(""), ConfigLocations.forCurrentUser(), Map.of());
        CullPass p = r.cullPass("command line", new ConfigFile.CullPass(name, maxHfr, maxRms, minStars, null, null,
                autoAcceptPercent), 0);
        if (!r.problems.isEmpty()) {
            throw new ConfigException(r.problems);
        }
        return p;
    }

    private double positive(String at, double v) {
        if (!(v > 0)) {
            problems.add(at + ": must be a positive number, got " + v);
        }
        return v;
    }

    private void checkRoots(ApdmConfig.Roots roots) {
        if (roots.raw() != null && roots.data() != null) {
            Path raw = roots.raw().normalize();
            Path data = roots.data().normalize();
            if (raw.equals(data)) {
                problems.add("roots.data: must not be the same folder as roots.raw");
            } else if (data.startsWith(raw)) {
                problems.add("roots.data: must not be inside roots.raw (organised frames would be read as new ones)");
            } else if (raw.startsWith(data)) {
                problems.add("roots.raw: must not be inside roots.data");
            }
        }
    }

    private static Map<String, String> nullToEmpty(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k == null ? "" : k, v == null ? "" : v));
        return out;
    }

    private static List<String> nonBlank(List<String> commands) {
        if (commands == null) {
            return List.of();
        }
        return commands.stream().filter(c -> c != null && !c.isBlank()).toList();
    }

    /** Expands {@code ~}, {@code ${VAR}} and {@code %VAR%}; a relative path is relative to the config file. */
    Path path(String setting, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        Matcher m = VAR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = lookup(name);
            if (value == null) {
                problems.add(setting + ": environment variable '" + name + "' is not set");
                value = "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        s = sb.toString();
        if (s.equals("~") || s.startsWith("~/") || s.startsWith("~\\")) {
            s = locations.home() + s.substring(1);
        }
        try {
            Path p = Path.of(s);
            return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            problems.add(setting + ": '" + raw + "' is not a valid path (" + e.getReason() + ")");
            return null;
        }
    }

    private String lookup(String name) {
        String v = env.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
