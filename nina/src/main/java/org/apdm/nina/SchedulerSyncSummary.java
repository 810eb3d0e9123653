package org.apdm.nina;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apdm.core.config.ApdmConfig;

/** The wording of {@code apdm scheduler sync}: what the terminal prints and the window's log shows. */
public final class SchedulerSyncSummary {

    private SchedulerSyncSummary() {
    }

    /**
     * The plans and states a sync changes (old → new), what it leaves alone and why, and after a run the backup
     * and anything N.I.N.A. changed meanwhile. {@code r} is null for a dry run.
     */
    public static List<String> lines(ApdmConfig config, SchedulerSyncOperation.Prepared p,
                                     SchedulerSyncOperation.Result r, boolean dryRun, boolean verbose) {
        List<String> out = new ArrayList<>();
        SyncPlan plan = p.plan();
        out.add(String.format("Target Scheduler sync%s", dryRun ? " (dry run: nothing changed)" : ""));
        out.add(String.format("  scheduler database  %s", p.request().schedulerDb()));
        out.add(String.format("  apdm database       %s  (%d folders of accepted frames%s)", p.request().apdmDb(),
                plan.framesUsed(), plan.staleIgnored() == 0 ? ""
                        : "; " + plan.staleIgnored() + " also left in an earlier stage, counted once"));
        out.add(String.format("  exposure plans      %d: %d to change, %d unchanged, %d without accepted frames, %d without a known rig",
                plan.plans().size(), plan.count(SyncPlan.Status.CHANGE), plan.count(SyncPlan.Status.UNCHANGED),
                plan.count(SyncPlan.Status.NO_DATA), plan.count(SyncPlan.Status.NO_PROFILE)));
        if (p.apdm().frames().isEmpty()) {
            out.add("  no accepted frames in apdm's database yet; run `apdm db update`");
        }
        List<SyncPlan.PlanResult> changes = plan.changes();
        if (!changes.isEmpty()) {
            out.add("");
            out.add(dryRun ? "Would change:" : "Changes:");
            int w = changes.stream().mapToInt(c -> c.label().length()).max().orElse(10);
            for (SyncPlan.PlanResult c : changes) {
                out.add(String.format("  %-" + w + "s  accepted %s → %d, acquired %s → %d%s%s", c.label(), show(c.plan().accepted()),
                        c.newAccepted(), show(c.plan().acquired()), c.newAcquired(), c.project().grader() ? "" : "  (grader off)",
                        c.masterReady() ? String.format(Locale.ROOT, "  master ready: %d of %d", c.apdmCount(),
                                c.plan().desired()) : ""));
            }
        }
        if (!plan.states().isEmpty()) {
            out.add("");
            out.add(dryRun ? "Project states would change:" : "Project states:");
            for (SyncPlan.StateChange s : plan.states()) {
                out.add(String.format("  %s: %s → %s  (data in %s)", s.project().name(), ProjectState.label(s.oldState()),
                        ProjectState.label(s.newState()), String.join(", ", s.stages())));
            }
        } else {
            String alone = statesLeftAlone(config, p);
            if (alone != null) {
                out.add("");
                out.add(alone);
            }
        }
        List<String> noProfile = noProfileLines(plan);
        if (!noProfile.isEmpty()) {
            out.add("");
            out.addAll(noProfile);
        }
        List<SyncPlan.PlanResult> alone = plan.plans().stream()
                .filter(x -> x.status() == SyncPlan.Status.NO_DATA || x.status() == SyncPlan.Status.NO_EXPOSURE).toList();
        if (!alone.isEmpty()) {
            if (verbose) {
                out.add("");
                out.add("Left alone:");
                for (SyncPlan.PlanResult x : alone) {
                    out.add(String.format("  %s  %s", x.label(), x.status() == SyncPlan.Status.NO_EXPOSURE ? x.note()
                            : "no accepted frames for " + x.rig() + ", target \"" + x.targetName() + "\""
                            + (x.panel().isEmpty() ? "" : " panel " + x.panel()) + ", filter " + x.filter()));
                }
            } else {
                out.add("");
                out.add(String.format("(%d plan(s) without accepted frames left alone; --verbose lists them)", alone.size()));
            }
        }
        plan.plans().stream().filter(x -> x.note() != null && x.status() != SyncPlan.Status.NO_PROFILE)
                .filter(x -> verbose || x.changes()).forEach(x -> out.add(String.format("note: %s: %s", x.label(), x.note())));
        if (r != null) {
            out.add("");
            out.addAll(resultLines(r));
        }
        return out;
    }

