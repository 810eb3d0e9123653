package org.apdm.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Library masters into the nights of 10_Blink, on generated FITS lights and XISF masters. */
class DistributionOperationTest {

    static final String DARK_300 = "masterDark_EXPOSURE_300.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf";
    static final String FLAT_L = "masterFlat_DATE_2025-03-01_FILTER_L_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf";

    @TempDir
    Path tmp;
    CalibrationTree tree;
    ApdmConfig config;

    @BeforeEach
    void setUp() throws Exception {
        tree = new CalibrationTree(tmp);
        config = tree.config("");
    }

    DistributionOperation op() {
        return new DistributionOperation(config, new FileEngine(EngineSettings.of(tree.state)));
    }

    DistributionOperation.Prepared prepare(List<String> rigs) throws IOException {
        return op().prepare(new DistributionOperation.Request(tree.data, tree.library, rigs, null, null),
                FlatDecider.UNANSWERED, ProgressListener.NONE, CancellationToken.none());
    }

    ExecutionResult run() throws IOException {
        return op().execute(prepare(List.of()), ProgressListener.NONE, CancellationToken.none()).execution();
    }

    DistributionPlanner.Row row(DistributionOperation.Prepared p, String target, String night, String filter) {
        return p.planned().rows().stream().filter(r -> r.night().target().equals(target) && r.night().night().equals(night)
                && filter.equals(r.filter())).findFirst().orElseThrow(() -> new AssertionError(p.planned().rows()));
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theMatchingDarkAndFlatAreCopiedIntoEachNightUnderNamesCarryingTheirKeys() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 2);
        tree.lights("M 31", "2025-03-01", "R", 2);
        tree.lights(CalibrationTree.C8E, "M 42", false, "2025-03-01", "L", 300, 100, null, 1);
        Path dark = tree.dark(300);
        Path flatL = tree.flat("2025-03-01", "L");
        tree.flat("2025-03-01", "R");
        tree.dark(120);
        tree.flat("2025-03-02", "L");

        ExecutionResult r = run();

