package org.apdm.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PixInsight's masters into the library: layout, names, values from names and folders, refusals, no overwrite. */
class ArchiveOperationTest {

    @TempDir
    Path tmp;
    CalibrationTree tree;
    ApdmConfig config;
    Path masters;

    @BeforeEach
    void setUp() throws Exception {
        tree = new CalibrationTree(tmp);
        config = tree.config("");
        masters = tmp.resolve("PixInsight/_calibration/master");
    }

    ArchiveOperation.Prepared prepare() throws IOException {
        return new ArchiveOperation(config, new FileEngine(EngineSettings.of(tree.state)))
                .prepare(new ArchiveOperation.Request(masters, tree.library, tree.data), ProgressListener.NONE,
                        CancellationToken.none());
    }

    ExecutionResult run() throws IOException {
        ArchiveOperation op = new ArchiveOperation(config, new FileEngine(EngineSettings.of(tree.state)));
        return op.execute(prepare(), ProgressListener.NONE, CancellationToken.none()).execution();
    }

    static Map<String, Object> dark(String type, double exposure) {
        Map<String, Object> h = CalibrationTree.master(type, CalibrationTree.C8E_CAMERA, 100, null);
        h.put("EXPTIME", exposure);
        return h;
    }

    Path lib(String relative) {
        return tree.library.resolve(relative);
    }

    @Test
    void mastersGoToTheUsersThreeLibrariesNamedWithEveryKey() throws Exception {
        Path d = masters.resolve("masterDark_BIN-1_6248x4176_EXPOSURE-300.00s.xisf");
        SampleFiles.writeXisf(d, dark("Master Dark", 300));
        Path b = masters.resolve("masterBias_BIN-1_6248x4176.fits");
        Map<String, Object> bias = CalibrationTree.master("MASTER BIAS", CalibrationTree.C8E_CAMERA, 100, null);
        SampleFiles.writeFits(b, bias);
        Path f = masters.resolve("masterFlat_BIN-1_6248x4176_FILTER-L_mono.xisf");
        Map<String, Object> flat = CalibrationTree.master("Master Flat", CalibrationTree.C8E_CAMERA, 100, null);
        flat.put("TELESCOP", "C8E");
        flat.put("FILTER", "L");
        flat.put("DATE-OBS", "2025-03-02T00:30:00.000"); // 19:30 in New York: the night of March 1
        SampleFiles.writeXisf(f, flat);
        Path sqa = masters.resolve("masterDark_BIN-1_3840x2160_EXPOSURE-60.00s.xisf");
        Map<String, Object> sqaDark = CalibrationTree.master("Master Dark", "ATR585M", 239, "High Conversion");
        sqaDark.put("EXPTIME", 60.0);
        SampleFiles.writeXisf(sqa, sqaDark);

        ExecutionResult r = run();

        assertEquals(4, r.count(Outcome.DONE), r.outcomes().toString());
        Path darkDst = lib("_Dark Library/ZWO ASI2600MM Pro/masterDark_EXPOSURE_300.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf");
        assertEquals(TreeSnapshot.sha256(d), TreeSnapshot.sha256(darkDst), "a byte-for-byte copy");
        assertTrue(Files.exists(lib("_Bias Library/ZWO ASI2600MM Pro/masterBias_SETTEMP_-10.00_GAIN_100_OFFSET_50.fits")));
        assertTrue(Files.exists(lib("_Flat Stash/ZWO ASI2600MM Pro/C8E/"
                + "masterFlat_DATE_2025-03-01_FILTER_L_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf")),
                "the flat's night from DATE-OBS, written as DATE_: " + TreeSnapshot.of(tree.library).keySet());
        assertTrue(Files.exists(lib("_Dark Library/ATR585M/"
                + "masterDark_EXPOSURE_60.00_SETTEMP_-10.00_GAIN_239_OFFSET_50_READOUTM_High Conversion.xisf")));
        assertTrue(Files.exists(d), "archive copies; PixInsight's output stays until clean");
    }

    @Test
    void valuesMissingFromTheHeaderAreTakenFromTheNameAndFolder() throws Exception {
        // PixInsight writes a plain 'Dark' and drops GAIN, OFFSET and the set temperature
        Map<String, Object> h = Map.of("IMAGETYP", "Dark", "INSTRUME", CalibrationTree.C8E_CAMERA, "EXPTIME", 120.0);
        SampleFiles.writeXisf(masters.resolve("SETTEMP_-10.00/masterDark_EXPOSURE-120.00s_GAIN_100_OFFSET_50.xisf"), h);

        ExecutionResult r = run();

        assertEquals(1, r.count(Outcome.DONE), r.outcomes().toString());
        assertTrue(Files.exists(lib("_Dark Library/ZWO ASI2600MM Pro/"
                + "masterDark_EXPOSURE_120.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf")), TreeSnapshot.of(tree.library).toString());
    }

