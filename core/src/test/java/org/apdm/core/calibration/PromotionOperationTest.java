package org.apdm.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apdm.core.config.ApdmConfig;
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

/** Reviewed nights move from 10_Blink to 20_Data only with their darks and flats, merging with what is there. */
class PromotionOperationTest {

    @TempDir
    Path tmp;
    CalibrationTree tree;
    ApdmConfig config;
    Path blink;
    Path dataStage;

    @BeforeEach
    void setUp() throws Exception {
        tree = new CalibrationTree(tmp);
        config = tree.config("");
        blink = tree.data.resolve(CalibrationTree.C8E).resolve("10_Blink");
        dataStage = tree.data.resolve(CalibrationTree.C8E).resolve("20_Data");
    }

    /** Copies a library master into a night's folder, as distribute does. */
    static void place(Path master, Path night, String name) throws IOException {
        Files.write(night.resolve(name), Files.readAllBytes(master));
    }

    PromotionOperation.Prepared prepare(Set<String> targets) throws IOException {
        return new PromotionOperation(config, new FileEngine(EngineSettings.of(tree.state)))
                .prepare(new PromotionOperation.Request(tree.data, List.of(), targets), ProgressListener.NONE,
                        CancellationToken.none());
    }

    ExecutionResult run(PromotionOperation.Prepared p) throws IOException {
        return new PromotionOperation(config, new FileEngine(EngineSettings.of(tree.state)))
                .execute(p, ProgressListener.NONE, CancellationToken.none()).execution();
    }

    static Map<String, String> below(Path root) throws IOException {
        return new TreeMap<>(TreeSnapshot.of(root));
    }

    @Test
    void aCalibratedNightMovesWholeAndMergesWithTheNightAlreadyInData() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 2);
        Path night = tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-01");
        place(tree.dark(300), night, "masterDark_EXPOSURE_300.00.xisf");
        place(tree.flat("2025-03-01", "L"), night, "masterFlat_DATE_2025-03-01_FILTER_L.xisf");
        Map<String, String> moving = below(night);
        Path earlier = TreeSnapshot.write(dataStage.resolve("M 31/accept/DATE_2025-03-01/FILTER_R_EXP_300.00_SETTEMP_-10.00/r.fits"),
                "promoted before");

        ExecutionResult r = run(prepare(Set.of()));

        assertEquals(4, r.count(Outcome.DONE), r.outcomes().toString());
        assertFalse(Files.exists(night), "the night left 10_Blink");
        assertTrue(Files.isDirectory(blink.resolve("M 31/accept")), "accept/ stays for the next nights");
        Map<String, String> arrived = below(dataStage.resolve("M 31/accept/DATE_2025-03-01"));
        arrived.remove("FILTER_R_EXP_300.00_SETTEMP_-10.00/r.fits");
        assertEquals(moving, arrived, "every file arrived byte for byte, lights and masters together");
        assertEquals("promoted before", Files.readString(earlier), "merged with the night already there");
    }

    @Test
    void aNightWithoutItsFlatStaysWithTheReasonAndTheOthersMove() throws Exception {
        tree.lights("M 31", "2025-03-01", "L", 1);
        Path ready = tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-01");
        place(tree.dark(300), ready, "masterDark.xisf");
        place(tree.flat("2025-03-01", "L"), ready, "masterFlat_L.xisf");
        tree.lights("M 31", "2025-03-02", "L", 1);
        tree.lights("M 31", "2025-03-02", "R", 1);
        Path blocked = tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-02");
        place(tree.dark(300), blocked, "masterDark.xisf");
        place(tree.flat("2025-03-02", "L"), blocked, "masterFlat_L.xisf");
        Map<String, String> stays = below(blocked);

        PromotionOperation.Prepared p = prepare(Set.of());
        run(p);

        assertEquals(stays, below(blocked), "the night without its R flat stays as it was");
        assertTrue(Files.isDirectory(dataStage.resolve("M 31/accept/DATE_2025-03-01")));
        PromotionPlanner.NightResult result = p.planned().nights().stream().filter(n -> !n.ready()).findFirst().orElseThrow();
        assertEquals(1, result.reasons().size(), result.reasons().toString());
        String reason = result.reasons().get(0);
        assertTrue(reason.startsWith("FILTER_R_EXP_300.00_SETTEMP_-10.00: no master flat"), reason);
        assertTrue(reason.contains("FILTER R"), reason);
    }

    @Test
    void onlyReviewedNightsOfTheChosenTargetsMove() throws Exception {
        tree.lights(CalibrationTree.C8E, "M 31", false, "2025-03-01", "L", 300, 100, null, 1);
        Path notReviewed = tree.nightFolder(CalibrationTree.C8E, "M 31", false, "2025-03-01");
        place(tree.dark(300), notReviewed, "masterDark.xisf");
        place(tree.flat("2025-03-01", "L"), notReviewed, "masterFlat_L.xisf");
        tree.lights("M 42", "2025-03-01", "L", 1);
        Path otherTarget = tree.nightFolder(CalibrationTree.C8E, "M 42", true, "2025-03-01");
        place(tree.dark(300), otherTarget, "masterDark.xisf");
        place(tree.flat("2025-03-01", "L"), otherTarget, "masterFlat_L.xisf");
        tree.lights("M 33", "2025-03-01", "L", 1);
        Path chosen = tree.nightFolder(CalibrationTree.C8E, "M 33", true, "2025-03-01");
        place(tree.dark(300), chosen, "masterDark.xisf");
        place(tree.flat("2025-03-01", "L"), chosen, "masterFlat_L.xisf");

        run(prepare(Set.of("M 33", "M 31")));

        assertTrue(Files.exists(notReviewed), "lights outside accept/ are not reviewed yet");
        assertTrue(Files.exists(otherTarget), "not one of the chosen targets");
        assertFalse(Files.exists(chosen));
        assertTrue(Files.isDirectory(dataStage.resolve("M 33/accept/DATE_2025-03-01")));
    }
}
