package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.apdm.core.calibration.CalibrationTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apdm calibration integrate with the real siril-cli (issue 13): generated raw bias, darks and flats become masters
 * whose pixels are the inputs' level and whose headers the matcher reads, so distribute then uses them. .ci/run
 * installs Siril and sets APDM_REQUIRE_SIRIL, so there the test cannot be skipped.
 */
class IntegrateCommandTest {

    static final String NIGHT = "2025-03-01";
    static final int BIAS = 500;
    static final int DARK = 800;
    static final int FLAT = 20000;

    @TempDir
    Path tmp;
    CalibrationTree tree;
    Path raw;

    @BeforeEach
    void setUp() {
        raw = tmp.resolve("RAW");
    }

    CliHarness.Run apdm(String... args) {
        return new CliHarness(tmp.resolve("home")).apdm(args);
    }

    String config(String siril) throws Exception {
        tree = new CalibrationTree(tmp);
        tree.config("calibration:\n  integrate:\n    min_frames: 5\n" + (siril == null ? "" : "    siril: '" + siril + "'\n"));
        return tree.configFile().toString();
    }

    static Path siril() {
        return org.apdm.core.testing.SirilOnPath.required();
    }

    Path rawFrames(String type, String filter, double exposure, int level, double sigma, int n) throws IOException {
        return tree.rawFrames(type, NIGHT, filter, exposure, n, level, sigma);
    }