    /** What a run wrote and where the backup is, then the rows N.I.N.A. changed meanwhile (left as it wrote them). */
    public static List<String> resultLines(SchedulerSyncOperation.Result r) {
        List<String> out = new ArrayList<>();
        TargetSchedulerRepository.WriteResult w = r.written();
        if (w.backup() == null) {
            out.add("Nothing to write; the Target Scheduler already has apdm's counts.");
        } else {
            out.add(String.format("Wrote %d plan(s) and %d project state(s); backup of the previous file: %s",
                    w.written().size(), w.statesWritten().size(), w.backup()));
        }
        if (r.changedUnderUs() > 0) {
            out.add("Changed by N.I.N.A. while apdm worked (left as N.I.N.A. wrote them; run the sync again):");
            w.changedUnderUs().forEach(x -> out.add(String.format("  %s", x.label())));
            w.statesChangedUnderUs().forEach(x -> out.add(String.format("  project %s", x.project().name())));
        }
        return out;
    }

    /** Plans left alone because their N.I.N.A. profile is not in apdm's database, one line per profile. */
    public static List<String> noProfileLines(SyncPlan plan) {
        Map<String, Integer> noProfile = new TreeMap<>();
        for (SyncPlan.PlanResult x : plan.plans()) {
            if (x.status() == SyncPlan.Status.NO_PROFILE) {
                noProfile.merge(x.project().profileId(), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        noProfile.forEach((id, n) -> out.add(String.format("N.I.N.A. profile %s is not in apdm's database: %d plan(s) left alone "
                + "(run `apdm db import-profiles`)", id, n)));
        return out;
    }

    /** When the configuration keeps project states: how many differ from where their data lives, or null. */
    public static String statesLeftAlone(ApdmConfig config, SchedulerSyncOperation.Prepared p) {
        if (config.scheduler().updateProjectState()) {
            return null;
        }
        long would = SchedulerStatus.of(p, config.scheduler().masterReadyPercent()).projects().stream()
                .filter(x -> x.suggestedState() != null && x.state() != null && x.state() != 0
                        && !Objects.equals(x.state(), x.suggestedState())).count();
        return would == 0 ? null : String.format("%d project state(s) differ from where their data lives; left alone "
                + "(set scheduler.update_project_state: true to let apdm change them; `apdm scheduler status` shows them)", would);
    }

    /** What a sync does with one plan, in {@code apdm scheduler status}'s words. */
    public static String sync(SchedulerStatus.PlanStatus x) {
        return switch (x.status()) {
            case CHANGE -> "→ accepted " + x.syncAccepted() + ", acquired " + x.syncAcquired()
                    + (x.masterReady() ? " (master ready)" : "");
            case UNCHANGED -> "in step" + (x.masterReady() ? " (master ready)" : "");
            case NO_DATA -> "no accepted frames";
            case NO_PROFILE -> "rig unknown";
            case NO_EXPOSURE -> "no exposure";
        };
    }

    /** {@code apdm scheduler backup}'s report. */
    public static List<String> backupLines(java.nio.file.Path db, java.nio.file.Path backup, int kept, java.nio.file.Path dir) {
        return List.of(String.format("Backed up %s", db), String.format("  to %s", backup),
                String.format("  (the newest %d backups are kept in %s)", kept, dir));
    }

    /** A count read from the plugin, or "-" when it has none. */
    public static String show(Integer v) {
        return v == null ? "-" : v.toString();
    }
}
