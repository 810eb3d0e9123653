package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.apdm.core.testing.CameraRawFiles;
import org.apdm.core.testing.CameraRawFiles.Exif;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11.2: a DSLR's nights of raw files are recorded by {@code db update}: with the exposure EXIF gives, or with
 * their frame count and no exposure when neither the folder names nor EXIF say it; and ingest files raw frames by
 * the night and exposure their EXIF records.
 */
class DslrNightsTest {

    static final String SL2 = "R135@f2.8+Canon EOS 200D";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path data;
    Path config;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        data = tmp.resolve("Data");
        config = tmp.resolve("apdm.yaml");
        Files.writeString(config, """
                roots:
                  raw: RAW
                  data: Data
                state_dir: state
                database: db/astrophotography.sqlite
                camera_constants:
                  Canon EOS 200D:
                    optic: R135
                    focal_ratio: "2.8"
                """);
        cli = new CliHarness(tmp.resolve("home"));
    }

    CliHarness.Run apdm(String... args) {
        return cli.apdm(config, args);
    }

    @Test
    void dbUpdateRecordsRawNightsWithTheExposureOfTheirExifOrWithoutOne() throws Exception {
        Path withExif = data.resolve(SL2 + "/20_Data/M 42/accept/DATE_2024-03-09");
        for (int i = 0; i < 3; i++) {
            CameraRawFiles.write(withExif.resolve("IMG_000" + i + ".CR2"),
                    Exif.of("Canon", "Canon EOS 200D", 120, 1600, "2024:03:09 23:4" + i + ":00"));
        }
        Path noExif = data.resolve(SL2 + "/20_Data/M 45/accept/DATE_2024-03-10");
        Files.createDirectories(noExif);
        for (int i = 0; i < 2; i++) {
            Files.write(noExif.resolve("IMG_010" + i + ".cr2"), new byte[] {0x49, 0x49, 0x2A, 0x00});
        }

        CliHarness.Run update = apdm("db", "update", "--json");

        assertEquals(ExitCodes.OK, update.code(), update.toString());
        JsonNode summary = JSON.readTree(update.out()).get("summary");
        assertEquals(2, summary.get("inserted").asInt(), update.out());
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("db/astrophotography.sqlite"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT raw_directory, accepted_count, shutter_time_seconds, gain "
                     + "FROM accepted_data")) {
            while (rs.next()) {
                rows.put(Path.of(rs.getString(1)).getParent().getParent().getFileName().toString(),
                        rs.getInt(2) + " × " + rs.getString(3) + " s, gain " + rs.getString(4));
            }
        }
        assertEquals(Map.of("M 42", "3 × 120 s, gain 1600.0", "M 45", "2 × null s, gain null"), rows,
                "a DSLR's ISO is its gain");

        CliHarness.Run text = apdm("db", "update", "--dry-run");
        assertTrue(text.out().contains("unchanged        2"), text.out());

        CliHarness.Run report = apdm("report");
        assertEquals(ExitCodes.OK, report.code(), report.toString());
        assertTrue(report.out().contains("5 frames, 0.1 hours"), report.out());
        assertEquals("date,filter,number,duration,gain,sensorCooling,fNumber,darks,flats,bias,bortle\n"
                        + "2024-03-09,,3,120,1600,,2.8,,,,\n",
                Files.readString(data.resolve(SL2 + "/20_Data/M 42/astrobin_csv.txt")));
        assertEquals("date,filter,number,duration,gain,sensorCooling,fNumber,darks,flats,bias,bortle\n",
                Files.readString(data.resolve(SL2 + "/20_Data/M 45/astrobin_csv.txt")),
                "AstroBin refuses a line without a duration");
        assertTrue(report.err().contains("M 45 2024-03-10") || report.out().contains("M 45 2024-03-10"),
                "the report says which night was left out: " + report);
    }

    @Test
    void ingestFilesRawFramesByTheNightAndExposureOfTheirExif() throws Exception {
        Path raw = tmp.resolve("RAW");
        CameraRawFiles.write(raw.resolve("OBJECT_M 42/IMG_0001.CR2"),
                Exif.of("Canon", "Canon EOS 200D", 120, 1600, "2024:03:10 01:15:00"));
        CameraRawFiles.write(raw.resolve("OBJECT_M 42/IMG_0002.CR3"),
                Exif.of("Canon", "Canon EOS 200D", 120, 1600, "2024:03:10 01:17:00"));

        CliHarness.Run ingest = apdm("ingest", "--json");

        assertEquals(ExitCodes.OK, ingest.code(), ingest.toString());
        try (var files = Files.walk(data)) {
            var moved = files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            assertEquals(2, moved.size(), moved.toString());
            for (String m : moved) {
                assertTrue(m.startsWith(SL2 + "/10_Blink/"), m);
                assertTrue(m.contains("/DATE_2024-03-09/"), "a frame after midnight belongs to the evening: " + m);
                assertTrue(m.contains("EXP_120.00"), m);
            }
        }
    }
}
