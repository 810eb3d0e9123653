package org.apdm.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The work queue of {@code apdm status}, from a hand-made inventory and a fixed clock. */
class WorkQueuePlannerTest {

    static final String RIG = "C8E@f10.0+ZWO ASI2600MM Pro";
    static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
    static final WorkQueuePlanner.Settings SETTINGS = new WorkQueuePlanner.Settings(60, 10, 95);

    static InventoryFolder f(String stage, String target, String night, String filter, int frames, boolean accepted,
                             boolean darks, boolean flats) {
        return new InventoryFolder(RIG, stage, target, "", night, filter, "300.00",
                Path.of("/data", RIG, stage, target, night, filter), frames, frames * 300 / 3600.0, accepted, darks, flats,
                false);
    }

    static InventoryScan scan(List<InventoryFolder> folders, List<TargetFolder> targets, List<DiskSpace> disks) {
        return new InventoryScan(new Inventory(Path.of("/data"), folders, List.of(), List.of()), Map.of(), targets, disks);
    }

    @Test
    void blinkCalibrationAndPromotion() {
        WorkQueue q = WorkQueuePlanner.plan(scan(List.of(
                f("10_Blink", "M 81", "2025-06-01", "L", 20, false, false, false),  // waits for blink
                f("10_Blink", "M 81", "2025-06-01", "L", 10, true, true, true),
                f("10_Blink", "M 82", "2025-06-02", "H", 12, true, true, true),     // ready to promote
                f("10_Blink", "M 83", "2025-06-02", "H", 12, true, true, false),    // no flat
                f("60_Done", "M 1", "2021-01-01", "H", 12, true, false, false)),    // old: not nagged
                List.of(), List.of()), DesiredFrames.NONE, SETTINGS, NOW);
        assertEquals(List.of(new WorkQueue.Night(RIG, "10_Blink", "M 81", "2025-06-01", 20, "")), q.waitingForBlink());
        assertEquals(List.of(new WorkQueue.Night(RIG, "10_Blink", "M 82", "2025-06-02", 12, "")), q.readyToPromote());
        assertEquals(List.of(new WorkQueue.Night(RIG, "10_Blink", "M 83", "2025-06-02", 12, "master flat H")),
                q.missingCalibration());
        assertFalse(q.desiredAvailable());
        assertEquals(List.of(), q.readyForMaster());
    }

    @Test
    void readyForMasterAtTheConfiguredShareOfEveryDesiredFilter() {
        DesiredFrames want = (rig, target) -> target.equals("M 31")
                ? List.of(new DesiredFrames.Desired("H", "", 40, 300), new DesiredFrames.Desired("O", "", 20, 300))
                : List.of(new DesiredFrames.Desired("H", "", 100, 300));
        WorkQueue q = WorkQueuePlanner.plan(scan(List.of(
                f("20_Data", "M 31", "2025-06-01", "H", 38, true, true, true),   // 95 % of 40
                f("20_Data", "M 31", "2025-06-02", "O", 20, true, true, true),
                f("20_Data", "M 33", "2025-06-01", "H", 94, true, true, true)),  // 94 %
                List.of(), List.of()), want, SETTINGS, NOW);
        assertTrue(q.desiredAvailable());
        assertEquals(1, q.readyForMaster().size());
        WorkQueue.TargetProgress p = q.readyForMaster().get(0);
        assertEquals("M 31", p.target());
        assertEquals(95.0, p.percent(), 1e-9);
        assertEquals(5.0, p.wantHours(), 1e-9);
    }

    @Test
    void bakeRemindersAndLowDisks() {
        WorkQueue q = WorkQueuePlanner.plan(scan(List.of(), List.of(
                new TargetFolder(RIG, "50_Bake", "Old", Path.of("/data/x/50_Bake/Old"), Instant.parse("2025-03-01T00:00:00Z")),
                new TargetFolder(RIG, "50_Bake", "Fresh", Path.of("/data/x/50_Bake/Fresh"), Instant.parse("2025-05-01T00:00:00Z")),
                new TargetFolder(RIG, "40_Process", "Older", Path.of("/data/x/40_Process/Older"), Instant.EPOCH)),
                List.of(new DiskSpace("sda1", Path.of("/data"), 1000, 50), new DiskSpace("sdb1", Path.of("/b"), 1000, 500))),
                DesiredFrames.NONE, SETTINGS, NOW);
        assertEquals(1, q.bakeReminders().size());
        assertEquals("Old", q.bakeReminders().get(0).target());
        assertEquals(101, q.bakeReminders().get(0).days());
        assertEquals(List.of("sda1"), q.lowDisk().stream().map(DiskSpace::drive).toList());
    }
}
