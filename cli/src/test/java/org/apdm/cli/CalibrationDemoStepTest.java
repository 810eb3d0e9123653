package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's calibration steps: archive, blink, distribute, promote and clean on the sample workspace. */
class CalibrationDemoStepTest {

    @TempDir
    Path tmp;

    static List<Path> files(Path root, String suffix) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void theDemoArchivesDistributesPromotesAndCleans() throws IOException {
        Path dir = tmp.resolve("demo");
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("demo", "--dir", dir.toString());

        // the demo's own exit-code policy belongs to DemoCommand; here: every step ran, nothing aborted
        assertTrue(r.code() == ExitCodes.OK || r.code() == ExitCodes.LEFT_BEHIND, r.toString());
        assertEquals(17, files(dir.resolve("Library"), ".xisf").size(), r.out());
        assertTrue(Files.exists(dir.resolve("Library/_Dark Library/ZWO ASI2600MM Pro/"
                + "masterDark_EXPOSURE_120.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf")),
                "GAIN and OFFSET from the name of the master whose header lacks them");
        Path c8eData = dir.resolve("Data/C8E@f10.0+ZWO ASI2600MM Pro/20_Data/M 81/accept");
        assertTrue(Files.isDirectory(c8eData.resolve("DATE_2025-03-01")), r.out());
        assertTrue(Files.isDirectory(c8eData.resolve("DATE_2025-03-02")), r.out());
        assertEquals(5, files(c8eData.resolve("DATE_2025-03-01"), ".xisf").size(), "the 120 s dark and the L, R, G, B flats");
        Path stays = dir.resolve("Data/SQA55@f5.3+ATR585M/10_Blink/Heart Nebula/accept/DATE_2025-03-02");
        assertTrue(Files.isDirectory(stays), "no S flat for that night: it stays in 10_Blink");
        assertTrue(r.out().contains("stays      SQA55@f5.3+ATR585M / Heart Nebula/accept/DATE_2025-03-02"), r.out());
        assertEquals(List.of(), files(dir.resolve("PixInsight"), ".xisf"), "PixInsight's temp folder is emptied");
        assertEquals(3, files(dir.resolve("RAW/FLAT"), ".fits").size(), "only the S flats without a master stay");
        assertEquals(0, files(dir.resolve("RAW/DARK"), ".fits").size());
    }
}
