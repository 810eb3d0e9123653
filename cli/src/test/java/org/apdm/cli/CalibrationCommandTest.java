package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apdm.core.calibration.CalibrationTree;
import org.apdm.core.demo.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apdm calibration archive|distribute|clean and apdm promote, in-process: flags, tables, JSON, prompts, exit codes. */
class CalibrationCommandTest {

    @TempDir
    Path tmp;
    CalibrationTree tree;
    String config;
    Path masters;

    @BeforeEach
    void setUp() throws Exception {
        tree = new CalibrationTree(tmp);
        tree.config("");
        config = tree.configFile().toString();
        masters = tmp.resolve("PixInsight/_calibration/master");
    }

    CliHarness.Run apdm(String... args) {
        return new CliHarness(tmp.resolve("home")).apdm(args);
    }

    static long files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".apdm.lock")).count();
        }
    }

    @Test
    void archiveDryRunChangesNothingThenArchiveCopies() throws Exception {
        Map<String, Object> h = CalibrationTree.master("Master Dark", CalibrationTree.C8E_CAMERA, 100, null);
        h.put("EXPTIME", 300.0);
        SampleFiles.writeXisf(masters.resolve("masterDark_BIN-1_EXPOSURE-300.00s.xisf"), h);

        CliHarness.Run dry = apdm("calibration", "archive", "--config", config, "--dry-run", "--json");
        assertEquals(ExitCodes.OK, dry.code(), dry.toString());
        JsonNode json = new ObjectMapper().readTree(dry.out());
        assertEquals("would-copy", json.get("masters").get(0).get("outcome").asText());
        assertTrue(json.get("masters").get(0).get("destination").asText()
                .endsWith("masterDark_EXPOSURE_300.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf"), dry.out());
        assertEquals(0, files(tree.library));

        CliHarness.Run run = apdm("calibration", "archive", "--config", config);
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().contains("copied 1, already in the library 0, conflicts 0"), run.out());
        assertEquals(1, files(tree.library.resolve("_Dark Library")));
        CliHarness.Run again = apdm("calibration", "archive", "--config", config, "--from", masters.toString());
        assertTrue(again.out().contains("already there"), again.out());
    }

    @Test
    void aLibraryInsideTheMasterFolderIsRefusedBeforeAnythingIsRead() throws Exception {
        Files.createDirectories(masters);
        CliHarness.Run r = apdm("calibration", "archive", "--config", config, "--library", masters.resolve("lib").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("must not lie inside the master folder"), r.err());
        assertFalse(Files.exists(masters.resolve("lib")), "nothing was created");
    }

    @Test
    void distributePrintsWhatWasCopiedAndWhatIsMissingAndExitsOne() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 2);
        tree.lights("M 31", "2025-03-01", "R", 2);
        tree.dark(300);
        tree.flat("2025-03-01", "L");

        CliHarness.Run r = apdm("calibration", "distribute", "--config", config, "--all");

        assertEquals(ExitCodes.LEFT_BEHIND, r.code(), r.toString());
        assertTrue(r.out().contains(CalibrationTree.C8E), r.out());
        assertTrue(r.out().matches("(?s).*M 31\\s+accept/2025-03-01\\s+L\\s+300.00\\s+2\\s+copied\\s+copied\\s+-.*"), r.out());
        assertTrue(r.out().matches("(?s).*M 31\\s+accept/2025-03-01\\s+R\\s+300.00\\s+2\\s+copied\\s+MISSING\\s+-.*"), r.out());
        assertTrue(r.out().contains("flat MISSING — no master flat with DATE 2025-03-01"), r.out());
        try (Stream<Path> s = Files.list(tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-01"))) {
            assertEquals(2, s.filter(p -> p.getFileName().toString().startsWith("master")).count(), "the dark and the L flat");
        }

        CliHarness.Run json = apdm("calibration", "distribute", "--config", config, "--dry-run", "--json");
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(ExitCodes.LEFT_BEHIND, json.code());
        assertEquals("present", j.get("rows").get(0).get("dark").get("status").asText(), json.out());
        assertEquals("missing", j.get("rows").get(1).get("flat").get("status").asText(), json.out());
    }

    @Test
    void withTheAskPolicyAPersonAtTheTerminalChoosesTheFlat() throws Exception {
        tree.lights("M 31", "2025-03-03", "L", 1);
        tree.dark(300);
        tree.flat("2025-03-01", "L");

        CliHarness.Run dry = apdm("calibration", "distribute", "--config", config, "--flat-fallback", "ask", "--dry-run");
        assertEquals(ExitCodes.LEFT_BEHIND, dry.code(), dry.toString());
        assertTrue(dry.out().contains("CHOOSE"), dry.out());

        CliHarness.Run r = new CliHarness(tmp.resolve("home"), "1\n", true)
                .apdm("calibration", "distribute", "--config", config, "--flat-fallback", "ask");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.err().contains("1) 2025-03-01  (2 days earlier)"), r.err());
        assertTrue(Files.exists(tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-03")
                .resolve("masterFlat_DATE_2025-03-01_FILTER_L_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf")));
        assertEquals(ExitCodes.USAGE, apdm("calibration", "distribute", "--config", config, "--flat-fallback", "sometimes").code());
    }

    /** Raw darks where ingest puts them. */
    Path rawDarks(int n) throws IOException {
        Path folder = tmp.resolve("RAW/DARK/C8E+ZWO ASI2600MM Pro/DATE_2025-03-02/EXP_300.00_SETTEMP_-10.00");
        for (int i = 0; i < n; i++) {
            Map<String, Object> h = new LinkedHashMap<>(CalibrationTree.master("DARK", CalibrationTree.C8E_CAMERA, 100, null));
            h.put("EXPOSURE", 300.0);
            h.put("NOTE", "dark " + i);
            SampleFiles.writeFits(folder.resolve("dark_" + i + ".fits"), h);
        }
        return folder;
    }

    @Test
    void cleanShowsWhatItWouldDeleteAndDeletesOnlyWhenConfirmed() throws Exception {
        Path darks = rawDarks(3);
        tree.dark(300);

        CliHarness.Run unattended = apdm("calibration", "clean", "--config", config);
        assertEquals(ExitCodes.USAGE, unattended.code(), unattended.toString());
        assertTrue(unattended.out().contains("3  delete in RAW/DARK/C8E+ZWO ASI2600MM Pro/DATE_2025-03-02/EXP_300.00_SETTEMP_-10.00"),
                unattended.out());
        assertTrue(unattended.err().contains("--yes"), unattended.err());
        assertEquals(3, files(darks));

        CliHarness.Run no = new CliHarness(tmp.resolve("home"), "n\n", true).apdm("calibration", "clean", "--config", config);
        assertEquals(ExitCodes.OK, no.code(), no.toString());
        assertEquals(3, files(darks));

        CliHarness.Run yes = apdm("calibration", "clean", "--config", config, "--yes", "--json");
        assertEquals(ExitCodes.OK, yes.code(), yes.toString());
        assertEquals(3, new ObjectMapper().readTree(yes.out()).get("summary").get("raw_covered").asInt());
        assertEquals(0, files(tmp.resolve("RAW")));
    }

    @Test
    void cleanNeedsNoDataRootWhenTheFoldersAreGiven() throws Exception {
        Path darks = rawDarks(2);
        tree.dark(300);
        Path bare = tmp.resolve("bare.yaml");
        Files.writeString(bare, "state_dir: state\n");

        CliHarness.Run r = apdm("calibration", "clean", "--config", bare.toString(), "--raw", tmp.resolve("RAW").toString(),
                "--library", tree.library.toString(), "--pixinsight-temp", tmp.resolve("PixInsight").toString(), "--yes");

        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(0, files(darks));
    }

    @Test
    void promoteListsNightsThatStayWithTheirReason() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 1);
        Path night = tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-01");
        Files.write(night.resolve("masterDark.xisf"), Files.readAllBytes(tree.dark(300)));

        CliHarness.Run dry = apdm("promote", "--config", config, "--dry-run");
        assertEquals(ExitCodes.LEFT_BEHIND, dry.code(), dry.toString());
        assertTrue(dry.out().contains("stays      " + CalibrationTree.C8E + " / M 31/accept/DATE_2025-03-01"), dry.out());
        assertTrue(dry.out().contains("FILTER_L_EXP_300.00_SETTEMP_-10.00: no master flat"), dry.out());

        Files.write(night.resolve("masterFlat.xisf"), Files.readAllBytes(tree.flat("2025-03-01", "L")));
        CliHarness.Run run = apdm("promote", "--config", config, "--json", "--target", "M 31");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertTrue(j.get("nights").get(0).get("ready").asBoolean());
        assertFalse(Files.exists(night));
        assertEquals(3, files(tree.data.resolve(CalibrationTree.C8E).resolve("20_Data")));
    }

    @Test
    void calibrationAloneIsAUsageError() {
        CliHarness.Run r = apdm("calibration");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("archive | distribute | clean"), r.err());
        CliHarness.Run noLibrary = new CliHarness(tmp.resolve("home")).apdm("calibration", "distribute", "--data",
                tree.data.toString());
        assertEquals(ExitCodes.USAGE, noLibrary.code(), noLibrary.toString());
    }
}
