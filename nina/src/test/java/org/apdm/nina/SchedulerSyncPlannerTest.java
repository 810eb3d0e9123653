package org.apdm.nina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counts written, checked against the plugin's own completion rule (ExposureCompletionHelper). */
class SchedulerSyncPlannerTest {

    private static final String RIG = "C8E@f10.0+ZWO ASI2600MM Pro";
    private static final String PROFILE = "p1";

    /** The plugin's percent complete of a plan (peers-and-formats §1.5), delayed grading off. */
    static double pluginPercent(boolean grader, double throttlePercent, int desired, int acquired, int accepted) {
        if (grader) {
            return desired == 0 ? 0 : Math.min(100, 100.0 * accepted / desired);
        }
        if (acquired == 0) {
            return 0;
        }
        double throttleAt = (int) (throttlePercent / 100 * desired);
        return Math.min(100, acquired / throttleAt * 100);
    }

    static SyncPlan.PlanResult plan(boolean grader, double throttle, int desired, int acquired, int accepted, int count,
                                    double readyPercent) {
        SchedulerSnapshot ts = new SchedulerSnapshot(Path.of("ts"),
                List.of(new SchedulerSnapshot.Project(1, PROFILE, "P", 1, false, grader)),
                List.of(new SchedulerSnapshot.Target(2, 1, "M 81")),
                List.of(new SchedulerSnapshot.Plan(3, 2, 4, "L", "L", -1.0, 60.0, desired, acquired, accepted)),
                Map.of(PROFILE, throttle), "delete");
        List<AcceptedFramesRepository.Frames> frames = new ArrayList<>();
        if (count > 0) {
            frames.add(new AcceptedFramesRepository.Frames(1, RIG, "M 81", "", "L", 60, count, null));
        }
        AcceptedFramesRepository.Contents apdm = new AcceptedFramesRepository.Contents(Path.of("a"),
                Map.of(PROFILE, new AcceptedFramesRepository.Profile(PROFILE, RIG, RIG)), frames);
        return SchedulerSyncPlanner.plan(ts, apdm, new AcceptedFramesMatcher(frames, Map.of()),
                new SchedulerSyncPlanner.Settings(readyPercent, false, Map.of())).plans().get(0);
    }

    @Test
    void whatIsWrittenMakesThePluginSeeCompleteExactlyWhenApdmDoes() {
        for (boolean grader : new boolean[] {true, false}) {
            for (double throttle : new double[] {100, 125, 150}) {
                for (int desired = 1; desired <= 30; desired++) {
                    for (int count = 1; count <= 35; count++) {
                        for (int acquired : new int[] {0, count / 2, desired * 2}) {
                            SyncPlan.PlanResult r = plan(grader, throttle, desired, acquired, 0, count, 95);
                            boolean apdmComplete = count >= desired || count * 100.0 >= 95.0 * desired;
                            double percent = pluginPercent(grader, throttle, desired, r.newAcquired(), r.newAccepted());
                            String at = "grader " + grader + ", throttle " + throttle + ", desired " + desired + ", count "
                                    + count + ", acquired " + acquired + " → " + r;
                            assertEquals(apdmComplete, percent >= 100, at);
                            if (!apdmComplete) {
                                assertEquals(100.0 * count / desired, percent, 100.0 / desired, at);
                            }
                            if (grader) {
                                assertTrue(r.newAcquired() >= acquired, "acquired is never lowered with the grader on: " + at);
                            }
                            assertTrue(r.newAcquired() >= r.newAccepted() || throttle < 100, at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void masterReadyWritesTheLeastThatReadsComplete() {
        SyncPlan.PlanResult on = plan(true, 125, 20, 0, 0, 19, 95);
        assertTrue(on.masterReady());
        assertEquals(20, on.newAccepted());
        SyncPlan.PlanResult off = plan(false, 125, 20, 0, 0, 19, 95);
        assertEquals(19, off.newAccepted(), "with the grader off accepted is not what completes the plan");
        assertEquals(25, off.newAcquired());
        SyncPlan.PlanResult over = plan(true, 125, 20, 0, 0, 23, 95);
        assertFalse(over.masterReady(), "more than desired is complete, not 'master ready'");
        assertEquals(23, over.newAccepted());
        SyncPlan.PlanResult noGoal = plan(true, 125, 0, 0, 0, 7, 95);
        assertEquals(7, noGoal.newAccepted(), "a plan without a desired count still gets the true count");
    }

    @Test
    void thePlansCurrentValuesMeanNothingToWrite() {
        SyncPlan.PlanResult r = plan(true, 125, 20, 12, 12, 12, 95);
        assertEquals(SyncPlan.Status.UNCHANGED, r.status());
        SyncPlan.PlanResult none = plan(true, 125, 20, 4, 3, 0, 95);
        assertEquals(SyncPlan.Status.NO_DATA, none.status());
        assertEquals(3, none.newAccepted());
        assertEquals(4, none.newAcquired());
    }

    @Test
    void theLeastAdvancedStageDecidesAProjectsState() {
        assertEquals(ProjectState.ACTIVE, SchedulerSyncPlanner.stateFor(List.of("60_Done", "20_Data")));
        assertEquals(ProjectState.ACTIVE, SchedulerSyncPlanner.stateFor(List.of("10_Blink")));
        assertEquals(ProjectState.INACTIVE, SchedulerSyncPlanner.stateFor(List.of("50_Bake", "60_Done", "70_Abandon")));
        assertEquals(ProjectState.CLOSED, SchedulerSyncPlanner.stateFor(List.of("60_Done")));
        assertNull(SchedulerSyncPlanner.stateFor(List.of("00_Misc", "70_Abandon")));
        assertNull(SchedulerSyncPlanner.stateFor(List.of()));
    }
}
