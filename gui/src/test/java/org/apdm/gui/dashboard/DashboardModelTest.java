package org.apdm.gui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.inventory.DiskSpace;
import org.apdm.core.inventory.WorkQueue;
import org.apdm.gui.shell.PageCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's numbers and queue, computed by the core inventory and work queue from a generated archive (no window). */
class DashboardModelTest {

    @TempDir
    Path tmp;

    DashboardModel model(WorkspaceFacts facts, DesiredFrames desired) throws Exception {
        ArchiveFixture a = new ArchiveFixture(tmp);
        return DashboardModel.of(a.summary(tmp, desired), facts, rig -> List.of("L", "R", "G", "B", "H"));
    }

    @Test
    void everyRigWithItsStagesAndTargets() throws Exception {
        DashboardModel m = model(WorkspaceFacts.NONE, DesiredFrames.NONE);

        assertEquals(List.of(ArchiveFixture.C8E, ArchiveFixture.SQA55), m.rigs().stream().map(DashboardModel.RigRow::rig).toList());
        DashboardModel.TargetRow m31 = m.rigs().get(0).stage("10_Blink").targets().get(0);
        assertEquals("M 31", m31.target());
        assertEquals(11, m31.frames());
        assertEquals(11 * 300 / 3600.0, m31.hours(), 1e-9);
        assertEquals(3, m31.nights());
        assertEquals(List.of("L", "R"), m31.filters());
        DashboardModel.TargetRow heart = m.rigs().get(1).stage("20_Data").targets().get(0);
        assertEquals(5, heart.frames(), "masters are not counted as lights");
        assertFalse(heart.planned(), "no Target Scheduler: nothing is planned");
        assertEquals(0.5, heart.completion(), "the fallback: one of two nights has its darks and flats");
        DashboardModel.StageRow abandoned = m.rigs().get(1).stage("70_Abandon");
        assertFalse(abandoned.known());
        assertEquals(2, abandoned.frames());
        assertEquals(List.of("10_Blink", "20_Data", "30_Master", "40_Process", "50_Bake", "60_Done", "70_Abandon"),
                m.stageColumns());
        DashboardModel.Totals t = m.totals();
        assertEquals(List.of(2, 3, 18L), List.of(t.rigs(), t.targets(), t.frames()));
        assertEquals((11 * 300 + 5 * 300 + 2 * 60) / 3600.0, t.hours(), 1e-9);
    }

    @Test
    void theQueueIsTheCoresWorkQueueAndLeadsToThePagesThatResolveIt() throws Exception {
        DashboardModel m = model(new WorkspaceFacts(2), DesiredFrames.NONE);

        List<NextStep> q = m.queue();
        assertEquals(List.of(NextStep.Kind.INGEST, NextStep.Kind.CULL, NextStep.Kind.CALIBRATE, NextStep.Kind.CALIBRATE,
                NextStep.Kind.UNKNOWN_STAGE), q.stream().map(NextStep::kind).toList());
        assertEquals("2 image files in RAW", q.get(0).title());
        assertEquals(PageCatalog.INGEST, q.get(0).pageId());
        assertEquals("9 frames wait for cull and blink", q.get(1).title());
        assertEquals(PageCatalog.CULL, q.get(1).pageId());
        assertEquals(ArchiveFixture.C8E, q.get(1).argument());
        assertEquals(ArchiveFixture.C8E + ": M 31 2025-01-03 (master dark 300.00 s; master flat L)", q.get(2).detail());
        assertEquals(PageCatalog.CALIBRATION, q.get(2).pageId());
        assertEquals("1 night past 10_Blink without master darks or flats", q.get(3).title());
        assertTrue(q.get(3).detail().startsWith(ArchiveFixture.SQA55 + ": 20_Data Heart Nebula 2024-12-02"), q.get(3).detail());
        assertTrue(q.get(3).detail().contains("Distribute works on 10_Blink"), q.get(3).detail());
        assertEquals(null, q.get(3).pageId(), "distribute would not reach a night in 20_Data, so no button leads there");
        assertEquals("Unknown stage 70_Abandon", q.get(4).title());
    }

