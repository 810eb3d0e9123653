package org.apdm.cli;

import static org.apdm.nina.testing.TestDatabases.C8E;
import static org.apdm.nina.testing.TestDatabases.SQA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.nina.ProjectState;
import org.apdm.nina.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerDemoStepTest {

    @TempDir
    Path tmp;
    DemoWorkspace.Layout layout;
    ApdmConfig config;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        layout = new DemoWorkspace.Layout(tmp, tmp.resolve("RAW"), tmp.resolve("Data"), tmp.resolve("Reject"),
                tmp.resolve("apdm.yaml"));
        Files.createDirectories(layout.data());
        Files.writeString(layout.config(), "state_dir: .apdm\ndatabase: Data/astrophotography.sqlite\n", StandardCharsets.UTF_8);
        config = ConfigLoader.load(layout.config(), new ConfigLocations(tmp.resolve("c.yaml"), tmp.resolve("d")), Map.of());
    }

    int run() {
        return SchedulerDemoStep.run(config, layout, new OutputOptions(), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void withoutAcceptedFramesTheSampleDatabaseIsCreatedAndTheUserToldToRunDbUpdate() throws Exception {
        assertEquals(ExitCodes.OK, run(), err.toString());
        assertTrue(out.toString().contains("no accepted frames in apdm's database yet; run `apdm db update`"), out.toString());
        Path ts = SchedulerDemoStep.database(layout);
        assertEquals(2, TestDatabases.intValue(ts, "SELECT count(*) FROM project"));
        assertEquals(3, TestDatabases.intValue(ts, "SELECT count(*) FROM target"));
        assertEquals(10, TestDatabases.intValue(ts, "SELECT count(*) FROM exposureplan"));
        assertEquals(23, TestDatabases.intValue(ts, "PRAGMA user_version"));
    }

    @Test
    void afterDbUpdateTheSampleDatabaseIsSynced() throws Exception {
        Path apdm = layout.data().resolve("astrophotography.sqlite");
        try (TestDatabases.Apdm a = new TestDatabases.Apdm(apdm)) { // no profile rows: the demo's own ids stand in
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 11, "2025-03-01")
                    .frames(C8E, "20_Data", "M 81", "", "R", 120, 9, "2025-03-01")
                    .frames(SQA, "30_Master", "Heart Nebula", "1", "H", 300, 4, "2025-03-01")
                    .frames(SQA, "30_Master", "Heart Nebula", "2", "O", 300, 3, "2025-03-02");
        }
        assertEquals(ExitCodes.OK, run(), err.toString());
        Path ts = SchedulerDemoStep.database(layout);
        assertEquals(11, TestDatabases.intValue(ts, "SELECT ep.accepted FROM exposureplan ep JOIN exposuretemplate et"
                + " ON et.Id = ep.exposureTemplateId WHERE et.name = 'L'"));
        assertEquals(9, TestDatabases.intValue(ts, "SELECT ep.accepted FROM exposureplan ep JOIN exposuretemplate et"
                + " ON et.Id = ep.exposureTemplateId WHERE et.name = 'R'"), "9 of 10 is not yet master ready");
        assertEquals(4, TestDatabases.intValue(ts, "SELECT ep.accepted FROM exposureplan ep JOIN target t ON t.Id = ep.targetid"
                + " JOIN exposuretemplate et ON et.Id = ep.exposureTemplateId WHERE t.name = 'Heart Nebula Panel 1'"
                + " AND et.filtername = 'Ha'"));
        assertEquals(ProjectState.INACTIVE.code(), TestDatabases.intValue(ts, "SELECT state FROM project WHERE name = ?",
                "Heart Nebula+SHO"), "its data is in 30_Master");
        assertTrue(out.toString().contains("M 81+LRGB / M 81 / L 120 s"), out.toString());
        assertTrue(out.toString().contains("apdm scheduler status"), out.toString());
    }

    @Test
    void theRigsProfileIdInApdmsDatabaseIsUsed() throws Exception {
        Path apdm = layout.data().resolve("astrophotography.sqlite");
        try (TestDatabases.Apdm a = new TestDatabases.Apdm(apdm)) {
            a.profile("11111111-2222-3333-4444-555555555555", C8E)
                    .frames(C8E, "20_Data", "M 81", "", "L", 120, 11, "2025-03-01");
        }
        assertEquals(ExitCodes.OK, run(), err.toString());
        Path ts = SchedulerDemoStep.database(layout);
        assertEquals(1, TestDatabases.intValue(ts, "SELECT count(*) FROM project WHERE profileId = ?",
                "11111111-2222-3333-4444-555555555555"));
        assertEquals(11, TestDatabases.intValue(ts, "SELECT max(accepted) FROM exposureplan"));
    }
}
