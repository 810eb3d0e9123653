package org.apdm.nina;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides what a sync writes (pure: the two databases' contents in, a {@link SyncPlan} out).
 *
 * <p><b>Counts.</b> A plan's count is the sum of apdm's accepted frames with the same rig (the plan's
 * N.I.N.A. profile → apdm's profile row → optic and camera), target and panel, filter and exposure. A plan
 * without such frames is left alone. What is written follows how the plugin itself decides a plan is done
 * (ExposureCompletionHelper; peers-and-formats §1.5), so the plugin plans exactly the frames still missing:
 * <ul>
 *   <li>grader on: done when {@code accepted ≥ desired}. {@code accepted} = apdm's count; {@code acquired}
 *       is raised to it when lower (the plugin's provisional percentage reads acquired), never lowered.</li>
 *   <li>grader off: the plugin ignores {@code accepted} and counts {@code acquired} against
 *       {@code floor(throttle% × desired)}. {@code accepted} = apdm's count; {@code acquired} =
 *       {@code floor(throttle% × count)}, so the plugin's percentage equals count/desired and what it still
 *       shoots keeps the user's throttle margin for frames that will be rejected.</li>
 * </ul>
 * <b>Master ready.</b> A plan with at least {@code masterReadyPercent} of desired (but fewer than desired)
 * is written as complete by the plugin's own rule, with the least change that reads so: grader on
 * {@code accepted = desired}; grader off {@code acquired = floor(throttle% × desired)} (accepted stays the
 * true count). Not the old script's {@code desired × 2}, which showed 200 % in the plugin and in reports.
 *
 * <p><b>Project state</b> (only when allowed): from the stages holding its targets' frames, the least
 * advanced wins: 10_Blink/20_Data → Active, 30_Master/40_Process/50_Bake → Inactive, 60_Done → Closed.
 * Draft projects (the user's "switched off") and projects without data keep their state.
 */
public final class SchedulerSyncPlanner {

    /**
     * @param masterReadyPercent  share of desired that counts as complete
     * @param updateProjectState  whether project states may change
     * @param extraProfileRigs    rigs of N.I.N.A. profile ids that apdm's database lacks (lower-case id → rig)
     */
    public record Settings(double masterReadyPercent, boolean updateProjectState, Map<String, String> extraProfileRigs) {
        public Settings {
            extraProfileRigs = Map.copyOf(extraProfileRigs);
        }
    }

    private SchedulerSyncPlanner() {
    }

    public static SyncPlan plan(SchedulerSnapshot ts, AcceptedFramesRepository.Contents apdm, AcceptedFramesMatcher matcher,
                                Settings settings) {
        Map<Long, SchedulerSnapshot.Project> projects = new HashMap<>();
        ts.projects().forEach(p -> projects.put(p.id(), p));
        Map<Long, SchedulerSnapshot.Target> targets = new HashMap<>();
        ts.targets().forEach(t -> targets.put(t.id(), t));

        Map<Long, List<String>> stagesByTarget = new LinkedHashMap<>();
        Map<Long, List<String>> stagesByProject = new HashMap<>();
        for (SchedulerSnapshot.Target t : ts.targets()) {
            SchedulerSnapshot.Project p = projects.get(t.projectId());
            if (p == null) {
                continue;
            }
            String[] tp = AcceptedFramesMatcher.targetAndPanel(t.name());
            TreeSet<String> stages = new TreeSet<>();
            for (AcceptedFramesMatcher.Located l : matcher.find(rig(p, apdm, settings), tp[0], tp[1])) {
                if (l.stage() != null) {
                    stages.add(l.stage());
                }
            }
            stagesByTarget.put(t.id(), List.copyOf(stages));
            stagesByProject.computeIfAbsent(p.id(), k -> new ArrayList<>()).addAll(stages);
        }

        List<SyncPlan.PlanResult> results = new ArrayList<>();
        for (SchedulerSnapshot.Plan plan : ts.plans()) {
            SchedulerSnapshot.Target t = targets.get(plan.targetId());
            SchedulerSnapshot.Project p = t == null ? null : projects.get(t.projectId());
            if (p == null) {
                continue; // an orphan plan the plugin itself never shows
            }
            results.add(planResult(ts, apdm, matcher, settings, plan, t, p));
        }

        List<SyncPlan.StateChange> states = new ArrayList<>();
        if (settings.updateProjectState()) {
            for (SchedulerSnapshot.Project p : ts.projects()) {
                ProjectState current = ProjectState.of(p.state());
                if (current == null || current == ProjectState.DRAFT) {
                    continue;
                }
                List<String> stages = stagesByProject.getOrDefault(p.id(), List.of());
                ProjectState wanted = stateFor(stages);
                if (wanted != null && wanted != current) {
                    states.add(new SyncPlan.StateChange(p, p.state(), wanted.code(), List.copyOf(new TreeSet<>(stages))));
                }
            }
        }
        return new SyncPlan(results, states, stagesByTarget, matcher.used(), matcher.staleIgnored());
    }

    /** The least advanced of the stages that say something; null when none does (no data, 00_Misc, 70_Abandon). */
    static ProjectState stateFor(List<String> stages) {
        ProjectState out = null;
        for (String s : stages) {
            ProjectState st = switch (s) {
                case "10_Blink", "20_Data" -> ProjectState.ACTIVE;
                case "30_Master", "40_Process", "50_Bake" -> ProjectState.INACTIVE;
                case "60_Done" -> ProjectState.CLOSED;
                default -> null;
            };
            if (st != null && (out == null || st.code() < out.code())) {
                out = st;
            }
        }
        return out;
    }

    private static String rig(SchedulerSnapshot.Project p, AcceptedFramesRepository.Contents apdm, Settings settings) {
        String rig = apdm.rigOf(p.profileId());
        if (rig == null && p.profileId() != null) {
            rig = settings.extraProfileRigs().get(p.profileId().toLowerCase(java.util.Locale.ROOT));
        }
        return rig;
    }

    private static SyncPlan.PlanResult planResult(SchedulerSnapshot ts, AcceptedFramesRepository.Contents apdm,
                                                  AcceptedFramesMatcher matcher, Settings settings,
                                                  SchedulerSnapshot.Plan plan, SchedulerSnapshot.Target t,
                                                  SchedulerSnapshot.Project p) {
        String[] tp = AcceptedFramesMatcher.targetAndPanel(t.name());
        String filter = matcher.filterName(plan.filterName());
        Double exposure = plan.effectiveExposure();
        String rig = rig(p, apdm, settings);
        String note = p.mosaic() && tp[1].isEmpty()
                ? "mosaic project, but the target name has no \" Panel N\" part: matched as a whole target" : null;
        if (rig == null) {
            return leftAlone(plan, p, t, SyncPlan.Status.NO_PROFILE, null, tp, filter, exposure,
                    "N.I.N.A. profile " + p.profileId() + " is not in apdm's database (run `apdm db import-profiles`)");
        }
        if (exposure == null) {
            return leftAlone(plan, p, t, SyncPlan.Status.NO_EXPOSURE, rig, tp, filter, null,
                    "neither the plan nor its template has an exposure");
        }
        int count = 0;
        for (AcceptedFramesMatcher.Located l : matcher.find(rig, tp[0], tp[1], filter, exposure)) {
            count += l.frames().count();
        }
        if (count == 0) {
            return leftAlone(plan, p, t, SyncPlan.Status.NO_DATA, rig, tp, filter, exposure, note);
        }
        int desired = plan.desired() == null ? 0 : Math.max(0, plan.desired());
        boolean masterReady = desired > 0 && count < desired
                && count * 100.0 >= settings.masterReadyPercent() * desired - 1e-9;
        boolean complete = desired > 0 && (count >= desired || masterReady);
        int oldAcquired = plan.acquired() == null ? 0 : plan.acquired();
        int newAccepted;
        int newAcquired;
        if (p.grader()) {
            newAccepted = masterReady ? desired : count;
            newAcquired = Math.max(oldAcquired, newAccepted);
        } else {
            double throttle = ts.throttlePercent(p.profileId()) / 100.0;
            int throttleAt = (int) (throttle * desired); // the plugin truncates the same way
            int scaled = (int) Math.floor(throttle * count + 1e-9);
            newAccepted = count;
            if (complete) {
                newAcquired = Math.max(scaled, throttleAt);
            } else {
                newAcquired = desired > 0 ? Math.max(0, Math.min(scaled, throttleAt - 1)) : scaled;
            }
        }
        boolean same = plan.accepted() != null && plan.accepted() == newAccepted
                && plan.acquired() != null && plan.acquired() == newAcquired;
        return new SyncPlan.PlanResult(plan, p, t, same ? SyncPlan.Status.UNCHANGED : SyncPlan.Status.CHANGE, rig,
                tp[0], tp[1], filter, exposure, count, masterReady, newAccepted, newAcquired, note);
    }

    private static SyncPlan.PlanResult leftAlone(SchedulerSnapshot.Plan plan, SchedulerSnapshot.Project p,
                                                 SchedulerSnapshot.Target t, SyncPlan.Status status, String rig,
                                                 String[] tp, String filter, Double exposure, String note) {
        return new SyncPlan.PlanResult(plan, p, t, status, rig, tp[0], tp[1], filter, exposure, 0, false,
                plan.accepted(), plan.acquired(), note);
    }
}
