package org.apdm.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apdm.core.calibration.CalibrationKeys;
import org.apdm.core.calibration.FlatFallback;
import org.apdm.core.calibration.LibraryLayout;
import org.apdm.core.calibration.MasterKind;
import org.apdm.core.cull.CullDefaults;
import org.apdm.core.cull.CullPass;
import org.apdm.core.layout.RigName;
import org.apdm.core.metadata.MetadataNormalizer;
import org.apdm.core.metadata.NormalizationRules;

/**
 * The validated configuration with defaults filled in. Immutable; command-line flags make modified
 * copies ({@link #withRoots}, {@link #withStateDir}, {@link #withDatabase}).
 *
 * @param source           the file it came from, or null when built-in defaults are used
 * @param roots            the folders apdm works on; a null root is not configured
 * @param stateDir         journal and lock
 * @param database         the astrophotography database file
 * @param normalization    filter aliases, night-date rule, camera constants
 * @param removeDuplicates remove a source whose identical copy already exists at its destination
 * @param sync             commands run before and after file operations
 * @param calibration      calibration policies shared by all rigs
 * @param locations        how a frame's site is recognised
 * @param status           thresholds of the work queue
 * @param ninaProfiles     N.I.N.A.'s profile folder, or null
 * @param scheduler        the Target Scheduler database settings
 * @param rigs             per-rig settings by canonical rig name
 * @param ingestSources    capture folders besides the RAW folder, with their program ({@code ingest.sources})
 */
