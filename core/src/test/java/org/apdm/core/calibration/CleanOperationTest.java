package org.apdm.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.TreeSnapshot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw frames go only when a master covers them; PixInsight's temp folder is emptied only inside its root. */
class CleanOperationTest {

    @TempDir
    Path tmp;
    CalibrationTree tree;
    ApdmConfig config;
    Path raw;
    Path temp;
    Path calibration;

    @BeforeEach
    void setUp() throws Exception {
        tree = new CalibrationTree(tmp);
        config = tree.config("");
        raw = tmp.resolve("RAW");
        temp = tmp.resolve("PixInsight");
        calibration = temp.resolve("_calibration");
    }

    Path rawFrames(String type, String night, String filter, double exposure, int n) throws IOException {
        return tree.rawFrames(type, night, filter, exposure, n);
    }

    CleanOperation.Request request(Path masters) {
        return new CleanOperation.Request(raw, tree.library, tree.data, temp, masters);
    }

    CleanOperation op() {
        return new CleanOperation(config, new FileEngine(EngineSettings.of(tree.state)));
    }

    CleanOperation.Prepared prepare(Path masters) throws IOException {
        return op().prepare(request(masters), ProgressListener.NONE, CancellationToken.none());
    }

    ExecutionResult run(CleanOperation.Prepared p) throws IOException {
        return op().execute(p, ProgressListener.NONE, CancellationToken.none()).execution();
    }

    /** Everything but apdm's own state folder. */
    Map<String, String> userFiles() throws IOException {
        Map<String, String> m = new java.util.TreeMap<>(TreeSnapshot.of(tmp));
        m.keySet().removeIf(k -> k.startsWith("state"));
        return m;
    }

    static long files(Path folder) throws IOException {
        return TreeSnapshot.of(folder).size();
    }

    @Test
    void rawFramesAreDeletedOnlyWhenTheLibraryHoldsAMasterWithTheirKeys() throws Exception {
        Path darks = rawFrames("DARK", "2025-03-02", null, 300, 3);
        Path flatsL = rawFrames("FLAT", "2025-03-01", "L", 2, 3);
        Path flatsR = rawFrames("FLAT", "2025-03-01", "R", 2, 3);
        Path bias = rawFrames("BIAS", "2025-03-02", null, 0, 2);
        Path darks60 = rawFrames("DARK", "2025-03-02", null, 60, 2);
        tree.dark(300);
        tree.dark(CalibrationTree.C8E_CAMERA, 60, 0, null); // a 60 s dark, but of another gain: covers nothing
        tree.flat("2025-03-01", "L");

        CleanOperation.Prepared p = prepare(null);
        ExecutionResult r = run(p);

        assertEquals(6, r.count(Outcome.DONE));
        assertEquals(0, files(darks));
        assertEquals(0, files(flatsL));
        assertEquals(3, files(flatsR), "no master flat for R: the raw flats stay");
        assertEquals(2, files(bias));
        assertEquals(2, files(darks60));
        List<LeftBehind> kept = p.planned().plan().leftBehind();
        assertEquals(7, kept.size());
        assertTrue(kept.stream().filter(l -> l.file().startsWith(flatsR))
                .allMatch(l -> l.reason().contains("no master flat") && l.reason().contains("FILTER R")), kept.toString());
        assertFalse(Files.exists(darks), "emptied folders are removed");
        assertTrue(Files.isDirectory(raw.resolve("DARK")), "the type folder itself stays");
    }

    @Test
    void theDryRunShowsWhatWouldBeDeletedAndChangesNothing() throws Exception {
        rawFrames("DARK", "2025-03-02", null, 300, 3);
        tree.dark(300);
        Files.createDirectories(calibration.resolve("logs"));
        Files.writeString(calibration.resolve("logs/wbpp.log"), "log");
        Map<String, String> before = userFiles();

        CleanOperation.Prepared p = prepare(null);
        var preview = op().preview(p);

        assertEquals(4, preview.stream().filter(o -> o.operation() instanceof FileOperation.Delete
                && o.outcome() == Outcome.DONE).count());
        assertEquals(before, userFiles());
    }

