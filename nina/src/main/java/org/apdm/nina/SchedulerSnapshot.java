package org.apdm.nina;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What apdm read from a Target Scheduler database: projects, their targets, and every exposure plan with
 * its template (project → target → exposureplan → exposuretemplate).
 *
 * @param file               the database file
 * @param projects           every project
 * @param targets            every target
 * @param plans              every exposure plan with its template
 * @param throttleByProfile  {@code profilepreference.exposurethrottle} per profile id (lower case), in percent
 * @param journalMode        SQLite journal mode of the file ({@code delete} as the plugin leaves it, or {@code wal})
 */
public record SchedulerSnapshot(Path file, List<Project> projects, List<Target> targets, List<Plan> plans,
                                Map<String, Double> throttleByProfile, String journalMode) {

    /** The plugin's default exposure throttle when a profile has no preference row. */
    public static final double DEFAULT_THROTTLE_PERCENT = 125;

    public SchedulerSnapshot {
        projects = List.copyOf(projects);
        targets = List.copyOf(targets);
        plans = List.copyOf(plans);
        throttleByProfile = Map.copyOf(throttleByProfile);
    }

    /**
     * @param state  {@code project.state}: 0 Draft, 1 Active, 2 Inactive, 3 Closed
     * @param mosaic {@code isMosaic}
     * @param grader {@code enablegrader}: the plugin's completion counts accepted when on, acquired when off
     */
    public record Project(long id, String profileId, String name, Integer state, boolean mosaic, boolean grader) {
    }

    public record Target(long id, long projectId, String name) {
    }

    /**
     * An exposure plan with its template.
     *
     * @param exposure        the plan's exposure in seconds; −1 (or any value ≤ 0) means the template's default
     * @param defaultExposure the template's {@code defaultexposure}
     * @param filterName      the template's {@code filtername} (the filter wheel's name)
     */
    public record Plan(long id, long targetId, long templateId, String templateName, String filterName, Double exposure,
                       Double defaultExposure, Integer desired, Integer acquired, Integer accepted) {

        /** The exposure the plan takes: its own, else the template's default; null when neither is set. */
        public Double effectiveExposure() {
            if (exposure != null && exposure > 0) {
                return exposure;
            }
            return defaultExposure != null && defaultExposure > 0 ? defaultExposure : null;
        }
    }

    public double throttlePercent(String profileId) {
        Double t = profileId == null ? null : throttleByProfile.get(profileId.toLowerCase(java.util.Locale.ROOT));
        return t == null || t <= 0 ? DEFAULT_THROTTLE_PERCENT : t;
    }
}
