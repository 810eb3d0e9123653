package org.apdm.nina;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code apdm scheduler status}: per project and target what the plugin has (desired / acquired / accepted)
 * next to what apdm's database says is on disk, and what a sync would write. Built from the same
 * {@link SyncPlan} the sync uses, so both always agree.
 */
public record SchedulerStatus(Path scheduler, Path database, double masterReadyPercent, List<ProjectStatus> projects,
                              int framesUsed, int staleIgnored) {

    public SchedulerStatus {
        projects = List.copyOf(projects);
    }

    /**
     * @param suggestedState the state the data's stages suggest (what a sync sets when allowed), or null
     */
    public record ProjectStatus(long id, String name, Integer state, String rig, boolean grader, boolean mosaic,
                                Integer suggestedState, List<TargetStatus> targets) {
        public ProjectStatus {
            targets = List.copyOf(targets);
        }
    }

    /**
     * @param readyForMaster every plan with a desired count has at least the master-ready share of it in apdm
     */
    public record TargetStatus(long id, String name, String target, String panel, List<String> stages,
                               List<PlanStatus> plans, boolean readyForMaster) {
        public TargetStatus {
            stages = List.copyOf(stages);
            plans = List.copyOf(plans);
        }
    }

    /**
     * @param apdmCount accepted frames apdm has for the plan
     * @param status    what a sync does with the plan
     */
    public record PlanStatus(long id, String template, String filter, Double exposure, Integer desired, Integer acquired,
                             Integer accepted, int apdmCount, SyncPlan.Status status, boolean masterReady,
                             Integer syncAccepted, Integer syncAcquired, String note) {
    }

    public static SchedulerStatus of(SchedulerSyncOperation.Prepared p, double masterReadyPercent) {
        Map<Long, List<SyncPlan.PlanResult>> byTarget = new LinkedHashMap<>();
        for (SyncPlan.PlanResult r : p.plan().plans()) {
            byTarget.computeIfAbsent(r.target().id(), k -> new ArrayList<>()).add(r);
        }
        List<ProjectStatus> projects = new ArrayList<>();
        for (SchedulerSnapshot.Project project : p.scheduler().projects()) {
            List<TargetStatus> targets = new ArrayList<>();
            List<String> projectStages = new ArrayList<>();
            for (SchedulerSnapshot.Target t : p.scheduler().targets()) {
                if (t.projectId() != project.id()) {
                    continue;
                }
                List<PlanStatus> plans = new ArrayList<>();
                boolean anyDesired = false;
                boolean allReady = true;
                for (SyncPlan.PlanResult r : byTarget.getOrDefault(t.id(), List.of())) {
                    SchedulerSnapshot.Plan pl = r.plan();
                    plans.add(new PlanStatus(pl.id(), pl.templateName(), r.filter(), r.exposure(), pl.desired(),
                            pl.acquired(), pl.accepted(), r.apdmCount(), r.status(), r.masterReady(), r.newAccepted(),
                            r.newAcquired(), r.note()));
                    if (pl.desired() != null && pl.desired() > 0) {
                        anyDesired = true;
                        allReady &= r.apdmCount() * 100.0 >= masterReadyPercent * pl.desired() - 1e-9;
                    }
                }
                List<String> stages = p.plan().stagesByTarget().getOrDefault(t.id(), List.of());
                projectStages.addAll(stages);
                String[] tp = AcceptedFramesMatcher.targetAndPanel(t.name());
                targets.add(new TargetStatus(t.id(), t.name(), tp[0], tp[1], stages, plans, anyDesired && allReady));
            }
            ProjectState suggested = SchedulerSyncPlanner.stateFor(projectStages);
            String rig = p.apdm().rigOf(project.profileId());
            if (rig == null && project.profileId() != null) {
                rig = p.request().extraProfileRigs().get(project.profileId().toLowerCase(java.util.Locale.ROOT));
            }
            projects.add(new ProjectStatus(project.id(), project.name(), project.state(), rig, project.grader(),
                    project.mosaic(), suggested == null ? null : suggested.code(), targets));
        }
        return new SchedulerStatus(p.request().schedulerDb(), p.request().apdmDb(), masterReadyPercent, projects,
                p.plan().framesUsed(), p.plan().staleIgnored());
    }

    /** Targets whose every plan has reached the master-ready share in apdm: "rig / target name". */
    public List<String> readyForMaster() {
        List<String> out = new ArrayList<>();
        for (ProjectStatus p : projects) {
            for (TargetStatus t : p.targets()) {
                if (t.readyForMaster()) {
                    out.add((p.rig() == null ? "?" : p.rig()) + " / " + t.name());
                }
            }
        }
        return out;
    }
}
