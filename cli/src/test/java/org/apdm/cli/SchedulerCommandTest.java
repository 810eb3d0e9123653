package org.apdm.cli;

import static org.apdm.nina.testing.TestDatabases.C8E;
import static org.apdm.nina.testing.TestDatabases.C8E_PROFILE;
import static org.apdm.nina.testing.TestDatabases.accepted;
import static org.apdm.nina.testing.TestDatabases.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apdm.nina.ProjectState;
import org.apdm.nina.SampleSchedulerDatabase;
import org.apdm.nina.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerCommandTest {

    @TempDir
    Path tmp;
    Path ts;
    Path apdm;
    Path config;
    long plan;
    long project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        ts = TestDatabases.schedulerCopy(tmp.resolve("nina"));
        apdm = tmp.resolve("astrophotography.sqlite");
        try (TestDatabases.Apdm a = new TestDatabases.Apdm(apdm)) {
            a.profile(C8E_PROFILE, C8E)
                    .frames(C8E, "20_Data", "M 81", "", "L", 120, 30, "2025-03-01")
                    .frames(C8E, "20_Data", "M 81", "", "L", 120, 12, "2025-03-02");
        }
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(ts)) {
            project = db.project(C8E_PROFILE, "M 81+LRGB", ProjectState.INACTIVE, false, true);
            long t = db.target(project, "M 81", 9.9, 69);
            plan = db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "L", "L", 120), -1, 100, 5, 3);
            db.plan(C8E_PROFILE, t, db.template(C8E_PROFILE, "B", "B", 120), -1, 44, 0, 0);
        }
        config = tmp.resolve("apdm.yaml");
        Files.writeString(config, "state_dir: state\ndatabase: astrophotography.sqlite\nscheduler:\n"
                + "  database: nina/schedulerdb.sqlite\n  busy_timeout_seconds: 0\n  update_project_state: true\n",
                StandardCharsets.UTF_8);
        cli = new CliHarness(tmp.resolve("home"));
    }

    @Test
    void dryRunPrintsEveryChangeAndLeavesTheFileAsItWas() throws Exception {
        String before = sha256(ts);
        CliHarness.Run r = cli.apdm("scheduler", "sync", "--config", config.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("dry run: nothing changed"), r.out());
        assertTrue(r.out().matches("(?s).*M 81\\+LRGB / M 81 / L 120 s\\s+accepted 3 → 42, acquired 5 → 42.*"), r.out());
        assertTrue(r.out().contains("M 81+LRGB: Inactive (2) → Active (1)  (data in 20_Data)"), r.out());
        assertTrue(r.out().contains("1 plan(s) without accepted frames left alone"), r.out());
        assertEquals(before, sha256(ts));
        assertTrue(Files.notExists(tmp.resolve("state/scheduler-backups")));
    }

    @Test
    void syncWritesBacksUpAndReportsInJson() throws Exception {
        byte[] before = Files.readAllBytes(ts);
        CliHarness.Run r = cli.apdm("scheduler", "sync", "--config", config.toString(), "--json");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("scheduler sync", j.get("command").asText());
        assertEquals(1, j.at("/summary/change").asInt());
        assertEquals(1, j.at("/summary/no_data").asInt());
        JsonNode l = j.get("plans").get(0).get("template").asText().equals("L") ? j.get("plans").get(0) : j.get("plans").get(1);
        assertEquals(3, l.at("/accepted/old").asInt());
        assertEquals(42, l.at("/accepted/new").asInt());
        assertTrue(l.get("written").asBoolean());
        assertEquals(42, accepted(ts, plan));
        Path backup = Path.of(j.get("backup").asText());
        assertArrayEquals(before, Files.readAllBytes(backup));
        assertEquals(ProjectState.ACTIVE.code(), TestDatabases.state(ts, project));

        CliHarness.Run again = cli.apdm("scheduler", "sync", "--config", config.toString());
        assertEquals(ExitCodes.OK, again.code(), again.toString());
        assertTrue(again.out().contains("Nothing to write"), again.out());
    }

    @Test
    void reportAndStatusReadTheDesiredFramesOfTheSchedulerDatabaseGivenWithDb() throws Exception {
        Path noScheduler = tmp.resolve("no-scheduler.yaml");
        Files.writeString(noScheduler, "state_dir: state\ndatabase: astrophotography.sqlite\nroots:\n  data: Data\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(tmp.resolve("Data"));
        CliHarness.Run without = cli.apdm("report", "--config", noScheduler.toString(), "--dry-run", "--json");
        CliHarness.Run with = cli.apdm("report", "--config", noScheduler.toString(), "--dry-run", "--json",
                "--db", ts.toString());
        assertEquals(ExitCodes.OK, with.code(), with.toString());
        ObjectMapper json = new ObjectMapper();
        assertTrue(json.readTree(without.out()).at("/targets/0/completion").isNull(), without.out());
        assertTrue(json.readTree(with.out()).at("/targets/0/completion").isNumber(),
                "the plans of --db give the target's completion: " + with.out());
        CliHarness.Run stWithout = cli.apdm("status", "--config", noScheduler.toString(), "--json");
        CliHarness.Run st = cli.apdm("status", "--config", noScheduler.toString(), "--json", "--db", ts.toString());
        assertEquals(ExitCodes.OK, st.code(), st.toString());
        assertTrue(json.readTree(stWithout.out()).at("/next/readyForMaster").isNull(), stWithout.out());
        assertTrue(json.readTree(st.out()).at("/next/readyForMaster").isArray(), st.out());
    }

    @Test
    void flagsOverrideTheConfiguredFiles() throws Exception {
        Path other = TestDatabases.schedulerCopy(tmp.resolve("other"));
        long p;
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.open(other)) {
            long id = db.project(C8E_PROFILE, "M 81+L", ProjectState.ACTIVE, false, true);
            p = db.plan(C8E_PROFILE, db.target(id, "M 81", 1, 1), db.template(C8E_PROFILE, "L", "L", 120), -1, 10, 0, 0);
        }
        Path emptyConfig = tmp.resolve("empty.yaml");
        Files.writeString(emptyConfig, "state_dir: state\n", StandardCharsets.UTF_8);
        CliHarness.Run r = cli.apdm("scheduler", "sync", "--config", emptyConfig.toString(), "--db", other.toString(),
                "--database", apdm.toString(), "--backup-dir", tmp.resolve("bk").toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(42, accepted(other, p));
        try (Stream<Path> s = Files.list(tmp.resolve("bk"))) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void withoutADatabaseSettingTheUserIsToldWhatToPass() throws Exception {
        Path emptyConfig = tmp.resolve("empty.yaml");
        Files.writeString(emptyConfig, "state_dir: state\n", StandardCharsets.UTF_8);
        CliHarness.Run r = cli.apdm("scheduler", "sync", "--config", emptyConfig.toString());
        if (!System.getProperty("os.name").toLowerCase().contains("win")) {
            assertEquals(ExitCodes.USAGE, r.code(), r.toString());
            assertTrue(r.err().contains("pass --db FILE or set scheduler.database"), r.err());
        }
        CliHarness.Run missing = cli.apdm("scheduler", "sync", "--config", config.toString(), "--db",
                tmp.resolve("nope.sqlite").toString());
        assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
        assertTrue(missing.err().contains("nope.sqlite does not exist"), missing.err());
        assertTrue(Files.notExists(tmp.resolve("nope.sqlite")), "opening never creates a database");
    }

    @Test
    void anUnknownSchemaIsAUsageErrorNamingTheMissingParts() throws Exception {
        try (Connection c = TestDatabases.connect(ts); Statement st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE project DROP COLUMN isMosaic");
        }
        String before = sha256(ts);
        CliHarness.Run r = cli.apdm("scheduler", "sync", "--config", config.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("missing column project.isMosaic"), r.err());
        assertEquals(before, sha256(ts));
    }

    @Test
    void aLockedDatabaseAbortsWithAClearMessage() throws Exception {
        String before = sha256(ts);
        try (Connection nina = TestDatabases.connect(ts); Statement st = nina.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            CliHarness.Run r = cli.apdm("scheduler", "sync", "--config", config.toString());
            assertEquals(ExitCodes.ABORTED, r.code(), r.toString());
            assertTrue(r.err().contains("in use by another program (N.I.N.A."), r.err());
            CliHarness.Run b = cli.apdm("scheduler", "backup", "--config", config.toString());
            assertEquals(ExitCodes.ABORTED, b.code(), b.toString());
            st.execute("ROLLBACK");
        }
        assertEquals(before, sha256(ts));
    }

    @Test
    void backupAloneCopiesTheFileAndKeepsTheConfiguredNumber() throws Exception {
        Files.writeString(config, Files.readString(config) + "  backups: 2\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(ts);
        CliHarness.Run dry = cli.apdm("scheduler", "backup", "--config", config.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, dry.code(), dry.toString());
        assertTrue(dry.out().startsWith("Dry run, nothing changed. Would copy " + ts), dry.out());
        assertFalse(Files.exists(tmp.resolve("state/scheduler-backups")), "a dry run copies nothing");
        for (int i = 0; i < 3; i++) {
            CliHarness.Run r = cli.apdm("scheduler", "backup", "--config", config.toString());
            assertEquals(ExitCodes.OK, r.code(), r.toString());
            assertTrue(r.out().contains("Backed up"), r.out());
        }
        List<Path> kept;
        try (Stream<Path> s = Files.list(tmp.resolve("state/scheduler-backups"))) {
            kept = s.toList();
        }
        assertEquals(2, kept.size(), kept.toString());
        for (Path k : kept) {
            assertArrayEquals(before, Files.readAllBytes(k));
        }
        assertArrayEquals(before, Files.readAllBytes(ts), "a backup changes nothing");
    }

    @Test
    void statusShowsThePluginsCountsNextToApdmsAndChangesNothing() throws Exception {
        try (Connection c = TestDatabases.connect(ts); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE exposureplan SET desired = 42 WHERE Id = " + plan);
        }
        String before = sha256(ts);
        CliHarness.Run r = cli.apdm("scheduler", "status", "--config", config.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("M 81+LRGB  Inactive (2)  C8E@f10.0+ZWO ASI2600MM Pro  grader on  data says Active (1)"),
                r.out());
        assertTrue(r.out().matches("(?s).*\\n    L\\s+120 s\\s+42\\s+5\\s+3\\s+42\\s+→ accepted 42, acquired 42.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n    B\\s+120 s\\s+44\\s+0\\s+0\\s+0\\s+no accepted frames.*"), r.out());
        assertTrue(r.out().contains("data in 20_Data"), r.out());
        assertEquals(before, sha256(ts));

        CliHarness.Run json = cli.apdm("scheduler", "status", "--config", config.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(json.out());
        Map<String, JsonNode> plans = new HashMap<>();
        j.at("/projects/0/targets/0/plans").forEach(n -> plans.put(n.get("template").asText(), n));
        assertEquals(42, plans.get("L").get("apdmCount").asInt());
        assertEquals("change", plans.get("L").get("status").asText());
        assertEquals("no_data", plans.get("B").get("status").asText());
        assertEquals(List.of("20_Data"), List.of(j.at("/projects/0/targets/0/stages/0").asText()));
        assertEquals(0, j.get("readyForMaster").size(), "B has nothing yet");
    }

    @Test
    void theMorningRunSyncsTheSchedulerAfterTheRigsAndTheDryRunSaysSo() throws Exception {
        Files.createDirectories(tmp.resolve("Data"));
        Files.writeString(config, Files.readString(config) + "roots:\n  data: Data\n", StandardCharsets.UTF_8);
        String before = sha256(ts);

        CliHarness.Run dry = cli.apdm("run", "--config", config.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, dry.code(), dry.toString());
        assertTrue(dry.out().matches("(?s).*scheduler-sync\\s+2 file\\(s\\).*"), "the plan and the project state: " + dry.out());
        assertTrue(dry.out().contains("reports"), dry.out());
        assertEquals(before, sha256(ts), "a dry run writes nothing");

        CliHarness.Run run = cli.apdm("run", "--config", config.toString());
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertEquals(42, accepted(ts, plan), "the accepted count is in the Target Scheduler");
        assertEquals(ProjectState.ACTIVE.code(), TestDatabases.state(ts, project));
        CliHarness.Run again = cli.apdm("run", "--config", config.toString(), "--dry-run", "--json");
        assertTrue(again.out().contains("\"nothingToDo\" : true"), again.out());
    }

    @Test
    void withoutASchedulerDatabaseTheRunSkipsTheSyncAndSaysWhy() throws Exception {
        Files.createDirectories(tmp.resolve("Data"));
        Files.writeString(config, "state_dir: state\ndatabase: astrophotography.sqlite\nroots:\n  data: Data\n",
                StandardCharsets.UTF_8);
        CliHarness.Run dry = cli.apdm("run", "--config", config.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, dry.code(), dry.toString());
        assertTrue(dry.out().contains("no Target Scheduler database configured (scheduler.database); skipped"), dry.out());
    }
}