    @Test
    void withoutAnImageTypeTheNameTellsTheKind() throws Exception {
        SampleFiles.writeFits(masters.resolve("masterBias_SETTEMP_-10.00_GAIN_100_OFFSET_50.fits"),
                Map.of("INSTRUME", CalibrationTree.C8E_CAMERA));

        ExecutionResult r = run();

        assertEquals(1, r.count(Outcome.DONE), r.outcomes().toString());
        assertTrue(Files.exists(lib("_Bias Library/ZWO ASI2600MM Pro/masterBias_SETTEMP_-10.00_GAIN_100_OFFSET_50.fits")));
    }

    @Test
    void aMasterStillMissingAKeyOfItsRigIsReportedNotGuessed() throws Exception {
        Map<String, Object> h = dark("Master Dark", 300);
        h.remove("OFFSET");
        Path noOffset = masters.resolve("masterDark_EXPOSURE-300.00s.xisf");
        SampleFiles.writeXisf(noOffset, h);
        SampleFiles.writeXisf(masters.resolve("masterDark_EXPOSURE-60.00s.xisf"), dark("Master Dark", 60));

        ArchiveOperation.Prepared p = prepare();

        List<LeftBehind> left = p.planned().plan().leftBehind();
        assertEquals(1, left.size(), left.toString());
        assertEquals(noOffset, left.get(0).file());
        assertTrue(left.get(0).reason().contains("OFFSET"), left.get(0).reason());
        assertEquals(1, p.planned().plan().operations().size(), "the other master is archived");
    }

    @Test
    void anIdenticalFileIsSkippedAndADifferentOneIsAConflictNeverOverwritten() throws Exception {
        Path d = masters.resolve("masterDark_EXPOSURE-300.00s.xisf");
        SampleFiles.writeXisf(d, dark("Master Dark", 300));
        assertEquals(1, run().count(Outcome.DONE));

        ExecutionResult again = run();
        assertEquals(1, again.count(Outcome.ALREADY_DONE), "an identical master already in the library is skipped");

        Map<String, String> library = TreeSnapshot.of(tree.library);
        Files.delete(d);
        Map<String, Object> other = dark("Master Dark", 300);
        other.put("NCOMBINE", 40); // a newer integration with the same keys
        SampleFiles.writeXisf(d, other);
        ExecutionResult conflict = run();
        assertEquals(1, conflict.count(Outcome.CONFLICT), conflict.outcomes().toString());
        assertEquals(library, TreeSnapshot.of(tree.library), "the library is unchanged");
    }

    @Test
    void twoMastersThatWouldShareANameBothStay() throws Exception {
        SampleFiles.writeXisf(masters.resolve("a/masterDark_EXPOSURE-300.00s.xisf"), dark("Master Dark", 300));
        Map<String, Object> other = dark("Master Dark", 300);
        other.put("NCOMBINE", 40);
        SampleFiles.writeXisf(masters.resolve("b/masterDark_EXPOSURE-300.00s.xisf"), other);

        ArchiveOperation.Prepared p = prepare();

        assertTrue(p.planned().plan().operations().isEmpty());
        assertEquals(2, p.planned().plan().leftBehind().size());
        assertTrue(p.planned().plan().leftBehind().get(0).reason().contains("would all be"));
    }

    @Test
    void imagesThatAreNotMasterBiasDarkOrFlatAreIgnored() throws Exception {
        SampleFiles.writeXisf(masters.resolve("masterLight_BIN-1_6248x4176_FILTER-L.xisf"),
                Map.of("IMAGETYP", "Master Light", "INSTRUME", CalibrationTree.C8E_CAMERA));
        SampleFiles.writeXisf(masters.resolve("flat_L_0001_c.xisf"),
                Map.of("IMAGETYP", "FLAT", "INSTRUME", CalibrationTree.C8E_CAMERA));

        ArchiveOperation.Prepared p = prepare();

        assertTrue(p.planned().plan().operations().isEmpty());
        assertEquals(2, p.planned().others().size());
    }

    @Test
    void aRigsLibraryFolderAndAConfiguredLayoutAreUsed() throws Exception {
        config = tree.config("""
                calibration:
                  library_layout:
                    dark: MASTER DARK/{camera}
                rigs:
                  "RC8@f8.0+QHY268M":
                    calibration:
                      library_folder: QHY
                """);
        Map<String, Object> h = CalibrationTree.master("Master Dark", "QHY268M", 26, null);
        h.put("EXPTIME", 180.0);
        SampleFiles.writeXisf(masters.resolve("masterDark_EXPOSURE-180.00s.xisf"), h);

        assertEquals(1, run().count(Outcome.DONE));
        assertTrue(Files.exists(lib("MASTER DARK/QHY/masterDark_EXPOSURE_180.00_SETTEMP_-10.00_GAIN_26_OFFSET_50.xisf")),
                TreeSnapshot.of(tree.library).toString());
    }

    @Test
    void aBadLibraryLayoutIsAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class, () -> tree.config("""
                calibration:
                  library_layout:
                    dark: "{camera}/darks"
                    flat: _Flat Stash/{lens}
                """));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("calibration.library_layout.dark"), all);
        assertTrue(all.contains("{lens}"), all);
        assertFalse(all.contains("library_layout.bias"), all);
    }
}
