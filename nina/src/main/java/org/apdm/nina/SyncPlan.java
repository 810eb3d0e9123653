package org.apdm.nina;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sync would write: for every exposure plan what apdm found and the counts it would set, and the
 * project states it would change. Data; {@link SchedulerSyncPlanner} makes it, the repository writes it.
 *
 * @param plans         every exposure plan, in project/target/template order
 * @param states        project state changes (empty when the configuration does not allow them)
 * @param stagesByTarget where each scheduler target's accepted frames live (stage folder names), by target id
 * @param framesUsed    accepted_data rows that took part in matching
 * @param staleIgnored  rows ignored because the same folder exists in a later stage (reference-spec §13.6)
 */
public record SyncPlan(List<PlanResult> plans, List<StateChange> states, Map<Long, List<String>> stagesByTarget,
                       int framesUsed, int staleIgnored) {

    public SyncPlan {
        plans = List.copyOf(plans);
        states = List.copyOf(states);
        stagesByTarget = Map.copyOf(stagesByTarget);
    }

    /** Why a plan gets the values it gets, or why it is left alone. */
    public enum Status {
        /** apdm's count differs from what the plugin has: written. */
        CHANGE,
        /** The plugin already has what apdm would write. */
        UNCHANGED,
        /** No accepted frames in apdm's database match the plan: left alone. */
        NO_DATA,
        /** The plan's N.I.N.A. profile is not in apdm's database, so its rig is unknown: left alone. */
        NO_PROFILE,
        /** Neither the plan nor its template has an exposure: left alone. */
        NO_EXPOSURE
    }

    /**
     * One exposure plan and what apdm makes of it.
     *
     * @param plan          the plan as read (old values)
     * @param project       its project
     * @param target        its scheduler target
     * @param rig           the rig of the plan's N.I.N.A. profile, or null when unknown
     * @param targetName    the target as apdm names it ("M33 Panel A" → "M33")
     * @param panel         the panel ("A"), or "" for a plain target
     * @param filter        the template's filter name after apdm's filter aliases
     * @param exposure      the exposure the plan takes (seconds), or null
     * @param apdmCount     accepted frames apdm has for it (0 when none)
     * @param masterReady   at least the master-ready share of desired, but fewer than desired
     * @param newAccepted   the value to write (the old one when left alone)
     * @param newAcquired   the value to write (the old one when left alone)
     * @param note          a remark for the user, or null
     */
    public record PlanResult(SchedulerSnapshot.Plan plan, SchedulerSnapshot.Project project,
                             SchedulerSnapshot.Target target, Status status, String rig, String targetName,
                             String panel, String filter, Double exposure, int apdmCount, boolean masterReady,
                             Integer newAccepted, Integer newAcquired, String note) {

        public boolean changes() {
            return status == Status.CHANGE;
        }

        public boolean acceptedChanges() {
            return !Objects.equals(plan.accepted(), newAccepted);
        }

        public boolean acquiredChanges() {
            return !Objects.equals(plan.acquired(), newAcquired);
        }

        /** "M 81+LRGB / M 81 / L 120 s" for messages. */
        public String label() {
            return project.name() + " / " + target.name() + " / " + plan.templateName()
                    + (exposure == null ? "" : " " + seconds(exposure));
        }
    }

    /** A project whose state follows where its targets' data lives. */
    public record StateChange(SchedulerSnapshot.Project project, Integer oldState, int newState, List<String> stages) {
        public StateChange {
            stages = List.copyOf(stages);
        }
    }

    public List<PlanResult> changes() {
        return plans.stream().filter(PlanResult::changes).toList();
    }

    public boolean writesNothing() {
        return changes().isEmpty() && states.isEmpty();
    }

    public long count(Status s) {
        return plans.stream().filter(p -> p.status() == s).count();
    }

    /** "120 s", "0.5 s". */
    public static String seconds(double s) {
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }
}