    @Test
    void thePixInsightFolderIsEmptiedExceptMastersNotInTheLibraryAndLinks() throws Exception {
        Path masters = calibration.resolve("master");
        Path archived = tree.dark(300);
        Path archivedCopy = masters.resolve("masterDark_BIN-1_EXPOSURE-300.00s.xisf");
        Files.createDirectories(masters);
        Files.write(archivedCopy, Files.readAllBytes(archived)); // the master archive copied earlier
        Map<String, Object> h = CalibrationTree.master("Master Dark", CalibrationTree.C8E_CAMERA, 100, null);
        h.put("EXPTIME", 600.0);
        Path notArchived = masters.resolve("masterDark_BIN-1_EXPOSURE-600.00s.xisf");
        SampleFiles.writeXisf(notArchived, h);
        Path masterLight = masters.resolve("masterLight_BIN-1_FILTER-L.xisf");
        SampleFiles.writeXisf(masterLight, Map.of("IMAGETYP", "Master Light"));
        Path log = TreeSnapshot.write(calibration.resolve("logs/20250303.log"), "WBPP log");
        Path calibrated = calibration.resolve("calibrated/flat_L_0001_c.xisf");
        SampleFiles.writeXisf(calibrated, Map.of("IMAGETYP", "FLAT", "FILTER", "L"));
        Path precious = TreeSnapshot.write(tmp.resolve("Precious/keep.txt"), "not PixInsight's");
        Path link = calibration.resolve("shortcut");
        try {
            Files.createSymbolicLink(link, tmp.resolve("Precious"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }

        CleanOperation.Prepared p = prepare(masters);
        ExecutionResult r = run(p);

        assertEquals(calibration, p.tempFolder());
        assertFalse(Files.exists(archivedCopy), "an archived master goes");
        assertFalse(Files.exists(log));
        assertFalse(Files.exists(calibrated));
        assertTrue(Files.exists(notArchived), "a master not yet in the library stays");
        assertTrue(Files.exists(masterLight), "a master light is never clean's to delete");
        assertTrue(Files.isSymbolicLink(link), "a link is neither followed nor removed");
        assertEquals("not PixInsight's", Files.readString(precious));
        assertTrue(Files.isDirectory(calibration), "the folder itself stays");
        assertEquals(3, r.count(Outcome.DONE));
        List<String> reasons = p.planned().plan().leftBehind().stream().map(LeftBehind::reason).toList();
        assertTrue(reasons.stream().anyMatch(s -> s.contains("not in the library yet")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.contains("link")), reasons.toString());
    }

    @Test
    void aTempFolderOutsideItsConfiguredRootIsRefused() throws Exception {
        Path elsewhere = tmp.resolve("Elsewhere");
        Path log = TreeSnapshot.write(elsewhere.resolve("logs/20250303.log"), "someone else's");
        Files.createDirectories(elsewhere.resolve("master"));
        Map<String, String> before = TreeSnapshot.of(elsewhere);

        CleanOperation.Prepared p = prepare(elsewhere.resolve("master"));
        run(p);

        assertEquals(before, TreeSnapshot.of(elsewhere));
        assertTrue(Files.exists(log));
        assertTrue(p.planned().notes().stream().anyMatch(n -> n.contains("outside the PixInsight temp root")),
                p.planned().notes().toString());
    }

    @Test
    void aTempFolderHoldingTheArchiveIsRefused() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 1);
        Map<String, String> before = TreeSnapshot.of(tree.data);
        CleanOperation.Request unsafe = new CleanOperation.Request(raw, tree.library, tree.data, tmp, tmp.resolve("master"));

        CleanOperation.Prepared p = op().prepare(unsafe, ProgressListener.NONE, CancellationToken.none());
        run(p);

        assertEquals(before, TreeSnapshot.of(tree.data));
        assertTrue(p.planned().notes().stream().anyMatch(n -> n.contains("one of your archive's folders")),
                p.planned().notes().toString());
    }
}