public record ApdmConfig(Path source, Roots roots, Path stateDir, Path database, NormalizationRules normalization,
                         boolean removeDuplicates, SyncCommands sync, CalibrationSettings calibration,
                         LocationSettings locations, StatusSettings status, Path ninaProfiles,
                         SchedulerSettings scheduler, Map<String, RigConfig> rigs,
                         List<org.apdm.core.capture.CaptureSource> ingestSources) {

    public ApdmConfig {
        rigs = Map.copyOf(rigs);
        ingestSources = ingestSources == null ? List.of() : List.copyOf(ingestSources);
    }

    /** The folders apdm reads and writes; any may be null when not configured. */
    public record Roots(Path raw, Path data, Path calibration, Path reject, Path library, Path pixinsightMasters,
                        Path pixinsightTemp) {

        /** Calibration frames go next to the RAW dump unless configured otherwise, as the old scripts did. */
        public Path calibrationOrRaw() {
            return calibration != null ? calibration : raw;
        }

        /** The master library lives in the data root unless configured otherwise (the user keeps his libraries in Data). */
        public Path libraryOrData() {
            return library != null ? library : data;
        }
    }

    /** Commands to run before and after file operations (stop and restart a sync client). */
    public record SyncCommands(List<String> before, List<String> after, Duration timeout) {
        public SyncCommands {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        public boolean isEmpty() {
            return before.isEmpty() && after.isEmpty();
        }
    }

    /** Calibration policies, and where the library keeps each kind of master. */
    public record CalibrationSettings(FlatFallback flatFallback, boolean darkScaling, LibraryLayout libraryLayout,
                                      IntegrateSettings integrate) {
        public CalibrationSettings(FlatFallback flatFallback, boolean darkScaling) {
            this(flatFallback, darkScaling, LibraryLayout.DEFAULT, IntegrateSettings.DEFAULT);
        }
    }

    /**
     * {@code apdm calibration integrate}.
     *
     * @param minFrames a group of fewer raw frames is not integrated
     * @param siril     {@code siril-cli} as configured, or null to look on the PATH
     * @param stack     per kind, the arguments of Siril's {@code stack} command after the sequence name
     * @param inRun     whether {@code apdm run} integrates too (off: most users make masters in WBPP)
     */
    public record IntegrateSettings(int minFrames, Path siril, Map<MasterKind, String> stack, boolean inRun) {
        /** As Siril's own Mono_Preprocessing script: sigma rejection 3/3; flats normalised multiplicatively. */
        public static final Map<MasterKind, String> SIRIL_STACK = Map.of(MasterKind.BIAS, "rej 3 3 -nonorm",
                MasterKind.DARK, "rej 3 3 -nonorm", MasterKind.FLAT, "rej 3 3 -norm=mul");
        public static final IntegrateSettings DEFAULT = new IntegrateSettings(15, null, SIRIL_STACK, false);

        public IntegrateSettings {
            stack = Map.copyOf(stack);
        }
    }

    /** A frame belongs to the configured site nearest its coordinates, within this distance. */
    public record LocationSettings(double matchWithinKm) {
    }

    /** Work-queue thresholds. */
    public record StatusSettings(int bakeReminderDays, double lowDiskPercent) {
    }

    /**
     * The Target Scheduler database.
     *
     * @param database            the file, or null when not configured (and not on Windows)
     * @param masterReadyPercent  a plan whose accepted count reaches this share of desired counts as complete
     * @param updateProjectState  whether apdm may change a project's state from where its data lives
     * @param backups             rotating backup copies kept before each write
     * @param busyTimeout         how long to wait for N.I.N.A. to release the database
     */
    public record SchedulerSettings(Path database, double masterReadyPercent, boolean updateProjectState, int backups,
                                    Duration busyTimeout) {
    }

    /** A filter with its AstroBin equipment id (null when unknown). */
    public record FilterDef(String name, Integer astrobinId) {
    }

    /** The user's filters with their AstroBin ids (reference-spec §2.1), in priority order. */
    public static final List<FilterDef> DEFAULT_FILTERS = List.of(
            new FilterDef("L", 2625), new FilterDef("R", 2627), new FilterDef("G", 2626), new FilterDef("B", 2628),
            new FilterDef("O", 2630), new FilterDef("S", 2629), new FilterDef("H", 2631), new FilterDef("UVIR", 2411),
            new FilterDef("LenHa", 5500), new FilterDef("LeXtr", 2618), new FilterDef("ALPT", 5678));

    /**
     * Settings of one rig; null members mean "not configured, use the default".
     *
     * @param cull        cull passes
     * @param calibration calibration matching keys (null: built-in), rig-change dates, library sub-folder
     * @param filters     filters in priority order
     */
    public record RigConfig(List<CullPass> cull, RigCalibration calibration, List<FilterDef> filters) {
        public RigConfig {
            cull = cull == null ? null : List.copyOf(cull);
            filters = filters == null ? null : List.copyOf(filters);
        }
    }

    /**
     * @param keys          matching keys, or null for the built-in ones
     * @param rigChanges    dates the rig was physically changed (a flat is never used across one)
     * @param libraryFolder the rig's own sub-folder in the libraries, or null
     */
    public record RigCalibration(CalibrationKeys keys, List<LocalDate> rigChanges, String libraryFolder) {
        public RigCalibration {
            rigChanges = rigChanges == null ? List.of() : List.copyOf(rigChanges);
        }
    }

    public ApdmConfig withRoots(Roots newRoots) {
        return new ApdmConfig(source, newRoots, stateDir, database, normalization, removeDuplicates, sync, calibration,
                locations, status, ninaProfiles, scheduler, rigs, ingestSources);
    }

    public ApdmConfig withStateDir(Path dir) {
        return new ApdmConfig(source, roots, dir, database, normalization, removeDuplicates, sync, calibration,
                locations, status, ninaProfiles, scheduler, rigs, ingestSources);
    }

    public ApdmConfig withDatabase(Path db) {
        return new ApdmConfig(source, roots, stateDir, db, normalization, removeDuplicates, sync, calibration,
                locations, status, ninaProfiles, scheduler, rigs, ingestSources);
    }

    public ApdmConfig withScheduler(SchedulerSettings s) {
        return new ApdmConfig(source, roots, stateDir, database, normalization, removeDuplicates, sync, calibration,
                locations, status, ninaProfiles, s, rigs, ingestSources);
    }

    /**
     * How the file engine runs for this configuration: journal and lock in the state folder, duplicates as
     * configured, and a lock inside each configured root a run changes. Every entry point builds its engine here.
     */
    public org.apdm.core.fileops.EngineSettings engineSettings() {
        List<Path> archive = java.util.stream.Stream.of(roots.raw(), roots.data(), roots.calibration(), roots.reject(),
                roots.library(), roots.pixinsightMasters(), roots.pixinsightTemp())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        ingestSources.forEach(s -> archive.add(s.path()));
        return org.apdm.core.fileops.EngineSettings.of(stateDir).withRemoveDuplicates(removeDuplicates)
                .withArchiveRoots(archive);
    }

    /** The cull passes of a rig: configured, else the general default. */
    public List<CullPass> cullPasses(String rigFolder) {
        RigConfig rc = rig(rigFolder);
        if (rc != null && rc.cull() != null && !rc.cull().isEmpty()) {
            return rc.cull();
        }
        return CullDefaults.FALLBACK;
    }

    /** The calibration keys of a rig: configured, else the default set. */
    public CalibrationKeys calibrationKeys(String rigFolder) {
        RigConfig rc = rig(rigFolder);
        if (rc != null && rc.calibration() != null && rc.calibration().keys() != null) {
            return rc.calibration().keys();
        }
        return CalibrationKeys.DEFAULT;
    }

    /** Dates the rig was physically changed, oldest first. */
    public List<LocalDate> rigChanges(String rigFolder) {
        RigConfig rc = rig(rigFolder);
        return rc == null || rc.calibration() == null ? List.of() : rc.calibration().rigChanges();
    }

    /** The rig's filters in priority order: configured, else the default set. */
    public List<FilterDef> filters(String rigFolder) {
        RigConfig rc = rig(rigFolder);
        return rc != null && rc.filters() != null && !rc.filters().isEmpty() ? rc.filters() : DEFAULT_FILTERS;
    }

    public RigConfig rig(String rigFolder) {
        return rigs.get(canonicalRig(rigFolder));
    }


    /** Rig names compare with the focal ratio normalised: {@code C8E@f10+X} is {@code C8E@f10.0+X}. */
    public static String canonicalRig(String rigFolder) {
        return RigName.parse(rigFolder).map(r -> {
            String ratio = MetadataNormalizer.ratio(r.focalRatio());
            return r.optic() + "@f" + (ratio == null ? r.focalRatio() : ratio) + "+" + r.camera();
        }).orElse(rigFolder);
    }
}
