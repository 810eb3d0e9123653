package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apdm.core.testing.BlinkTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CullCommandTest {

    @TempDir
    Path tmp;
    Path data;
    Path reject;
    Path config;
    BlinkTree tree;

    @BeforeEach
    void setUp() throws IOException {
        data = Files.createDirectories(tmp.resolve("Data"));
        reject = tmp.resolve("Reject");
        config = tmp.resolve("apdm.yaml");
        Files.writeString(config, "roots:\n  data: Data\n  reject: Reject\nstate_dir: state\n");
        tree = new BlinkTree(data);
        // L: 1 of 10 rejected (10 %, automatic); R: 3 of 5 (60 %, asked)
        for (int i = 0; i < 10; i++) {
            tree.light(BlinkTree.C8E, "M 31", "2025-01-01", "L", i * 5, i == 4 ? 6.0 : 3.0, 900, 0.8);
        }
        for (int i = 0; i < 5; i++) {
            tree.light(BlinkTree.C8E, "M 31", "2025-01-01", "R", 60 + i * 5, 3.0, 900, i < 3 ? 2.5 : 0.9);
        }
    }

    static long fits(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".fits")).count();
        }
    }

    @Test
    void aRejectFolderInsideDataIsRefusedBeforeAnythingMoves() throws IOException {
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("cull", "--config", config.toString(),
                "--reject-dir", data.resolve("Reject").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("must not contain one another"), r.err());
        assertEquals(15, fits(data), "every light stays");
    }

    @Test
    void withoutATerminalOnlyTheAutomaticGroupIsApplied() throws IOException {
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("cull", "--config", config.toString(), "--pass", "pass1");
        assertEquals(ExitCodes.LEFT_BEHIND, r.code(), r.toString());
        assertEquals(1, fits(reject));
        assertTrue(r.out().contains("1 group(s) need your decision"), r.out());
        assertTrue(Files.exists(reject.resolve(BlinkTree.C8E + "/10_Blink/M 31/DATE_2025-01-01/FILTER_L_EXP_300.00_SETTEMP_-10.00")));
    }

    @Test
    void aPersonAtTheTerminalIsAskedWithTheStatisticsAndAChart() throws IOException {
        CliHarness.Run r = new CliHarness(tmp.resolve("home"), "y\n", true)
                .apdm("cull", "--config", config.toString(), "--pass", "pass1");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.err().contains("OK to reject 3 of 5 (60.0 %)? [y/N]"), r.err());
        assertTrue(r.err().contains("rmsac   min 0.9  median 2.5  max 2.5"), r.err());
        assertEquals(4, fits(reject));
        assertTrue(r.out().contains("chart: "), r.out());
        Path chart = Path.of(r.out().lines().filter(l -> l.contains("chart: ")).findFirst().orElseThrow()
                .substring(r.out().lines().filter(l -> l.contains("chart: ")).findFirst().orElseThrow().indexOf("chart: ") + 7));
        assertTrue(Files.size(chart) > 1000 && chart.toString().endsWith(".png"), chart.toString());
    }

    @Test
    void answeringNoKeepsTheGroup() throws IOException {
        CliHarness.Run r = new CliHarness(tmp.resolve("home"), "n\n", true)
                .apdm("cull", "--config", config.toString(), "--pass", "pass1");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(1, fits(reject));
    }

    @Test
    void yesAppliesEverythingAndNoOnlyTheAutomaticGroups() throws IOException {
        CliHarness.Run no = new CliHarness(tmp.resolve("home")).apdm("cull", "--config", config.toString(), "--no", "--pass", "pass1");
        assertEquals(ExitCodes.OK, no.code(), no.toString());
        assertEquals(1, fits(reject));
        CliHarness.Run yes = new CliHarness(tmp.resolve("home")).apdm("cull", "--config", config.toString(), "--yes");
        assertEquals(ExitCodes.OK, yes.code(), yes.toString());
        assertEquals(4, fits(reject));
        CliHarness.Run both = new CliHarness(tmp.resolve("home")).apdm("cull", "--yes", "--no");
        assertEquals(ExitCodes.USAGE, both.code());
    }

    @Test
    void commandLineLimitsReplaceTheConfiguredPasses() throws IOException {
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("cull", "--config", config.toString(),
                "--max-hfr", "2.5", "--auto-accept-percent", "100", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(15, fits(reject), "every frame has HFR 3 or more");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("command-line", json.get("groups").get(0).get("pass").asText());
    }

    @Test
    void dryRunMovesNothingAndJsonAndCsvDescribeEveryGroup() throws IOException {
        Path csv = tmp.resolve("out/cull.csv");
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("cull", "--config", config.toString(), "--dry-run",
                "--json", "--csv", csv.toString());
        assertEquals(0, fits(reject));
        assertEquals(15, fits(data));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("dryRun").asBoolean());
        assertEquals(1, json.get("needDecision").asInt());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("rig,pass,group,frames,rejected,percent,decision,reasons", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",declined,")), lines.toString());
    }

    @Test
    void restoreAndPurgeWorkAndTrailingSeparatorsChangeNothing() throws IOException {
        CliHarness cli = new CliHarness(tmp.resolve("home"));
        String rejectWithSlash = reject + "/";
        String dataWithSlash = data + "/";
        CliHarness.Run cull = cli.apdm("cull", "--config", config.toString(), "--yes", "--data", dataWithSlash,
                "--reject-dir", rejectWithSlash);
        assertEquals(ExitCodes.OK, cull.code(), cull.toString());
        assertEquals(4, fits(reject.resolve(BlinkTree.C8E).resolve("10_Blink")), "rig and stage kept below the reject root");
        CliHarness.Run purgeDry = cli.apdm("cull", "purge", "--config", config.toString(), "--older-than", "0", "--dry-run");
        assertEquals(ExitCodes.OK, purgeDry.code(), purgeDry.toString());
        assertEquals(4, fits(reject), "a purge dry run deletes nothing");
        CliHarness.Run restore = cli.apdm("cull", "restore", "--config", config.toString(), "--reject-dir", rejectWithSlash);
        assertEquals(ExitCodes.OK, restore.code(), restore.toString());
        assertEquals(15, fits(data));
        assertEquals(0, fits(reject));
        assertFalse(restore.out().contains("conflict 1"), restore.out());
    }

    @Test
    void csvQuotesNamesWithCommasAndQuotes() {
        assertEquals("\"M 31, \"\"Andromeda\"\"\"", CullCommand.csv("M 31, \"Andromeda\""));
        assertEquals("plain", CullCommand.csv("plain"));
    }
}
