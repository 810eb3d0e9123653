package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apdm.core.demo.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database commands end to end, in-process: status, db, location, filter, report. */
class DatabaseCommandsTest {

    static final String C8E = "C8E@f10.0+ZWO ASI2600MM Pro";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path data;
    Path db;
    Path config;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        data = tmp.resolve("Data");
        db = tmp.resolve("db/astrophotography.sqlite");
        config = tmp.resolve("apdm.yaml");
        Files.writeString(config, "roots:\n  data: Data\nstate_dir: state\ndatabase: db/astrophotography.sqlite\n");
        cli = new CliHarness(tmp.resolve("home"));
        lights(C8E + "/20_Data/M 31, \"Andromeda\"/accept/DATE_2025-03-01/FILTER_H_EXP_300.00_SETTEMP_-10.00", 4);
        lights(C8E + "/10_Blink/M 81/DATE_2025-03-02/FILTER_L_EXP_300.00_SETTEMP_-10.00", 3);
    }

    void lights(String rel, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", "LIGHT");
            h.put("EXPOSURE", 300.0);
            h.put("GAIN", 100);
            h.put("SITELAT", 35.6);
            h.put("SITELONG", -78.8);
            SampleFiles.writeFits(data.resolve(rel).resolve("f" + i + ".fits"), h);
        }
    }

    /** The user's home site, where the generated frames were taken (SITELAT 35.6, SITELONG -78.8). */
    void addHomeSite() {
        CliHarness.Run add = apdm("location", "add", "RL", "--lat", "35.6", "--lon", "-78.8", "--magnitude", "19.53",
                "--bortle", "5");
        assertEquals(ExitCodes.OK, add.code(), add.toString());
    }

    CliHarness.Run apdm(String... args) {
        return cli.apdm(config, args);
    }

    @Test
    void aMissingDatabaseOrBackupIsAUsageErrorNotAnAbortedRun() {
        CliHarness.Run report = apdm("report");
        assertEquals(ExitCodes.USAGE, report.code(), report.toString());
        assertTrue(report.err().contains("there is no database at") && report.err().contains("apdm db init"),
                report.err());
        assertFalse(report.err().contains("run the command again"), report.err());
        CliHarness.Run restore = apdm("db", "restore", tmp.resolve("missing.sqlite").toString());
        assertEquals(ExitCodes.USAGE, restore.code(), restore.toString());
        assertTrue(restore.err().contains("there is no backup file"), restore.err());
        assertFalse(restore.err().contains("run the command again"), restore.err());
        assertFalse(Files.exists(db), "nothing was created");
    }

    @Test
    void aScriptThatAskedForJsonReadsTheErrorOnStdout() {
        CliHarness.Run rig = apdm("cull", "--rig", "NoSuchRig", "--json");
        assertEquals(ExitCodes.USAGE, rig.code(), rig.toString());
        String json = rig.out().replaceAll("\\s+", "");
        assertTrue(json.startsWith("{\"error\":\"thereisnorigfolder'NoSuchRig'") && json.endsWith("\"exitCode\":2}"),
                rig.toString());
        assertTrue(rig.err().contains("there is no rig folder 'NoSuchRig'"), "the person still reads it: " + rig);
        CliHarness.Run flag = apdm("status", "--json", "--no-such-flag");
        assertEquals(ExitCodes.USAGE, flag.code(), flag.toString());
        assertTrue(flag.out().replaceAll("\\s+", "").startsWith("{\"error\":") && flag.out().contains("--no-such-flag"),
                flag.toString());
        CliHarness.Run plain = apdm("cull", "--rig", "NoSuchRig");
        assertEquals("", plain.out(), "without --json nothing extra on stdout");
    }

    @Test
    void aMistypedRigIsAUsageErrorNamingTheRigsThatExistInEveryCommand() throws IOException {
        java.util.Map<String, String> before = RunTrees.snapshot(data);
        for (String[] cmd : new String[][] {
                {"cull", "--rig", "NoSuchRig", "--dry-run"},
                {"cull", "--rig", "NoSuchRig"},
                {"promote", "--rig", "NoSuchRig"},
                {"calibration", "distribute", "--rig", "NoSuchRig"},
                {"analyze", "--rig", "NoSuchRig"},
                {"run", "--rig", "NoSuchRig", "--dry-run"}}) {
            CliHarness.Run r = apdm(cmd);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", cmd) + ": " + r);
            assertTrue(r.err().contains("there is no rig folder 'NoSuchRig'") && r.err().contains(C8E),
                    String.join(" ", cmd) + ": " + r.err());
        }
        assertEquals(before, RunTrees.snapshot(data), "nothing changed");
    }

    @Test
    void statusShowsTargetsAndTheWorkQueue() throws IOException {
        CliHarness.Run r = apdm("status", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(7, j.get("frames").asInt());
        assertEquals(2, j.get("targets").size());
        assertEquals("M 81", j.get("next").get("waitingForBlink").get(0).get("target").asText());
        assertEquals(1, j.get("next").get("missingCalibration").size(), "M 31's night has no masters");
        assertTrue(j.get("next").get("readyForMaster").isNull(), "unknown without Target Scheduler plans");
        CliHarness.Run text = apdm("status");
        assertTrue(text.out().contains("Waiting for blink (1 night(s), 3 frames)"), text.out());
        assertTrue(text.out().contains("Ready for master: unknown"), text.out());
        assertFalse(Files.exists(db), "status reads the archive only");
        CliHarness.Run typo = apdm("status", "--rig", "C8E@f10+ZWO ASI2600MM");
        assertEquals(ExitCodes.USAGE, typo.code());
        assertTrue(typo.err().contains("there is no rig folder 'C8E@f10+ZWO ASI2600MM'") && typo.err().contains(C8E),
                typo.err());
        assertEquals(ExitCodes.OK, apdm("status", "--rig", "C8E@f10+ZWO ASI2600MM Pro").code(), "f10 is f10.0");
    }

    @Test
    void dbUpdateIsIdempotentAndReportWritesTheFiles() throws IOException {
        addHomeSite();
        CliHarness.Run dry = apdm("db", "update", "--dry-run");
        assertEquals(ExitCodes.OK, dry.code(), dry.toString());
        assertTrue(dry.out().contains("inserted         1"), dry.out());
        CliHarness.Run first = apdm("db", "update", "--create", "--json");
        assertEquals(1, JSON.readTree(first.out()).get("summary").get("inserted").asInt(), first.toString());
        CliHarness.Run second = apdm("db", "update", "--create", "--update", "--delete", "--json");
        JsonNode s = JSON.readTree(second.out()).get("summary");
        assertEquals(0, s.get("inserted").asInt() + s.get("updated").asInt() + s.get("moved").asInt()
                + s.get("deleted").asInt(), second.out());
        assertEquals(1, s.get("unchanged").asInt());

        CliHarness.Run rep = apdm("report", "--html", tmp.resolve("r.html").toString(), "--csv",
                tmp.resolve("r.csv").toString());
        assertEquals(ExitCodes.OK, rep.code(), rep.toString());
        Path target = data.resolve(C8E + "/20_Data/M 31, \"Andromeda\"");
        assertEquals("date,filter,number,duration,gain,sensorCooling,fNumber,darks,flats,bias,bortle\n"
                + "2025-03-01,2631,4,300,100,-10,10,,,,5\n", Files.readString(target.resolve("astrobin_csv.txt")));
        assertTrue(Files.readString(target.resolve("totals.txt")).contains("H                        0.3"));
        assertTrue(Files.readString(tmp.resolve("r.csv")).contains(",\"M 31, \"\"Andromeda\"\"\","));
        assertTrue(Files.readString(tmp.resolve("r.html")).contains("<svg"));
        assertTrue(rep.out().contains("All rigs: 1 rig(s), 1 target folder(s), 4 frames, 0.3 hours"), rep.out());
    }

    @Test
    void locationsAreAddedEditedFetchedAndRemoved() throws IOException {
        CliHarness.Run init = apdm("db", "init");
        assertEquals(ExitCodes.OK, init.code());
        assertTrue(init.out().contains("no sites yet: add where you image with `apdm location add"), init.out());
        CliHarness.Run empty = apdm("location", "list", "--json");
        assertEquals(0, JSON.readTree(empty.out()).get("sites").size(), "a new user is given no one else's sites");
        addHomeSite();
        assertTrue(apdm("location", "list").out().contains("RL "));
        assertEquals(ExitCodes.OK, apdm("location", "add", "Backyard", "--lat", "40.1", "--lon", "-105.2", "--bortle", "6")
                .code());
        CliHarness.Run dup = apdm("location", "add", "backyard", "--lat", "1", "--lon", "1");
        assertEquals(ExitCodes.USAGE, dup.code());
        assertTrue(dup.err().contains("already a site"), dup.err());
        assertEquals(ExitCodes.USAGE, apdm("location", "add", "X", "--lat", "95", "--lon", "1").code());

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/forecast/", ex -> {
            byte[] b = ("<span>Sky Quality: 20.10 Magnitude. Class 4 Bortle. 0.70 mcd/m2 Brightness. 510.2 μcd/m2 "
                    + "Artificial Brightness.</span>").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
        try {
            CliHarness.Run fetched = apdm("location", "fetch", "Backyard", "--provider-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/forecast/");
            assertEquals(ExitCodes.OK, fetched.code(), fetched.toString());
        } finally {
            server.stop(0);
        }
        JsonNode sites = JSON.readTree(apdm("location", "list", "--json").out()).get("sites");
        JsonNode backyard = null;
        for (JsonNode n : sites) {
            if (n.get("name").asText().equals("Backyard")) {
                backyard = n;
            }
        }
        assertEquals("20.10", backyard.get("magnitude").asText());
        assertEquals(4, backyard.get("bortle").asInt());

        assertEquals(ExitCodes.OK, apdm("db", "update").code());
        CliHarness.Run refused = apdm("location", "remove", "RL");
        assertEquals(ExitCodes.USAGE, refused.code(), "RL has a recorded folder");
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(ExitCodes.OK, apdm("location", "remove", "RL", "--force").code());
        assertFalse(apdm("location", "list").out().contains("RL "));
    }

    @Test
    void filtersAreEditedPerRigInPriorityOrder() throws IOException {
        String rig = "SQA55@f5.3+ATR585M";
        CliHarness.Run start = apdm("filter", "list", "--rig", rig);
        assertTrue(start.out().contains("(from the defaults)"), start.out());
        assertEquals(ExitCodes.OK, apdm("filter", "remove", "UVIR", "--rig", rig).code());
        assertEquals(ExitCodes.OK, apdm("filter", "add", "Quad", "--rig", rig, "--at", "1", "--astrobin-id", "4321").code());
        assertEquals(ExitCodes.OK, apdm("filter", "order", "--rig", rig,
                "H,O,S,Quad,L,R,G,B,LenHa,LeXtr,ALPT").code());
        assertEquals(ExitCodes.OK, apdm("filter", "edit", "ALPT", "--rig", rig, "--name", "ALP-T").code());
        assertEquals(ExitCodes.OK, apdm("filter", "edit", "LenHa", "--astrobin-id", "5501").code());
        JsonNode j = JSON.readTree(apdm("filter", "list", "--rig", rig, "--json").out());
        assertEquals("database", j.get("source").asText());
        StringBuilder names = new StringBuilder();
        for (JsonNode f : j.get("filters")) {
            names.append(names.length() == 0 ? "" : ",").append(f.get("name").asText());
        }
        assertEquals("H,O,S,Quad,L,R,G,B,LenHa,LeXtr,ALP-T", names.toString());
        assertEquals(4321, j.get("filters").get(3).get("astrobinId").asInt());
        assertEquals(5501, j.get("filters").get(8).get("astrobinId").asInt());
        CliHarness.Run bad = apdm("filter", "order", "--rig", rig, "H,O");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("list each of the rig's filters once"), bad.err());
    }

    @Test
    void dryRunsOfSiteAndFilterEditsSayWhatWouldChangeAndWriteNothing() throws IOException {
        assertEquals(ExitCodes.OK, apdm("db", "init").code());
        addHomeSite();
        String sitesBefore = apdm("location", "list", "--json").out();
        CliHarness.Run add = apdm("location", "add", "Backyard", "--lat", "40.1", "--lon", "-105.2", "--dry-run", "--json");
        assertEquals(ExitCodes.OK, add.code(), add.toString());
        JsonNode a = JSON.readTree(add.out());
        assertTrue(a.get("dryRun").asBoolean());
        assertEquals("Backyard", a.get("site").get("name").asText());
        CliHarness.Run remove = apdm("location", "remove", "RL", "--dry-run");
        assertTrue(remove.out().startsWith("Dry run, nothing changed. Would have: Removed the site RL"), remove.out());
        assertEquals(sitesBefore, apdm("location", "list", "--json").out(), "no site added or removed");

        String rig = "SQA55@f5.3+ATR585M";
        CliHarness.Run order = apdm("filter", "remove", "UVIR", "--rig", rig, "--dry-run", "--json");
        assertEquals(ExitCodes.OK, order.code(), order.toString());
        JsonNode f = JSON.readTree(order.out());
        assertTrue(f.get("dryRun").asBoolean());
        assertFalse(f.get("filters").toString().contains("UVIR"), "the list as it would be");
        assertTrue(apdm("filter", "list", "--rig", rig).out().contains("UVIR"), "still in the rig's list");
    }

    @Test
    void dryRunsOfInitAndBackupCreateNothing() throws IOException {
        Path db = tmp.resolve("fresh.sqlite");
        CliHarness.Run init = apdm("db", "init", "--database", db.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, init.code(), init.toString());
        assertTrue(init.out().contains("Would create " + db), init.out());
        assertFalse(Files.exists(db), "a dry run creates no database");
        assertEquals(ExitCodes.OK, apdm("db", "init", "--database", db.toString()).code());
        JsonNode again = JSON.readTree(apdm("db", "init", "--database", db.toString(), "--dry-run", "--json").out());
        assertEquals(0, again.get("pendingSchemaVersions").size());
        assertEquals(0, again.get("filtersChanged").asInt(), "an initialised database lacks nothing");

        Path to = tmp.resolve("bk");
        CliHarness.Run b = apdm("db", "backup", "--database", db.toString(), "--to", to.toString(), "--dry-run", "--json");
        assertEquals(ExitCodes.OK, b.code(), b.toString());
        assertTrue(JSON.readTree(b.out()).get("dryRun").asBoolean());
        assertFalse(Files.exists(to), "no backup written");
    }

    @Test
    void backupAndRestoreKeepTheCurrentDatabase() throws IOException {
        assertEquals(ExitCodes.OK, apdm("db", "update").code());
        CliHarness.Run b = apdm("db", "backup", "--to", tmp.resolve("bk").toString(), "--json");
        assertEquals(ExitCodes.OK, b.code(), b.toString());
        Path copy = Path.of(JSON.readTree(b.out()).get("backup").asText());
        assertTrue(Files.exists(copy));
        lights(C8E + "/20_Data/M 33/accept/DATE_2025-03-03/FILTER_O_EXP_300.00_SETTEMP_-10.00", 2);
        assertEquals(ExitCodes.OK, apdm("db", "update").code());
        CliHarness.Run r = apdm("db", "restore", copy.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("The database as it was is kept as"), r.out());
        try (Stream<Path> s = Files.list(db.getParent().resolve("backups"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().contains("before-restore")));
        }
        CliHarness.Run after = apdm("db", "update", "--dry-run", "--json");
        assertEquals(1, JSON.readTree(after.out()).get("summary").get("inserted").asInt(), "M 33 is not in the backup");
        CliHarness.Run notDb = apdm("db", "restore", config.toString());
        assertEquals(ExitCodes.ABORTED, notDb.code());
        assertTrue(notDb.err().contains("not a SQLite database") || notDb.err().contains("not an astrophotography"),
                notDb.err());
    }

    @Test
    void importProfilesReportsMalformedNames() throws IOException {
        Path dir = tmp.resolve("Profiles");
        Files.createDirectories(dir);
        String xml = """
                <Profile xmlns="http://schemas.datacontract.org/2004/07/NINA.Profile">
                  <FilterWheelSettings><FilterWheelFilters xmlns:a="http://schemas.datacontract.org/2004/07/NINA.Core.Model.Equipment">
                    <a:FilterInfo><a:_name>Ha</a:_name><a:_position>0</a:_position></a:FilterInfo>
                  </FilterWheelFilters></FilterWheelSettings>
                  <Id>%s</Id><Name>%s</Name>
                </Profile>""";
        Files.writeString(dir.resolve("a.profile"), xml.formatted("id-a", C8E));
        Files.writeString(dir.resolve("b.profile"), xml.formatted("id-b", "My new scope"));
        CliHarness.Run r = apdm("db", "import-profiles", "--dir", dir.toString());
        assertEquals(ExitCodes.LEFT_BEHIND, r.code(), r.toString());
        assertTrue(r.out().contains("imported  " + C8E), r.out());
        assertTrue(r.out().contains("skipped   My new scope (b.profile): the name 'My new scope' is not"), r.out());
    }

    @Test
    void demoRecordsAndReportsTheAcceptedFrames() throws IOException {
        Path dir = tmp.resolve("demo");
        CliHarness.Run r = cli.apdm("demo", "--dir", dir.toString());
        assertEquals(ExitCodes.OK, r.code(), "the demo ran every step: " + r);
        assertTrue(r.out().matches("(?s).*Step \\d+: db import-profiles.*Step \\d+: db update.*Step \\d+: status.*"), r.out());
        assertTrue(r.out().matches("(?s).*20_Data\\s+M 81\\s+38\\s+1\\.3\\s+2\\s+40%.*"),
                "completion comes from the sample Target Scheduler plans: " + r.out());
        assertTrue(Files.exists(dir.resolve("Data/astrophotography.sqlite")));
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertTrue(Files.exists(dir.resolve("Data/SQA55@f5.3+ATR585M/10_Blink/Heart Nebula/astrobin_csv.txt")));
    }
}
