package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apdm.core.image.ImageWriter;
import org.apdm.core.image.StarField;
import org.apdm.core.testing.BlinkTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path tmp;
    Path config;
    Path group;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(tmp.resolve("Data"));
        config = tmp.resolve("apdm.yaml");
        Files.writeString(config, "roots:\n  data: Data\n  reject: Reject\nstate_dir: state\n");
        group = new BlinkTree(tmp.resolve("Data")).group(BlinkTree.C8E, "M 31", "2025-01-01", "L");
        for (int i = 0; i < 4; i++) {
            double fwhm = i == 2 ? 6.5 : 3.0;
            StarField.Spec s = new StarField.Spec(256, 192, StarField.Profile.GAUSSIAN, fwhm, fwhm, 0, 4.765, 40, 2000,
                    20000, 1000, 0, 20, 0, 10 + i);
            ImageWriter.write(group.resolve(String.format("2025-01-01_21-%02d-00_TEMP_-10.00.fits", i * 5)),
                    ImageWriter.fits(StarField.generate(s).image(), 16, Map.of("IMAGETYP", "LIGHT")));
        }
    }

    @Test
    void jsonListsEveryFrameWithItsPixelMetricsAndTheSecondRunComesFromTheCache() throws Exception {
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("analyze", "--config", config.toString(), "--json",
                group.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        JsonNode frames = new ObjectMapper().readTree(r.out()).get("frames");
        assertEquals(4, frames.size());
        JsonNode blurred = frames.get(2);
        assertTrue(blurred.get("path").asText().contains("21-10-00"));
        assertEquals(6.5, blurred.get("fwhm").asDouble(), 0.3);
        assertEquals(3.0, frames.get(0).get("fwhm").asDouble(), 0.15);
        assertTrue(frames.get(0).get("stars").asInt() > 10);
        for (String k : new String[] {"hfr", "eccentricity", "background", "noise"}) {
            assertTrue(frames.get(0).has(k), k);
        }
        assertEquals(false, frames.get(0).get("cached").asBoolean());

        CliHarness.Run again = new CliHarness(tmp.resolve("home")).apdm("analyze", "--config", config.toString(),
                "--json", "--rig", BlinkTree.C8E);
        assertEquals(ExitCodes.OK, again.code(), again.toString());
        assertTrue(new ObjectMapper().readTree(again.out()).get("frames").get(0).get("cached").asBoolean());
    }

    @Test
    void aBrokenFrameIsListedWithItsReasonAndTheExitCodeSaysSo() throws Exception {
        Files.write(group.resolve("2025-01-01_23-00-00_TEMP_-10.00.fits"), new byte[] {0, 1, 2});
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("analyze", "--config", config.toString(),
                group.toString());
        assertEquals(ExitCodes.LEFT_BEHIND, r.code(), r.toString());
        assertTrue(r.out().contains("4 frame(s) measured"), r.out());
        assertTrue(r.out().contains("2025-01-01_23-00-00_TEMP_-10.00.fits: "), r.out());
    }

    @Test
    void cullMaxTakesAPixelMetric() throws Exception {
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("cull", "--config", config.toString(),
                "--max", "px_fwhm=5", "--yes");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        try (Stream<Path> s = Files.walk(tmp.resolve("Reject"))) {
            assertEquals(1, s.filter(p -> p.toString().endsWith(".fits")).count());
        }
        assertTrue(Files.notExists(group.resolve("2025-01-01_21-10-00_TEMP_-10.00.fits")));
        assertEquals(3, group.toFile().list().length);
    }
}
