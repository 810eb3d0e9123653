package org.apdm.nina;

import static org.apdm.nina.testing.TestDatabases.C8E;
import static org.apdm.nina.testing.TestDatabases.C8E_PROFILE;
import static org.apdm.nina.testing.TestDatabases.SQA;
import static org.apdm.nina.testing.TestDatabases.SQA_PROFILE;
import static org.apdm.nina.testing.TestDatabases.accepted;
import static org.apdm.nina.testing.TestDatabases.acquired;
import static org.apdm.nina.testing.TestDatabases.sha256;
import static org.apdm.nina.testing.TestDatabases.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.config.ConfigResolver;
import org.apdm.nina.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync on copies of the plugin's v23 database (tests fill copies of the fixture). */
class SchedulerSyncTest {

    @TempDir
    Path tmp;
    Path ts;
    Path apdmDb;
    Path backups;

    @BeforeEach
    void setUp() throws Exception {
        ts = TestDatabases.schedulerCopy(tmp.resolve("nina"));
        apdmDb = tmp.resolve("astrophotography.sqlite");
        backups = tmp.resolve("state/scheduler-backups");
    }

    static ApdmConfig config(Path dir, String scheduler) throws Exception {
        String yaml = "state_dir: state\nscheduler:\n  busy_timeout_seconds: 0\n" + scheduler;
        return ConfigResolver.resolve(ConfigLoader.parse(yaml, "test"), dir.resolve("apdm.yaml"),
                new ConfigLocations(dir.resolve("config.yaml"), dir.resolve("data")), Map.of());
    }

