package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apdm.core.demo.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    @TempDir
    Path tmp;
    Path raw;
    Path data;
    Path config;
    CliHarness cli;

    static final String LIGHT = "C8E@f10.0+ZWO ASI2600MM Pro/10_Blink/M 31/DATE_2024-10-04/FILTER_H_EXP_300.00_SETTEMP_-10.00";

    @BeforeEach
    void setUp() throws IOException {
        raw = tmp.resolve("RAW");
        data = tmp.resolve("Data");
        cli = new CliHarness(tmp.resolve("home"));
        config = tmp.resolve("apdm.yaml");
        Files.writeString(config, "roots:\n  raw: RAW\n  data: Data\nstate_dir: state\nnight_date:\n  time_zone: America/New_York\n");
    }

    static Map<String, Object> header(String type, String filter, String local, String utc) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", type);
        h.put("EXPOSURE", type.equals("FLAT") ? 2.0 : 300.0);
        h.put("DATE-LOC", local);
        h.put("DATE-OBS", utc);
        h.put("INSTRUME", "ZWO ASI2600MM Pro");
        h.put("TELESCOP", "C8E");
        h.put("FOCRATIO", 10.0);
        h.put("SET-TEMP", -10.0);
        h.put("GAIN", 100);
        h.put("OFFSET", 50);
        if (filter != null) {
            h.put("FILTER", filter);
        }
        return h;
    }

    /** Two lights of one night on either side of midnight, a flat, a dark, and a broken file. */
    void dump(boolean broken) throws IOException {
        Map<String, Object> l1 = header("LIGHT", "Ha", "2024-10-04T23:10:00.1234567", "2024-10-05T03:10:00.123");
        l1.put("OBJECT", "M 31");
        SampleFiles.writeFits(raw.resolve("M 31/2024-10-04/LIGHT/2024-10-04_23-10-00_Ha_300.00s_0001_HFR_2.31_STARS_812_RMSAC_0.62_TEMP_-10.00.fits"), l1);
        Map<String, Object> l2 = header("LIGHT", "Ha", "2024-10-05T01:10:00.1234567", "2024-10-05T05:10:00.123");
        l2.put("OBJECT", "M 31");
        SampleFiles.writeFits(raw.resolve("M 31/2024-10-04/LIGHT/2024-10-05_01-10-00_Ha_300.00s_0002_HFR__STARS__RMSAC_0.70_TEMP_-10.00.fits"), l2);
        SampleFiles.writeFits(raw.resolve("FLAT/2024-10-04/flat_Ha_0001.fits"),
                header("FLAT", "Ha", "2024-10-04T19:00:00", "2024-10-04T23:00:00"));
        SampleFiles.writeFits(raw.resolve("DARK/2024-10-05/dark_0001.fits"),
                header("DARK", null, "2024-10-05T10:00:00", "2024-10-05T14:00:00"));
        if (broken) {
            Files.writeString(raw.resolve("M 31/2024-10-04/LIGHT/broken.fits"), "SIMPLE  = T but nothing else");
        }
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("state") || rel.startsWith("home")) {
                    continue;
                }
                try {
                    out.put(rel, Files.isRegularFile(p)
                            ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                            : "dir");
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    @Test
    void aDataFolderInsideRawIsRefusedBeforeAnythingMoves() throws IOException {
        Files.createDirectories(raw);
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString(), "--data", raw.resolve("Data").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("must not contain one another"), r.err());
    }

    @Test
    void sortsLightsAndCalibrationAndLeavesTheBrokenFileWithItsReason() throws IOException {
        dump(true);
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString());
        assertEquals(ExitCodes.LEFT_BEHIND, r.code(), r.toString());
        Path night = data.resolve(LIGHT);
        assertTrue(Files.exists(night.resolve("2024-10-05_03-10-00_HFR_2.31_STARS_812_RMSAC_0.62_TEMP_-10.00.fits")), r.toString());
        assertTrue(Files.exists(night.resolve("2024-10-05_05-10-00_RMSAC_0.70_TEMP_-10.00.fits")),
                "the frame after midnight belongs to the same night; empty HFR and STARS tokens are dropped");
        assertTrue(Files.isDirectory(data.resolve("C8E@f10.0+ZWO ASI2600MM Pro/10_Blink/M 31/accept")));
        assertTrue(Files.exists(raw.resolve("FLAT/C8E+ZWO ASI2600MM Pro/DATE_2024-10-04/FILTER_H_EXP_2.00_SETTEMP_-10.00/2024-10-04_23-00-00.fits")));
        assertTrue(Files.exists(raw.resolve("DARK/C8E+ZWO ASI2600MM Pro/DATE_2024-10-04/EXP_300.00_SETTEMP_-10.00/2024-10-05_14-00-00.fits")));
        assertTrue(Files.exists(raw.resolve("M 31/2024-10-04/LIGHT/broken.fits")), "the broken file stays where it was");
        assertTrue(r.out().contains("broken.fits: truncated FITS header"), r.out());
        assertTrue(r.out().matches("(?s).*moved\\s+4\\b.*"), r.out());
        assertFalse(Files.exists(raw.resolve("FLAT/2024-10-04")), "emptied RAW folders are removed");
    }

    @Test
    void aCleanDumpExitsZeroAndASecondRunFindsNothingToDo() throws IOException {
        dump(false);
        CliHarness.Run first = cli.apdm("ingest", "--config", config.toString());
        assertEquals(ExitCodes.OK, first.code(), first.toString());
        Map<String, String> after = snapshot(tmp);
        CliHarness.Run second = cli.apdm("ingest", "--config", config.toString());
        assertEquals(ExitCodes.OK, second.code(), second.toString());
        assertTrue(second.out().matches("(?s).*in place\\s+2\\b.*"), "calibration already sorted is left in place\n" + second.out());
        assertEquals(after, snapshot(tmp), "a second run changes nothing");
    }

    @Test
    void dryRunShowsThePlanAndChangesNothing() throws IOException {
        dump(true);
        Map<String, String> before = snapshot(tmp);
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString(), "--dry-run");
        assertEquals(ExitCodes.LEFT_BEHIND, r.code(), r.toString());
        assertEquals(before, snapshot(tmp), "dry run changed files");
        assertTrue(r.out().contains("dry run"), r.out());
        assertTrue(r.out().contains("Data/" + LIGHT), r.out());
        assertTrue(r.out().contains("would change 4 files"), r.out());
    }

    @Test
    void aDryRunsJsonSaysWhatWouldHappenNotWhatHappened() throws IOException {
        dump(true);
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString(), "--dry-run", "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("dryRun").asBoolean());
        java.util.Set<String> outcomes = new java.util.TreeSet<>();
        json.get("files").forEach(f -> outcomes.add(f.get("outcome").asText()));
        assertTrue(outcomes.contains("would-move"), outcomes.toString());
        assertFalse(outcomes.contains("moved"), outcomes.toString());
    }

    @Test
    void jsonListsEveryFileWithItsOutcome() throws IOException {
        dump(true);
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("ingest", json.get("command").asText());
        assertEquals(1, json.get("exitCode").asInt());
        assertEquals(4, json.get("summary").get("done").asInt());
        assertEquals(1, json.get("summary").get("left_behind").asInt());
        int moved = 0;
        int left = 0;
        for (JsonNode f : json.get("files")) {
            if (f.get("outcome").asText().equals("moved")) {
                moved++;
                assertTrue(Files.exists(Path.of(f.get("destination").asText())));
            }
            if (f.get("outcome").asText().equals("left-behind")) {
                left++;
                assertTrue(f.get("reason").asText().contains("truncated"));
            }
        }
        assertEquals(4, moved);
        assertEquals(1, left);
    }

    @Test
    void flagsOverrideTheConfiguration() throws IOException {
        dump(false);
        Path otherData = tmp.resolve("Elsewhere");
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString(), "--data", otherData.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(Files.isDirectory(otherData.resolve(LIGHT)));
        assertFalse(Files.exists(data.resolve(LIGHT)));
    }

    @Test
    void aMissingFolderIsAUsageErrorThatSaysWhatToDo() throws IOException {
        Files.writeString(config, "state_dir: state\n");
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("pass --raw DIR or set roots.raw"), r.err());
    }

    @Test
    void aBadConfigurationChangesNothingAndNamesTheSetting() throws IOException {
        dump(false);
        Files.writeString(config, "roots:\n  raw: RAW\n  data: Data\nduplicates: sometimes\n");
        Map<String, String> before = snapshot(tmp);
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("duplicates: 'sometimes' is not one of keep, remove"), r.err());
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        CliHarness.Run r = cli.apdm("ingest", "--frobnicate");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }
}
