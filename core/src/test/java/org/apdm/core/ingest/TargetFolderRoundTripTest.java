package org.apdm.core.ingest;

import org.apdm.core.PropertySeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.inventory.TargetName;
import org.apdm.core.layout.TargetFolderName;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.NormalizationRules;
import org.apdm.core.scan.FrameScanner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11.5: the target folder ingest writes is read back by the folder parser (db update, status, reports)
 * as the same target, never cut at an underscore into a name and a note.
 */
class TargetFolderRoundTripTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "OBJECT {0}")
    @CsvSource(delimiter = '|', value = {
            "Rosette_Nebula         | Rosette Nebula",
            "NGC_7000               | NGC_7000",
            "Sh2_155_Cave           | Sh2_155 Cave",
            "Moon_2024-08-15        | Moon 2024-08-15",
            "M 42: Orion            | M 42_ Orion",
            "Cocoon Nebula IC5146   | Cocoon Nebula IC5146"})
    void ingestWritesATargetFolderTheParserReadsBackWhole(String object, String expectedTarget) throws Exception {
        Path raw = root.resolve("RAW");
        Path file = raw.resolve("a.fits");
        java.nio.file.Files.createDirectories(raw);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", "LIGHT");
        h.put("TELESCOP", "RedCat 51");
        h.put("FOCRATIO", 4.9);
        h.put("INSTRUME", "ZWO ASI533MC Pro");
        h.put("OBJECT", object);
        h.put("FILTER", "L");
        h.put("EXPOSURE", 120.0);
        h.put("DATE-OBS", "2025-03-02T01:40:00");
        SampleFiles.writeFits(file, h);
        FrameScanner scanner = new FrameScanner(new MetadataReader(NormalizationRules.defaults()));
        Path data = root.resolve("Data");

        var plan = IngestPlanner.plan(List.of(scanner.readOne(raw, file, FrameScanner.ReadSpec.RAW)),
                new IngestPlanner.Roots(raw, data, root.resolve("Cal"))).plan();

        FileOperation.Move move = (FileOperation.Move) plan.operations().stream()
                .filter(o -> o instanceof FileOperation.Move).findFirst().orElseThrow();
        String folder = data.relativize(move.destination()).getName(2).toString();
        TargetName parsed = TargetName.of(folder);
        assertEquals(expectedTarget, parsed.name(), "target the database and reports show for folder " + folder);
        assertEquals("", parsed.suffix(), "no part of the OBJECT is taken for a note");
    }

    @Property(tries = 500, seed = PropertySeeds.FIXED)
    void everyFolderIngestWritesParsesWithoutANote(@ForAll @StringLength(min = 1, max = 40) String object) {
        String folder = TargetFolderName.of(object);
        assertEquals("", TargetName.of(folder).suffix(), folder);
        assertEquals(folder, TargetFolderName.of(folder), "idempotent");
    }
}