    SchedulerSyncOperation op(String scheduler) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);
        return new SchedulerSyncOperation(config(tmp, scheduler), clock);
    }

    SchedulerSyncOperation.Request request() {
        return new SchedulerSyncOperation.Request(ts, apdmDb, backups);
    }

    SchedulerSyncOperation.Result sync(String scheduler) throws Exception {
        SchedulerSyncOperation o = op(scheduler);
        return o.execute(o.prepare(request()));
    }

    TestDatabases.Apdm apdm() throws Exception {
        return new TestDatabases.Apdm(apdmDb).profile(C8E_PROFILE, C8E).profile(SQA_PROFILE, SQA);
    }

    @Test
    void aPlainPlanGetsTheCountOfItsRigTargetFilterAndExposureOnly() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01")
                    .frames(C8E, "20_Data", "M 81", "", "L", 120, 12, "2025-03-02")
                    .frames(C8E, "20_Data", "M 81", "", "L", 60, 50, "2025-03-02")      // other exposure
                    .frames(C8E, "20_Data", "M 81", "", "R", 120, 40, "2025-03-02")     // other filter
                    .frames(C8E, "20_Data", "M 82", "", "L", 120, 40, "2025-03-02")     // other target
                    .frames(SQA, "20_Data", "M 81", "", "L", 120, 40, "2025-03-02")     // other rig
                    .frames(C8E, "20_Data", "M 81", "1", "L", 120, 40, "2025-03-03");   // a panel
        }
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            long t = db.target(p, "M 81", 9.93, 69.07);
            plan = db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "L", "L", 60), 120, 100, 10, 5);
        }
        SchedulerSyncOperation.Result r = sync("");
        assertEquals(42, accepted(ts, plan));
        assertEquals(42, acquired(ts, plan), "acquired is raised to the accepted count when lower");
        assertEquals(1, r.written().written().size());
        assertEquals(0, r.changedUnderUs());
    }

    @Test
    void acquiredIsNeverLoweredWhileTheGraderIsOn() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            long t = db.target(p, "M 81", 9.93, 69.07);
            plan = db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "L", "L", 60), 120, 100, 45, 40);
        }
        sync("");
        assertEquals(30, accepted(ts, plan), "accepted follows apdm, also downwards (frames rejected in blink)");
        assertEquals(45, acquired(ts, plan), "the plugin's own count of frames taken stays");
    }

    @Test
    void mosaicPanelsAreCountedPerPanel() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(SQA, "20_Data", "Heart Nebula", "1", "H", 300, 8, "2025-03-01")
                    .frames(SQA, "20_Data", "Heart Nebula", "1", "H", 300, 4, "2025-03-02")
                    .frames(SQA, "20_Data", "Heart Nebula", "2", "H", 300, 5, "2025-03-02")
                    .frames(SQA, "20_Data", "Heart Nebula", "", "H", 300, 99, "2025-03-03");
        }
        long p1;
        long p2;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(SQA_PROFILE, "Heart Nebula+SHO", ProjectState.ACTIVE, true, true);
            long h = db.template(SQA_PROFILE, "Ha 300", "Ha", 300); // filter wheel name Ha, apdm's H
            p1 = db.plan(SQA_PROFILE, db.target(p, "Heart Nebula Panel 1", 2.55, 61.5), h, 300, 40, 0, 0);
            p2 = db.plan(SQA_PROFILE, db.target(p, "Heart Nebula Panel 2", 2.6, 61.2), h, 300, 40, 0, 0);
        }
        sync("");
        assertEquals(12, accepted(ts, p1));
        assertEquals(5, accepted(ts, p2));
    }

    @Test
    void aPlanWithExposureMinusOneTakesTheTemplatesDefault() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(SQA, "20_Data", "NGC 7000", "", "O", 300, 17, "2025-03-01")
                    .frames(SQA, "20_Data", "NGC 7000", "", "O", 60, 50, "2025-03-01");
        }
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(SQA_PROFILE, "NGC 7000+SHO", ProjectState.ACTIVE, false, true);
            plan = db.plan(SQA_PROFILE, db.target(p, "NGC 7000", 20.98, 44.3), db.template(SQA_PROFILE, "O", "O", 300),
                    -1, 60, 0, 0);
        }
        sync("");
        assertEquals(17, accepted(ts, plan));
    }

    @Test
    void aPlanWithoutDataIsLeftAlone() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        long withData;
        long without;
        long noProfile;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            long t = db.target(p, "M 81", 9.93, 69.07);
            withData = db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 0, 0);
            without = db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "B", "B", 120), -1, 100, 7, 6);
            long other = db.project("00000000-0000-0000-0000-000000000000", "M 81 elsewhere", ProjectState.ACTIVE, false, true);
            noProfile = db.plan("00000000-0000-0000-0000-000000000000", db.target(other, "M 81", 9.93, 69.07),
                    db.template("00000000-0000-0000-0000-000000000000", "L", "L", 120), -1, 100, 3, 2);
        }
        SchedulerSyncOperation.Result r = sync("");
        assertEquals(30, accepted(ts, withData));
        assertEquals(6, accepted(ts, without));
        assertEquals(7, acquired(ts, without));
        assertEquals(2, accepted(ts, noProfile));
        SyncPlan plan = r.prepared().plan();
        assertEquals(1, plan.count(SyncPlan.Status.NO_DATA));
        assertEquals(1, plan.count(SyncPlan.Status.NO_PROFILE));
        assertTrue(plan.plans().stream().filter(p -> p.status() == SyncPlan.Status.NO_PROFILE)
                .allMatch(p -> p.note().contains("apdm db import-profiles")));
    }

    @Test
    void aPlanAtTheMasterReadyShareIsWrittenAsCompleteByThePluginsOwnRule() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 19, "2025-03-01")
                    .frames(C8E, "20_Data", "M 81", "", "R", 120, 18, "2025-03-01")
                    .frames(C8E, "20_Data", "M 82", "", "L", 120, 19, "2025-03-01")
                    .frames(C8E, "20_Data", "M 82", "", "R", 120, 18, "2025-03-01");
        }
        long onReady;
        long onShort;
        long offReady;
        long offShort;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long l = db.template(C8E_PROFILE, "L", "L", 120);
            long rr = db.template(C8E_PROFILE, "R", "R", 120);
            long on = db.target(db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true), "M 81", 9.9, 69);
            onReady = db.plan(C8E_PROFILE, on, l, -1, 20, 0, 0);   // 19/20 = 95 %
            onShort = db.plan(C8E_PROFILE, on, rr, -1, 20, 0, 0);  // 18/20 = 90 %
            long off = db.target(db.project(C8E_PROFILE, "M 82+LRGB", ProjectState.ACTIVE, false, false), "M 82", 9.9, 69);
            offReady = db.plan(C8E_PROFILE, off, l, -1, 20, 0, 0);
            offShort = db.plan(C8E_PROFILE, off, rr, -1, 20, 30, 0);
            db.throttle(C8E_PROFILE, 125);
        }
        SchedulerSyncOperation.Result r = sync("");
        // grader on: the plugin counts accepted against desired
        assertEquals(20, accepted(ts, onReady), "master ready: accepted = desired, not the old script's desired × 2");
        assertEquals(20, acquired(ts, onReady));
        assertEquals(18, accepted(ts, onShort));
        // grader off: the plugin counts acquired against floor(throttle × desired) = 25 and ignores accepted
        assertEquals(19, accepted(ts, offReady), "accepted stays the true count");
        assertEquals(25, acquired(ts, offReady), "acquired reaches the plugin's throttle mark: complete");
        assertEquals(18, accepted(ts, offShort));
        assertEquals(22, acquired(ts, offShort), "floor(1.25 × 18): the plugin's percentage is 18/20, 3 frames to go");
        assertTrue(r.prepared().plan().plans().stream().filter(p -> p.plan().id() == onReady || p.plan().id() == offReady)
                .allMatch(SyncPlan.PlanResult::masterReady));

        // a lower threshold makes 90 % ready as well
        try (Connection c = TestDatabases.connect(ts); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE exposureplan SET accepted = 0, acquired = 0");
        }
        sync("  master_ready_percent: 90\n");
        assertEquals(20, accepted(ts, onShort));
        assertEquals(25, acquired(ts, offShort));
    }

    @Test
    void projectStatesFollowWhereTheDataLivesWhenAllowed() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 10, "2025-03-01")
                    .frames(C8E, "30_Master", "M 82", "", "L", 120, 10, "2025-03-01")
                    .frames(C8E, "60_Done", "M 101", "", "L", 120, 10, "2024-03-01")
                    .frames(C8E, "60_Done", "M 51", "", "L", 120, 10, "2024-03-01")
                    .frames(C8E, "20_Data", "M 51", "", "L", 120, 10, "2025-03-01")   // a new season next to old data
                    .frames(C8E, "30_Master", "M 63", "", "L", 120, 10, "2025-03-01")
                    .frames(C8E, "70_Abandon", "M 64", "", "L", 120, 10, "2025-03-01");
        }
        Map<String, Long> p = new java.util.HashMap<>();
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long l = db.template(C8E_PROFILE, "L", "L", 120);
            for (String[] s : List.of(new String[] {"M 81", "INACTIVE"}, new String[] {"M 82", "ACTIVE"},
                    new String[] {"M 101", "ACTIVE"}, new String[] {"M 51", "CLOSED"}, new String[] {"M 63", "DRAFT"},
                    new String[] {"M 64", "ACTIVE"})) {
                long id = db.project(C8E_PROFILE, s[0] + "+LRGB", ProjectState.valueOf(s[1]), false, true);
                db.plan(C8E_PROFILE, db.target(id, s[0], 1, 1), l, -1, 100, 0, 0);
                p.put(s[0], id);
            }
        }
        sync("");
        assertEquals(ProjectState.INACTIVE.code(), state(ts, p.get("M 81")), "states stay unless the config allows changes");

        sync("  update_project_state: true\n");
        assertEquals(ProjectState.ACTIVE.code(), state(ts, p.get("M 81")), "20_Data → Active");
        assertEquals(ProjectState.INACTIVE.code(), state(ts, p.get("M 82")), "30_Master → Inactive");
        assertEquals(ProjectState.CLOSED.code(), state(ts, p.get("M 101")), "60_Done → Closed");
        assertEquals(ProjectState.ACTIVE.code(), state(ts, p.get("M 51")), "new data in 20_Data reopens it");
        assertEquals(ProjectState.DRAFT.code(), state(ts, p.get("M 63")), "a draft project is the user's; left alone");
        assertEquals(ProjectState.ACTIVE.code(), state(ts, p.get("M 64")), "an unknown stage says nothing");
    }

    @Test
    void aFolderLeftInAnEarlierStageIsCountedOnceInItsLatestStage() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "10_Blink", "M 81", "", "L", 120, 27, "2025-03-01")   // stale: moved on to 30_Master
                    .frames(C8E, "30_Master", "M 81", "", "L", 120, 27, "2025-03-01")
                    .frames(C8E, "30_Master", "M 81", "", "L", 120, 10, "2025-03-02");
        }
        long plan;
        long project;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            project = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            plan = db.plan(C8E_PROFILE, db.target(project, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1,
                    100, 0, 0);
        }
        SchedulerSyncOperation.Result r = sync("  update_project_state: true\n");
        assertEquals(37, accepted(ts, plan));
        assertEquals(1, r.prepared().plan().staleIgnored());
        assertEquals(ProjectState.INACTIVE.code(), state(ts, project), "the stale 10_Blink row does not keep it active");
    }

    @Test
    void theUsersRealDatabaseCountsHisStaleBlinkRowsOnce() throws Exception {
        apdmDb = TestDatabases.legacyCopy(tmp.resolve("real"));
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "Coma Cluster Core Mosaic+LRGB", ProjectState.ACTIVE, true, false);
            plan = db.plan(C8E_PROFILE, db.target(p, "Coma Cluster Core Mosaic Panel 1", 12.99, 27.98),
                    db.template(C8E_PROFILE, "G", "G", 45), -1, 400, 0, 0);
        }
        String before = sha256(apdmDb);
        sync("");
        // 20_Data: 55 + 135 + 27; the 27 of 2025-04-28 also stayed in 10_Blink (the old script counted 244)
        assertEquals(217, accepted(ts, plan));
        assertEquals(before, sha256(apdmDb), "apdm's database is only read");
    }

    @Test
    void anUnknownSchemaIsRefusedNamingWhatIsMissing() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        try (Connection c = TestDatabases.connect(ts); Statement st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE exposureplan DROP COLUMN accepted");
            st.executeUpdate("DROP TABLE exposuretemplate");
        }
        String before = sha256(ts);
        SchedulerDatabaseException.UnknownSchema e = assertThrows(SchedulerDatabaseException.UnknownSchema.class,
                () -> op("").prepare(request()));
        assertTrue(e.getMessage().contains("column exposureplan.accepted"), e.getMessage());
        assertTrue(e.getMessage().contains("table exposuretemplate"), e.getMessage());
        assertTrue(e.getMessage().contains(ts.toString()), e.getMessage());
        assertEquals(before, sha256(ts));

        // apdm's own database passed as the scheduler database
        SchedulerDatabaseException.UnknownSchema wrong = assertThrows(SchedulerDatabaseException.UnknownSchema.class,
                () -> op("").prepare(new SchedulerSyncOperation.Request(apdmDb, apdmDb, backups)));
        assertTrue(wrong.getMessage().contains("table project"), wrong.getMessage());

        // not a database at all
        Path text = tmp.resolve("notes.sqlite");
        Files.writeString(text, "these are my notes, not a database; ".repeat(200));
        String textBefore = sha256(text);
        SchedulerDatabaseException.UnknownSchema notDb = assertThrows(SchedulerDatabaseException.UnknownSchema.class,
                () -> op("").prepare(new SchedulerSyncOperation.Request(text, apdmDb, backups)));
        assertTrue(notDb.getMessage().contains("is not an SQLite database"), notDb.getMessage());
        assertEquals(textBefore, sha256(text));
    }

    @Test
    void aNewerSchemaWithMoreColumnsIsAccepted() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            plan = db.plan(C8E_PROFILE, db.target(p, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 0, 0);
        }
        try (Connection c = TestDatabases.connect(ts); Statement st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE target ADD COLUMN priority INTEGER DEFAULT -1"); // migration 24
            st.executeUpdate("PRAGMA user_version = 25");
        }
        sync("");
        assertEquals(30, accepted(ts, plan));
    }

    @Test
    void aLockedDatabaseIsRetriedThenRefusedLeavingTheFileUntouched() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            plan = db.plan(C8E_PROFILE, db.target(p, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 0, 0);
        }
        SchedulerSyncOperation o = op("");
        SchedulerSyncOperation.Prepared prepared = o.prepare(request());
        String before = sha256(ts);
        try (Connection nina = TestDatabases.connect(ts); Statement st = nina.createStatement()) {
            st.execute("BEGIN IMMEDIATE"); // N.I.N.A. in the middle of writing
            long t0 = System.nanoTime();
            SchedulerDatabaseException.Locked e = assertThrows(SchedulerDatabaseException.Locked.class,
                    () -> o.execute(prepared));
            assertTrue(e.getMessage().contains("N.I.N.A.") && e.getMessage().contains("Nothing was changed"), e.getMessage());
            assertTrue(e.getMessage().contains(ts.toString()), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "a zero busy timeout gives up quickly");
            st.execute("ROLLBACK");
        }
        assertEquals(before, sha256(ts));
        assertFalse(Files.exists(Path.of(ts + "-journal")));
        assertEquals(0, accepted(ts, plan));

        o.execute(o.prepare(request()));
        assertEquals(30, accepted(ts, plan), "once N.I.N.A. lets go, the sync goes through");
    }

    @Test
    void aLockHeldLongerThanTheFirstWaitIsWaitedForOnce() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            plan = db.plan(C8E_PROFILE, db.target(p, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 0, 0);
        }
        SchedulerSyncOperation o = op("");
        SchedulerSyncOperation.Prepared prepared = o.prepare(request());
        TargetSchedulerRepository repo = new TargetSchedulerRepository(ts, java.time.Duration.ofMillis(100),
                java.time.Duration.ofMillis(400));
        Connection nina = TestDatabases.connect(ts);
        Statement st = nina.createStatement();
        st.execute("BEGIN IMMEDIATE");
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(200);
                st.execute("ROLLBACK");
                nina.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        TargetSchedulerRepository.WriteResult w = repo.write(prepared.plan(),
                new SchedulerBackup(backups, 3, Clock.systemUTC()));
        release.join();
        assertEquals(1, w.written().size(), "the retry after the pause found the database free");
        assertEquals(30, accepted(ts, plan));
    }

    @Test
    void aReaderThatNeverLetsGoMakesTheCommitFailWithoutAHalfWrittenFile() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            db.plan(C8E_PROFILE, db.target(p, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 0, 0);
        }
        SchedulerSyncOperation o = op("");
        SchedulerSyncOperation.Prepared prepared = o.prepare(request());
        String before = sha256(ts);
        try (Connection nina = TestDatabases.connect(ts); Statement st = nina.createStatement()) {
            st.execute("BEGIN");
            st.executeQuery("SELECT count(*) FROM exposureplan").close(); // holds a shared lock
            assertThrows(SchedulerDatabaseException.Locked.class, () -> o.execute(prepared));
            st.execute("COMMIT");
        }
        assertEquals(before, sha256(ts));
    }

    @Test
    void theBackupEqualsTheFileBeforeTheWriteAndOldBackupsRotate() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            plan = db.plan(C8E_PROFILE, db.target(p, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 0, 0);
        }
        byte[] before = Files.readAllBytes(ts);
        SchedulerSyncOperation.Result r = sync("  backups: 2\n");
        Path backup = r.written().backup();
        assertNotNull(backup);
        assertTrue(backup.startsWith(backups), backup.toString());
        assertArrayEquals(before, Files.readAllBytes(backup));
        assertEquals(30, accepted(ts, plan));

        SchedulerSyncOperation.Result nothing = sync("  backups: 2\n");
        assertNull(nothing.written().backup(), "nothing to write: no backup and no write");

        byte[] lastPreWrite = null;
        for (int i = 0; i < 3; i++) {
            try (Connection c = TestDatabases.connect(ts); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE exposureplan SET accepted = " + i);
            }
            lastPreWrite = Files.readAllBytes(ts);
            sync("  backups: 2\n");
        }
        SchedulerBackup b = new SchedulerBackup(backups, 2, Clock.systemUTC());
        List<Path> kept = b.list(ts);
        assertEquals(2, kept.size(), kept.toString());
        try (var s = Files.list(backups)) {
            assertEquals(2, s.count(), "no temporary files remain");
        }
        assertArrayEquals(lastPreWrite, Files.readAllBytes(kept.get(1)), "the newest backup is the newest pre-write file");
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01")
                    .frames(C8E, "60_Done", "M 82", "", "L", 120, 30, "2024-03-01");
        }
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.INACTIVE, false, true);
            db.plan(C8E_PROFILE, db.target(p, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 0, 0);
        }
        String before = sha256(ts);
        long modified = Files.getLastModifiedTime(ts).toMillis();
        SyncPlan plan = op("  update_project_state: true\n").prepare(request()).plan();
        assertEquals(1, plan.changes().size());
        assertEquals(1, plan.states().size());
        assertEquals(before, sha256(ts));
        assertEquals(modified, Files.getLastModifiedTime(ts).toMillis());
        assertFalse(Files.exists(backups), "a dry run takes no backup");
        try (var s = Files.list(ts.getParent())) {
            assertEquals(1, s.count(), "no journal or other file beside the database");
        }
    }

    @Test
    void aRowChangedBetweenReadAndWriteIsReportedAndKeptAsThePluginWroteIt() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01")
                    .frames(C8E, "20_Data", "M 81", "", "R", 120, 20, "2025-03-01");
        }
        long l;
        long red;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            long t = db.target(p, "M 81", 1, 1);
            l = db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 0, 0);
            red = db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "R", "R", 120), -1, 100, 0, 0);
        }
        SchedulerSyncOperation o = op("");
        SchedulerSyncOperation.Prepared prepared = o.prepare(request());
        // N.I.N.A. grades a frame after apdm read the plans
        try (Connection c = TestDatabases.connect(ts); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE exposureplan SET accepted = 1, acquired = 1 WHERE Id = " + l);
        }
        SchedulerSyncOperation.Result r = o.execute(prepared);
        assertEquals(1, r.changedUnderUs());
        assertEquals(l, r.written().changedUnderUs().get(0).plan().id());
        assertEquals(1, accepted(ts, l), "the plugin's newer value is not overwritten");
        assertEquals(20, accepted(ts, red), "the other plans are written");
    }

    @Test
    void aDatabaseInWalModeIsBackedUpThroughSqlite() throws Exception {
        try (TestDatabases.Apdm a = apdm()) {
            a.frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01");
        }
        long plan;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            long p = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.ACTIVE, false, true);
            plan = db.plan(C8E_PROFILE, db.target(p, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 4, 3);
        }
        try (Connection c = TestDatabases.connect(ts); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
        }
        SchedulerSyncOperation.Result r = sync("");
        assertEquals(30, accepted(ts, plan));
        assertEquals(3, accepted(r.written().backup(), plan), "the backup holds the values before the write");
    }
}