        assertEquals(5, r.count(Outcome.DONE), r.outcomes().toString());
        Path m31 = tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-01");
        assertEquals(List.of(DARK_300, FLAT_L,
                "masterFlat_DATE_2025-03-01_FILTER_R_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf"), names(m31));
        assertEquals(TreeSnapshot.sha256(dark), TreeSnapshot.sha256(m31.resolve(DARK_300)));
        assertEquals(TreeSnapshot.sha256(flatL), TreeSnapshot.sha256(m31.resolve(FLAT_L)));
        assertEquals(List.of(DARK_300, FLAT_L), names(tree.nightFolder(CalibrationTree.C8E, "M 42", false, "2025-03-01")),
                "nights outside accept/ get their masters too");
    }

    @Test
    void aSecondRunFindsEveryNightCalibratedAndChangesNothing() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 2);
        tree.dark(300);
        tree.flat("2025-03-01", "L");
        run();
        Map<String, String> after = TreeSnapshot.of(tree.data);

        DistributionOperation.Prepared again = prepare(List.of());

        assertTrue(again.planned().plan().operations().isEmpty(), again.planned().plan().operations().toString());
        DistributionPlanner.Row row = row(again, "M 31", "2025-03-01", "L");
        assertEquals(MasterMatch.Status.PRESENT, row.match().dark().status());
        assertEquals(MasterMatch.Status.PRESENT, row.match().flat().status());
        op().execute(again, ProgressListener.NONE, CancellationToken.none());
        assertEquals(after, TreeSnapshot.of(tree.data));
    }

    @Test
    void anAmbiguousDarkIsReportedForItsFolderOnlyAndTheRestIsDistributed() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 2);
        tree.lights(CalibrationTree.C8E, "M 42", true, "2025-03-01", "L", 120, 100, null, 2);
        tree.dark(300);
        tree.dark(300);
        tree.dark(120);
        tree.flat("2025-03-01", "L");

        DistributionOperation.Prepared p = prepare(List.of());
        op().execute(p, ProgressListener.NONE, CancellationToken.none());

        DistributionPlanner.Row m31 = row(p, "M 31", "2025-03-01", "L");
        assertEquals(MasterMatch.Status.AMBIGUOUS, m31.match().dark().status());
        assertEquals(2, m31.match().dark().candidates().size());
        assertEquals(List.of(FLAT_L), names(tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-01")),
                "no dark is guessed; the flat still arrives");
        assertEquals(List.of("masterDark_EXPOSURE_120.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf", FLAT_L),
                names(tree.nightFolder(CalibrationTree.C8E, "M 42", true, "2025-03-01")));
        assertEquals(1, p.planned().missing());
    }

    @Test
    void aFlatOfAnotherNightIsUsedInsideTheRigPeriodButNotAcrossARigChange() throws Exception {
        config = tree.config("""
                calibration:
                  flat_fallback: earlier
                rigs:
                  "C8E@f10.0+ZWO ASI2600MM Pro":
                    calibration:
                      rig_changes: [2025-03-05]
                """);
        tree.lights("M 31", "2025-03-04", "L", 1);
        tree.lights("M 31", "2025-03-06", "L", 1);
        tree.dark(300);
        tree.flat("2025-03-02", "L");

        DistributionOperation.Prepared p = prepare(List.of());
        op().execute(p, ProgressListener.NONE, CancellationToken.none());

        DistributionPlanner.Row inside = row(p, "M 31", "2025-03-04", "L");
        assertEquals(MasterMatch.Status.FALLBACK, inside.match().flat().status());
        assertTrue(names(tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-04"))
                .contains("masterFlat_DATE_2025-03-02_FILTER_L_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf"),
                "the flat keeps its own night in its name");
        DistributionPlanner.Row across = row(p, "M 31", "2025-03-06", "L");
        assertEquals(MasterMatch.Status.MISSING, across.match().flat().status());
        assertEquals(List.of(DARK_300), names(tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-06")));
    }

    @Test
    void withDarkScalingAShorterDarkAndABiasAreCopied() throws Exception {
        config = tree.config("calibration:\n  dark_scaling: true\n");
        tree.lights("M 31", "2025-03-01", "L", 1);
        tree.dark(120);
        tree.dark(600);
        tree.bias(CalibrationTree.C8E_CAMERA, 100, null);
        tree.flat("2025-03-01", "L");

        run();

        assertEquals(List.of("masterBias_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf",
                        "masterDark_EXPOSURE_120.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf", FLAT_L),
                names(tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-01")));
    }

    @Test
    void aRigWithoutItsOwnKeysMatchesOnReadoutModeWhenItsLightsCarryOne() throws Exception {
        String rig = "RC8@f8.0+QHY268M";
        config = tree.config("rigs:\n  \"" + rig + "\":\n    calibration:\n      library_folder: QHY\n");
        tree.lights(rig, "NGC 7000", true, "2025-03-01", "L", 300, 26, "Extended Fullwell", 1);
        tree.dark("QHY268M", 300, 26, "Photographic");
        Path right = tree.dark("QHY268M", 300, 26, "Extended Fullwell");
        tree.flat("QHY268M", "RC8", "2025-03-01", "L", 26, "Extended Fullwell");
        // a library master without INSTRUME: its camera comes from the rig's library folder
        Map<String, Object> bare = Map.of("IMAGETYP", "Master Dark", "EXPTIME", 60.0, "GAIN", 26, "OFFSET", 50,
                "SET-TEMP", -10.0, "READOUTM", "Extended Fullwell");
        SampleFiles.writeXisf(tree.library.resolve("_Dark Library/QHY/masterDark_60.xisf"), bare);
        tree.lights(rig, "NGC 7000", true, "2025-03-01", "R", 60, 26, "Extended Fullwell", 1);

        DistributionOperation.Prepared p = prepare(List.of(rig));

        DistributionPlanner.Row l = row(p, "NGC 7000", "2025-03-01", "L");
        assertEquals(MasterMatch.Status.EXACT, l.match().dark().status(), l.match().dark().detail());
        assertEquals(right, l.match().dark().master().file());
        assertEquals(MasterMatch.Status.EXACT, row(p, "NGC 7000", "2025-03-01", "R").match().dark().status());
    }

    @Test
    void everyRigIsDistributedAndOneRigCanBeChosen() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 1);
        tree.lights(CalibrationTree.SQA55, "IC 1805", true, "2025-03-01", "H", 300, 239, "HCG", 1);
        tree.dark(300);
        tree.flat("2025-03-01", "L");
        tree.dark("ATR585M", 300, 239, "HCG");
        tree.flat("ATR585M", "SQA55", "2025-03-01", "H", 239, "HCG");

        DistributionOperation.Prepared only = prepare(List.of(CalibrationTree.SQA55));
        assertEquals(List.of(CalibrationTree.SQA55), only.planned().rows().stream().map(DistributionPlanner.Row::rig).toList());

        DistributionOperation.Prepared all = prepare(List.of());
        assertEquals(4, all.planned().plan().operations().size());
        assertTrue(all.planned().rows().stream().allMatch(r -> r.match().satisfied()), all.planned().rows().toString());
        assertFalse(all.planned().rows().isEmpty());
    }
}