    static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".apdm.lock"))
                    .sorted().toList();
        }
    }

    static Path only(List<Path> files, String prefix) {
        List<Path> m = files.stream().filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
        assertEquals(1, m.size(), prefix + " in " + files);
        return m.get(0);
    }

    record Master(Header header, double median) {
    }

    static Master read(Path fits) throws Exception {
        try (Fits f = new Fits(fits.toFile())) {
            BasicHDU<?> hdu = f.readHDU();
            float[][] rows = (float[][]) hdu.getKernel();
            float[] all = new float[rows.length * rows[0].length];
            int k = 0;
            for (float[] r : rows) {
                for (float v : r) {
                    all[k++] = v;
                }
            }
            Arrays.sort(all);
            return new Master(hdu.getHeader(), all[all.length / 2]);
        }
    }

    static void assertLevel(double expectedAdu, Master m, String what) {
        double adu = m.median() * 65535; // Siril writes 32-bit floats in [0, 1]
        assertTrue(Math.abs(adu - expectedAdu) <= expectedAdu * 0.005,
                what + ": median " + adu + " ADU, expected " + expectedAdu + " within 0.5 %");
    }

    @Test
    void biasDarksAndFlatsBecomeMastersInTheLibraryThatDistributeThenUses() throws Exception {
        String config = config(siril().toString());
        rawFrames("BIAS", null, 0.0, BIAS, 5, 6);
        rawFrames("DARK", null, 300.0, DARK, 8, 5);
        rawFrames("DARK", null, 60.0, DARK, 8, 3);
        rawFrames("FLAT", "L", 2.0, FLAT, 60, 5);
        List<Path> rawBefore = files(raw);

        CliHarness.Run dry = apdm("calibration", "integrate", "--config", config, "--dry-run", "--json");
        assertEquals(ExitCodes.OK, dry.code(), dry.toString());
        JsonNode plan = new ObjectMapper().readTree(dry.out());
        assertEquals(3, plan.get("groups").size(), dry.out());
        assertEquals("bias", plan.get("groups").get(0).get("kind").asText(), "bias is made first");
        assertEquals("would-make", plan.get("groups").get(2).get("status").asText());
        assertTrue(plan.get("skipped").get(0).get("reason").asText().contains("3 frames, fewer than"), dry.out());
        assertEquals(List.of(), files(tree.library), "a dry run makes nothing");

        CliHarness.Run run = apdm("calibration", "integrate", "--config", config);
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().contains("made 3 master(s), 0 group(s) failed"), run.out());
        assertEquals(rawBefore, files(raw), "raw frames are only read");
        assertEquals(List.of(), files(tree.state.resolve("integrate")), "the work folder is removed after success");

        List<Path> library = files(tree.library);
        Master bias = read(only(library, "masterBias"));
        Master dark = read(only(library, "masterDark"));
        Master flat = read(only(library, "masterFlat"));
        assertLevel(BIAS, bias, "master bias");
        assertLevel(DARK, dark, "master dark");
        assertLevel(FLAT - BIAS, flat, "master flat, calibrated with the master bias");
        assertEquals("Master Dark", dark.header().getStringValue("IMAGETYP"));
        assertEquals(300.0, dark.header().getDoubleValue("EXPTIME"));
        assertEquals(100.0, dark.header().getDoubleValue("GAIN"));
        assertEquals(50.0, dark.header().getDoubleValue("OFFSET"));
        assertEquals(-10.0, dark.header().getDoubleValue("SET-TEMP"));
        assertEquals(CalibrationTree.C8E_CAMERA, dark.header().getStringValue("INSTRUME"));
        assertEquals(5, dark.header().getIntValue("NCOMBINE"));
        assertEquals("Master Flat", flat.header().getStringValue("IMAGETYP"));
        assertEquals("L", flat.header().getStringValue("FILTER"));
        assertEquals("C8E", flat.header().getStringValue("TELESCOP"));
        assertTrue(flat.header().getStringValue("DATE-OBS").startsWith(NIGHT), flat.header().getStringValue("DATE-OBS"));

        CliHarness.Run again = apdm("calibration", "integrate", "--config", config, "--json");
        JsonNode j = new ObjectMapper().readTree(again.out());
        assertEquals(ExitCodes.OK, again.code(), again.toString());
        assertEquals(0, j.get("groups").size(), "every group is covered now: " + again.out());
        assertEquals(4, j.get("skipped").size(), again.out());
        assertEquals(library, files(tree.library), "nothing is made twice");

        tree.lights(CalibrationTree.C8E, "M 31", true, NIGHT, "L", 300, 100, null, 2);
        CliHarness.Run distribute = apdm("calibration", "distribute", "--config", config, "--all");
        assertEquals(ExitCodes.OK, distribute.code(), distribute.toString());
        List<String> next = files(tree.nightFolder(CalibrationTree.C8E, "M 31", true, NIGHT)).stream()
                .map(f -> f.getFileName().toString()).filter(n -> n.startsWith("master")).toList();
        assertEquals(2, next.size(), "the made dark and flat are next to the lights: " + next);
        assertTrue(next.stream().anyMatch(n -> n.startsWith("masterDark")) && next.stream().anyMatch(n -> n.startsWith("masterFlat")), next.toString());
    }

    @Test
    void aFailedSirilRunLeavesItsFramesAndReportsSirilsOwnWords() throws Exception {
        Path fake = tmp.resolve("bin/siril-cli");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'siril 1.0.6'; exit 0; }\necho 'log: Running command: stack'\necho 'log: Error: not enough memory for stacking'\nexit 1\n");
        assertTrue(fake.toFile().setExecutable(true));
        String config = config(fake.toString());
        rawFrames("DARK", null, 300.0, DARK, 8, 5);
        List<Path> before = files(raw);

        CliHarness.Run run = apdm("calibration", "integrate", "--config", config);

        assertEquals(ExitCodes.LEFT_BEHIND, run.code(), run.toString());
        assertTrue(run.out().contains("failed") && run.out().contains("Error: not enough memory for stacking"), run.out());
        assertEquals(before, files(raw));
        assertEquals(List.of(), files(tree.library));
    }

    @Test
    void withoutSirilTheCommandSaysHowToInstallItAndExitsTwo() throws Exception {
        String config = config(null);
        rawFrames("DARK", null, 300.0, DARK, 8, 5);

        CliHarness.Run run = apdm("calibration", "integrate", "--config", config);

        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("siril-cli was not found") && run.err().contains("apt-get install siril"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(ExitCodes.OK, apdm("calibration", "integrate", "--config", config, "--dry-run").code(),
                "a dry run needs no Siril");
    }

    @Test
    void withInRunTheMorningRunMakesTheMastersBeforeItDistributes() throws Exception {
        tree = new CalibrationTree(tmp);
        tree.config("calibration:\n  integrate:\n    min_frames: 5\n    in_run: true\n    siril: '" + siril() + "'\n");
        String config = tree.configFile().toString();
        rawFrames("DARK", null, 300.0, DARK, 8, 5);
        tree.lights(CalibrationTree.C8E, "M 31", true, NIGHT, "L", 300, 100, null, 2);

        CliHarness.Run dry = apdm("run", "--config", config, "--dry-run");
        assertTrue(dry.out().matches("(?s).*integrate\\s+5 file\\(s\\).*1 master\\(s\\) to make with Siril.*"), dry.out());
        assertEquals(List.of(), files(tree.library), "a dry run makes nothing");

        CliHarness.Run run = apdm("run", "--config", config);
        assertTrue(run.code() == ExitCodes.OK || run.code() == ExitCodes.LEFT_BEHIND, run.toString());
        only(files(tree.library), "masterDark");
        assertTrue(files(tree.nightFolder(CalibrationTree.C8E, "M 31", true, NIGHT)).stream()
                .anyMatch(f -> f.getFileName().toString().startsWith("masterDark")), "distribute used the new dark: " + run.out());
    }
}