    @Test
    void everyKindOfWorkOpensItsPage() {
        WorkQueue.Night blink = new WorkQueue.Night("R1@f5.0+C", "10_Blink", "M 1", "2025-01-01", 30, "");
        WorkQueue.Night missing = new WorkQueue.Night("R1@f5.0+C", "10_Blink", "M 1", "2025-01-02", 10, "master flat H");
        WorkQueue.Night ready = new WorkQueue.Night("R1@f5.0+C", "10_Blink", "M 2", "2025-01-03", 12, "");
        WorkQueue q = new WorkQueue(List.of(blink), List.of(missing), List.of(ready),
                List.of(new WorkQueue.TargetProgress("R1@f5.0+C", "20_Data", "M 3", 9.8, 10, 98)), true,
                List.of(new WorkQueue.BakeReminder("R1@f5.0+C", "M 4", tmp, 90)),
                List.of(new DiskSpace("/dev/sda1", tmp, 1_000_000_000_000L, 20_000_000_000L)));

        List<NextStep> steps = InventorySummarySource.nextSteps(q);

        assertEquals(List.of(NextStep.Kind.CULL, NextStep.Kind.CALIBRATE, NextStep.Kind.PROMOTE, NextStep.Kind.MASTER,
                NextStep.Kind.BAKE, NextStep.Kind.DISK), steps.stream().map(NextStep::kind).toList());
        assertEquals(java.util.Arrays.asList(PageCatalog.CULL, PageCatalog.CALIBRATION, PageCatalog.PROMOTE,
                PageCatalog.DASHBOARD, PageCatalog.DASHBOARD, null), steps.stream().map(NextStep::pageId).toList());
        assertEquals(java.util.Arrays.asList("R1@f5.0+C", "R1@f5.0+C", "R1@f5.0+C", "M 3", "M 4", null),
                steps.stream().map(NextStep::argument).toList(), "nights open their rig, targets show the target");
        assertEquals("1 night ready for 20_Data", steps.get(2).title());
        assertEquals("M 4 has rested in 50_Bake for 90 days", steps.get(4).title());
        assertEquals("Only 2 % free on /dev/sda1", steps.get(5).title());
    }

    @Test
    void whereSomethingIsPlannedCompletionIsAgainstThePlans() throws Exception {
        DesiredFrames heartOnly = (rig, target) -> target.equals("Heart Nebula")
                ? List.of(new DesiredFrames.Desired("H", "", 12, 300)) : List.of();
        DashboardModel m = model(WorkspaceFacts.NONE, heartOnly);

        DashboardModel.TargetRow heart = m.rigs().get(1).stage("20_Data").targets().get(0);
        assertTrue(heart.planned());
        assertEquals(5 * 100.0 / 12, heart.plannedPercent(), 1e-9, "5 of 12 planned frames of H accepted");
        DashboardModel.TargetRow m31 = m.rigs().get(0).stage("10_Blink").targets().get(0);
        assertNull(m31.plannedPercent(), "nothing planned for M 31: the nights' fallback");
        assertEquals(0.0, m31.completion());
    }

    @Test
    void aMissingDataFolderIsSaidNotFailed() throws Exception {
        ArchiveSummary s = new InventorySummarySource(java.time.Clock.systemDefaultZone()).scan(tmp.resolve("none"),
                new ArchiveFixture(tmp).load(tmp), org.apdm.core.task.ProgressListener.NONE,
                org.apdm.core.task.CancellationToken.none());
        DashboardModel m = DashboardModel.of(s, WorkspaceFacts.NONE, rig -> List.of());
        assertEquals(NextStep.Kind.WARNING, m.queue().get(0).kind());
        assertTrue(m.queue().get(0).title().contains("does not exist yet"), m.queue().get(0).title());
    }
}
