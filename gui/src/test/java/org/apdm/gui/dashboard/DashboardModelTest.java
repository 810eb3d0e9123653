package org.apdm.gui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's numbers and queue, computed from a generated archive (no window). */
class DashboardModelTest {

    @TempDir
    Path tmp;

    DashboardModel model(WorkspaceFacts facts) throws Exception {
        ArchiveFixture a = new ArchiveFixture(tmp);
        ArchiveSummary s = new FolderLayoutSource().scan(a.data, null, ProgressListener.NONE, CancellationToken.none());
        return DashboardModel.of(s, facts, rig -> List.of("L", "R", "G", "B", "H"), 10);
    }

    @Test
    void everyRigWithItsStagesAndTargets() throws Exception {
        DashboardModel m = model(WorkspaceFacts.NONE);

        assertEquals(List.of(ArchiveFixture.C8E, ArchiveFixture.SQA55), m.rigs().stream().map(DashboardModel.RigRow::rig).toList());
        DashboardModel.TargetRow m31 = m.rigs().get(0).stage("10_Blink").targets().get(0);
        assertEquals("M 31", m31.target());
        assertEquals(11, m31.frames());
        assertEquals(11 * 300 / 3600.0, m31.hours(), 1e-9);
        assertEquals(3, m31.nights());
        assertEquals(List.of("L", "R"), m31.filters());
        DashboardModel.TargetRow heart = m.rigs().get(1).stage("20_Data").targets().get(0);
        assertEquals(5, heart.frames(), "masters are not counted as lights");
        assertEquals(0.5, heart.completion(), "one of two nights has its darks and flats");
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
    void theQueueFollowsTheProcessAndLeadsToItsPages() throws Exception {
        DashboardModel m = model(new WorkspaceFacts(2, 5_000_000_000L, 100_000_000_000L));

        List<NextStep> q = m.queue();
        assertEquals(List.of(NextStep.Kind.INGEST, NextStep.Kind.CULL, NextStep.Kind.CALIBRATE, NextStep.Kind.DISK,
                NextStep.Kind.UNKNOWN_STAGE), q.stream().map(NextStep::kind).toList());
        assertEquals("2 image files in RAW", q.get(0).title());
        assertEquals("ingest", q.get(0).pageId());
        assertEquals("9 frames wait for cull and blink", q.get(1).title());
        assertEquals(ArchiveFixture.C8E, q.get(1).argument());
        assertTrue(q.get(2).detail().contains("M 31 2025-01-03"), q.get(2).detail());
        assertEquals("Only 5 % free on the data drive", q.get(3).title());
        assertTrue(q.get(4).title().endsWith(ArchiveFixture.SQA55 + "/70_Abandon"), q.get(4).title());
    }
}
