package org.apdm.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration file exactly as written (YAML, snake_case keys), before validation.
 * Absent settings are null; {@link ConfigResolver} fills in defaults and checks every value.
 */
public record ConfigFile(
        Roots roots,
        String stateDir,
        String database,
        NightDate nightDate,
        Filters filters,
        String duplicates,
        SyncService syncService,
        Map<String, CameraConstant> cameraConstants,
        Calibration calibration,
        Locations locations,
        Status status,
        Nina nina,
        Scheduler scheduler,
        Map<String, Rig> rigs,
        Ingest ingest) {

    /** {@code ingest}: capture folders besides roots.raw. */
    public record Ingest(List<IngestSource> sources) {
    }

    /** One capture folder: its program ({@code auto} to detect) and the facts its frames lack. */
    public record IngestSource(String path, String profile, Map<String, String> defaults) {
    }

    public record Roots(String raw, String data, String calibration, String reject, String library,
                        String pixinsightMasters, String pixinsightTemp) {
    }

    public record NightDate(String rule, String timeZone) {
    }

    public record Filters(Map<String, String> aliases) {
    }

    public record SyncService(List<String> before, List<String> after, Integer timeoutSeconds) {
    }

    public record CameraConstant(String focalRatio, String type, List<String> filterWords, String optic) {
    }

    /** Settings of one rig, keyed by its folder name {@code <optic>@f<ratio>+<camera>}. */
    public record Rig(List<CullPass> cull, RigCalibration calibration, List<FilterEntry> filters) {
    }

    /** Matching keys of a rig's masters, the dates it was physically changed, its library sub-folder. */
    public record RigCalibration(List<String> darks, List<String> flats, List<String> bias, List<String> rigChanges,
                                 String libraryFolder) {
    }

    /** A filter of a rig, in priority order, with its AstroBin equipment id. */
    public record FilterEntry(String name, Integer astrobinId) {
    }

    /** Calibration policies shared by all rigs. */
    public record Calibration(String flatFallback, Boolean darkScaling, LibraryLayoutEntry libraryLayout,
                              Integrate integrate) {
    }

    /** {@code calibration.integrate}: masters made by Siril. */
    public record Integrate(Integer minFrames, String siril, Stack stack, Boolean inRun) {
    }

    /** {@code calibration.integrate.stack}: Siril {@code stack} arguments per kind. */
    public record Stack(String bias, String dark, String flat) {
    }

    /** Folder templates of the master library per kind. */
    public record LibraryLayoutEntry(String bias, String dark, String flat) {
    }

    /** How a frame's site is recognised from its SITELAT/SITELONG. */
    public record Locations(Double matchWithinKm) {
    }

    /** Thresholds of the work queue in {@code apdm status}. */
    public record Status(Integer bakeReminderDays, Double lowDiskPercent) {
    }

    /** Where N.I.N.A. keeps its profiles. */
    public record Nina(String profiles) {
    }

    /** The Target Scheduler database and how apdm writes to it. */
    public record Scheduler(String database, Double masterReadyPercent, Boolean updateProjectState, Integer backups,
                            Integer busyTimeoutSeconds) {
    }

    /** One cull pass; absolute limits, and relative rules against the group's mean. */
    public record CullPass(String name, Double maxHfr, Double maxRms, Double minStars, List<Limit> limits,
                           List<Relative> relative, Double autoAcceptPercent) {
    }

    /** An absolute limit on any metric: a field name, a header keyword or a file-name token. */
    public record Limit(String metric, Double max, Double min) {
    }

    /** Reject values more than {@code sigma} standard deviations worse than the group mean. */
    public record Relative(String metric, Double sigma, String worse) {
    }

    public static ConfigFile empty() {
        return new ConfigFile(null, null, null, null, null, null, null, null, null, null, null, null, null,
                new LinkedHashMap<>(), null);
    }
}
