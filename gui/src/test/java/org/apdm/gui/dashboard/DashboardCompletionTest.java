package org.apdm.gui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.report.SummaryReport;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseSetup;
import org.apdm.db.report.ReportFileWriter;
import org.apdm.db.report.ReportOperation;
import org.apdm.db.update.DbUpdateOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's completion is the one {@code apdm report} prints, for the same archive and plans. */
class DashboardCompletionTest {

    @TempDir
    Path tmp;

    @Test
    void theDashboardShowsTheReportsCompletion() throws Exception {
        ArchiveFixture a = new ArchiveFixture(tmp);
        ApdmConfig config = a.load(tmp);
        DesiredFrames plans = (rig, target) -> List.of(new DesiredFrames.Desired("H", "", 12, 300),
                new DesiredFrames.Desired("L", "", 4, 60));
        FileEngine engine = new FileEngine(EngineSettings.of(config.stateDir()));
        ReportOperation.Result report;
        try (AstroDatabase db = DatabaseSetup.open(config, tmp.resolve("astrophotography.sqlite"), engine,
                Clock.systemDefaultZone(), true)) {
            new DbUpdateOperation(config, db).run(new DbUpdateOperation.Request(a.data, Set.of(), true, true, false, false),
                    ProgressListener.NONE, CancellationToken.none());
            report = new ReportOperation(config, db, new ReportFileWriter(db, engine, Clock.systemDefaultZone()))
                    .run(new ReportOperation.Request(a.data, Set.of(), false, null, null, true), plans);
        }
        DashboardModel m = DashboardModel.of(a.summary(tmp, plans), WorkspaceFacts.NONE, rig -> List.of());

        int compared = 0;
        for (SummaryReport.Line line : report.lines()) {
            DashboardModel.TargetRow row = m.rigs().stream().filter(r -> r.rig().equals(line.rig()))
                    .map(r -> r.stage(line.stage())).flatMap(s -> s.targets().stream())
                    .filter(t -> t.target().equals(line.target())).findFirst().orElseThrow();
            assertNotNull(line.completion());
            assertEquals(line.completion(), row.plannedPercent(), 1e-9, line.target() + " in " + line.stage());
            compared++;
        }
        assertEquals(3, compared, "every accepted target of the report: M 31, Heart Nebula, Old Target");
    }
}
