package org.apdm.nina;

import static org.apdm.nina.testing.TestDatabases.C8E;
import static org.apdm.nina.testing.TestDatabases.C8E_PROFILE;
import static org.apdm.nina.testing.TestDatabases.SQA;
import static org.apdm.nina.testing.TestDatabases.SQA_PROFILE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.nina.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredFramesTest {

    @TempDir
    Path tmp;

    @Test
    void desiredHoursPerRigTargetPanelAndFilterComeFromThePlans() throws Exception {
        Path ts = TestDatabases.schedulerCopy(tmp);
        Path apdm = tmp.resolve("astrophotography.sqlite");
        new TestDatabases.Apdm(apdm).profile(C8E_PROFILE, C8E).profile(SQA_PROFILE, SQA).close();
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            long t = db.target(p, "M 81", 9.9, 69);
            db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "L", "L", 120), -1, 90, 0, 0);        // 3 h
            db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "R", "R", 60), 120, 30, 0, 0);        // 1 h (plan's own exposure)
            long m = db.project(SQA_PROFILE, "Heart Nebula+SHO", ProjectState.ACTIVE, true, true);
            long ha = db.template(SQA_PROFILE, "Ha", "Ha", 300);
            db.plan(SQA_PROFILE, db.target(m, "Heart Nebula Panel 1", 2.5, 61), ha, -1, 24, 0, 0); // 2 h of H
            db.plan(SQA_PROFILE, db.target(m, "Heart Nebula Panel 2", 2.6, 61), ha, -1, 12, 0, 0); // 1 h of H
        }
        ApdmConfig config = SchedulerSyncTest.config(tmp, "");
        DesiredFrames d = DesiredFrames.read(ts, apdm, config);
        assertEquals(Map.of("L", 3.0, "R", 1.0), d.hoursByFilter("C8E@f10+ZWO ASI2600MM Pro", "m 81", ""));
        assertEquals(4.0, d.hours(C8E, "M 81"), 1e-9);
        assertEquals(Map.of("H", 2.0), d.hoursByFilter(SQA, "Heart Nebula", "1"), "filters by apdm's names (Ha → H)");
        assertEquals(3.0, d.hours(SQA, "Heart Nebula"), 1e-9);
        assertEquals(0, d.forTarget(SQA, "M 81").size());
    }
}
