package org.apdm.nina;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;

/**
 * What the user wants per rig, target, panel and filter, from the Target Scheduler's exposure plans:
 * desired count and exposure, hence desired hours. For {@code totals.txt} "want", {@code apdm report} and
 * "targets ready for master". The rig comes from the plan's N.I.N.A. profile via apdm's profile table;
 * names compare like the sync does (quotes and case ignored; filters through the configured aliases).
 */
public final class DesiredFrames {

    /**
     * One exposure plan.
     *
     * @param rig      canonical rig, or null when the profile is not in apdm's database
     * @param panel    "" for a plain target
     * @param filter   the template's filter after apdm's aliases
     * @param exposure seconds per frame (the plan's, else the template's default)
     */
    public record Entry(String rig, String profileId, String project, String target, String panel, String filter,
                        int desired, double exposure) {
        public double hours() {
            return desired * exposure / 3600.0;
        }
    }

    private final List<Entry> entries;

    public DesiredFrames(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads both databases (read-only). */
    public static DesiredFrames read(Path schedulerDb, Path apdmDb, ApdmConfig config) throws SchedulerDatabaseException {
        SchedulerSnapshot ts = new TargetSchedulerRepository(schedulerDb, config.scheduler().busyTimeout()).read();
        AcceptedFramesRepository.Contents apdm = new AcceptedFramesRepository(apdmDb, config.scheduler().busyTimeout()).read();
        return of(ts, apdm, config.normalization().filterAliases());
    }

    public static DesiredFrames of(SchedulerSnapshot ts, AcceptedFramesRepository.Contents apdm,
                                   Map<String, String> filterAliases) {
        AcceptedFramesMatcher names = new AcceptedFramesMatcher(List.of(), filterAliases);
        Map<Long, SchedulerSnapshot.Project> projects = new LinkedHashMap<>();
        ts.projects().forEach(p -> projects.put(p.id(), p));
        Map<Long, SchedulerSnapshot.Target> targets = new LinkedHashMap<>();
        ts.targets().forEach(t -> targets.put(t.id(), t));
        List<Entry> out = new ArrayList<>();
        for (SchedulerSnapshot.Plan plan : ts.plans()) {
            SchedulerSnapshot.Target t = targets.get(plan.targetId());
            SchedulerSnapshot.Project p = t == null ? null : projects.get(t.projectId());
            Double exposure = plan.effectiveExposure();
            if (p == null || exposure == null) {
                continue;
            }
            String[] tp = AcceptedFramesMatcher.targetAndPanel(t.name());
            out.add(new Entry(apdm.rigOf(p.profileId()), p.profileId(), p.name(), tp[0], tp[1],
                    names.filterName(plan.filterName()), plan.desired() == null ? 0 : plan.desired(), exposure));
        }
        return new DesiredFrames(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The plans of a rig's target, every panel. */
    public List<Entry> forTarget(String rig, String target) {
        String r = ApdmConfig.canonicalRig(rig).toLowerCase(Locale.ROOT);
        String t = AcceptedFramesMatcher.targetKey(target);
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.rig() != null && e.rig().toLowerCase(Locale.ROOT).equals(r) && AcceptedFramesMatcher.targetKey(e.target()).equals(t)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Desired hours per filter of one panel ("" for a plain target), in plan order. */
    public Map<String, Double> hoursByFilter(String rig, String target, String panel) {
        String pk = AcceptedFramesMatcher.panelKey(panel);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Entry e : forTarget(rig, target)) {
            if (AcceptedFramesMatcher.panelKey(e.panel()).equals(pk)) {
                out.merge(e.filter(), e.hours(), Double::sum);
            }
        }
        return out;
    }

    /** Desired hours of a rig's target over all panels and filters. */
    public double hours(String rig, String target) {
        return forTarget(rig, target).stream().mapToDouble(Entry::hours).sum();
    }
}
