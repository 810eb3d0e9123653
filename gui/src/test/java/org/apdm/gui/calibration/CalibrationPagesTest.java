package org.apdm.gui.calibration;

import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.apdm.core.calibration.CalibrationTree;
import org.apdm.core.testing.TreeSnapshot;
import org.apdm.gui.GuiTestKit;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.shell.MainView;
import org.apdm.gui.shell.PageCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The calibration and promote pages run the core's operations the way the command line does: the plan first, the flat
 * question of the "ask" policy in a dialog, deletes only after the user ticked that they cannot be undone.
 */
class CalibrationPagesTest extends FxRobot {

    @TempDir
    Path tmp;
    Application app;
    CalibrationTree tree;

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    void open(String yaml, String page) throws Exception {
        tree.config(yaml);
        app = GuiTestKit.start(GuiTestKit.options(tmp, tree.configFile()));
        await("the main window", () -> lookup("#nav-" + page).tryQuery().isPresent());
        clickOn("#nav-" + page);
    }

    <T extends Node> T shown(String query) {
        return GuiTestKit.shown(this, query);
    }

    void clickShown(String query) {
        Node n = shown(query);
        clickOn(n);
    }

    PlanPreview preview(OperationFlowAccess which) {
        return fx(() -> which.flow(page()).previewProperty().get());
    }

    CalibrationView page() {
        return (CalibrationView) GuiTestKit.main(this).page(PageCatalog.CALIBRATION);
    }

    interface OperationFlowAccess {
        org.apdm.gui.operation.OperationFlow<?> flow(CalibrationView v);
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    String banner() {
        return fx(() -> ((Label) shown("#resultBanner .label")).getText());
    }

    @Test
    void distributeAsksWhichFlatAndCopiesOnlyWhatTheApprovedPlanShows() throws Exception {
        tree = new CalibrationTree(tmp);
        tree.lights("M 31", "2025-03-04", "L", 2);
        tree.dark(300);
        tree.flat("2025-03-02", "L");
        tree.flat("2025-02-20", "L");
        Path night = tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-04");
        open("calibration:\n  flat_fallback: ask\n", PageCatalog.CALIBRATION);
        fx(() -> page().select(1));
        Map<String, String> before = TreeSnapshot.of(tmp.resolve("Data"));

        clickShown("#planButton");
        await("the flat question", () -> lookup("#flatDialog").tryQuery().isPresent());
        String first = fx(() -> lookup("#flatOption0").queryAs(javafx.scene.control.RadioButton.class).getText());
        assertTrue(first.startsWith("2025-03-02 — 2 days earlier"), "nearest night first: " + first);
        assertTrue(fx(() -> lookup("#flatNone").queryAs(javafx.scene.control.RadioButton.class).isSelected()),
                "nothing is guessed until the user picks a night");
        clickOn("#flatOption0");
        clickOn("Use the chosen flat");
        await("the plan", () -> GuiTestKit.isShown(this, "#planTiles"));

        PlanPreview plan = preview(v -> v.viewModel().distribute());
        assertEquals(2, plan.counts().copies(), "the dark and the chosen flat");
        assertEquals(before, TreeSnapshot.of(tmp.resolve("Data")), "planning copied nothing");
        assertEquals("Copy 2 masters into the nights", ((Button) shown("#approveButton")).getText());

        clickShown("#approveButton");
        await("the result", () -> GuiTestKit.isShown(this, "#resultBanner"));
        List<String> names = names(night);
        assertTrue(names.contains("masterDark_EXPOSURE_300.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf"), names.toString());
        assertTrue(names.contains("masterFlat_DATE_2025-03-02_FILTER_L_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf"),
                "the flat the user chose, under its own night: " + names);
        assertTrue(banner().startsWith("Done: 2"), banner());
    }


    @Test
    void cancellingWhileTheFlatQuestionIsOpenClosesItAndCopiesNothing() throws Exception {
        tree = new CalibrationTree(tmp);
        tree.lights("M 31", "2025-03-04", "L", 2);
        tree.dark(300);
        tree.flat("2025-03-02", "L");
        open("calibration:\n  flat_fallback: ask\n", PageCatalog.CALIBRATION);
        fx(() -> page().select(1));
        Map<String, String> before = TreeSnapshot.of(tmp.resolve("Data"));

        clickShown("#planButton");
        await("the flat question", () -> lookup("#flatDialog").tryQuery().isPresent());
        fx(() -> page().viewModel().distribute().cancel());

        await("the question to close", () -> lookup("#flatDialog").tryQuery().isEmpty());
        await("planning to stop", () -> {
            var stage = page().viewModel().distribute().stageProperty().get();
            return stage != org.apdm.gui.operation.OperationFlow.Stage.PLANNING;
        });
        assertEquals(before, TreeSnapshot.of(tmp.resolve("Data")), "nothing was copied");
    }

    @Test
    void cleanListsEveryDeleteAndDeletesOnlyAfterTheTick() throws Exception {
        tree = new CalibrationTree(tmp);
        Path covered = tree.rawFrames("DARK", "2025-03-01", null, 300, 3);
        Path uncovered = tree.rawFrames("DARK", "2025-03-01", null, 60, 2);
        Path master = tree.dark(300);
        open("", PageCatalog.CALIBRATION);
        fx(() -> page().select(2));

        clickShown("#planButton");
        await("the plan", () -> GuiTestKit.isShown(this, "#confirmBox"));
        assertEquals(3, preview(v -> v.viewModel().clean()).counts().deletes(), "only the darks the library's master covers");
        Button approve = shown("#approveButton");
        assertTrue(fx(approve::isDisabled), "deleting needs the tick first");
        assertEquals(3, names(covered).size(), "planning deleted nothing");

        clickOn((CheckBox) shown("#confirmBox"));
        assertFalse(fx(approve::isDisabled));
        clickOn(approve);
        await("the result", () -> GuiTestKit.isShown(this, "#resultBanner"));
        assertFalse(Files.exists(covered) && !names(covered).isEmpty(), "the covered raw darks are gone");
        assertEquals(2, names(uncovered).size(), "darks no master covers stay");
        assertTrue(Files.exists(master), "the library is untouched");
    }

    @Test
    void promoteMovesTheCalibratedNightAndSaysWhyTheOtherStays() throws Exception {
        tree = new CalibrationTree(tmp);
        tree.lights("M 31", "2025-03-01", "L", 2);
        Path ready = tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-01");
        Files.copy(tree.dark(300), ready.resolve("masterDark_EXPOSURE_300.00.xisf"));
        Files.copy(tree.flat("2025-03-01", "L"), ready.resolve("masterFlat_DATE_2025-03-01_FILTER_L.xisf"));
        tree.lights("M 31", "2025-03-02", "L", 1);
        Path blocked = tree.nightFolder(CalibrationTree.C8E, "M 31", true, "2025-03-02");
        open("", PageCatalog.PROMOTE);

        clickOn("#planButton");
        await("the plan", () -> lookup("#planTiles").tryQuery().isPresent());
        MainView main = GuiTestKit.main(this);
        PromoteView promote = (PromoteView) main.page(PageCatalog.PROMOTE);
        PlanPreview plan = fx(() -> promote.viewModel().flow().previewProperty().get());
        PlanPreview.Sheet nights = plan.sheets().get(0);
        assertEquals(2, nights.rows().size());
        PlanPreview.SheetRow stays = nights.rows().stream().filter(r -> r.cells().get(1).contains("2025-03-02"))
                .findFirst().orElseThrow();
        assertEquals("stays", stays.cells().get(2));
        assertTrue(stays.cells().get(4).toLowerCase(Locale.ROOT).contains("dark"), "the reason: " + stays.cells());
        assertEquals("Move 1 night (4 files)", lookup("#approveButton").queryButton().getText());

        clickOn("#approveButton");
        await("the result", () -> lookup("#resultBanner").tryQuery().isPresent());
        Path moved = tmp.resolve("Data").resolve(CalibrationTree.C8E).resolve("20_Data").resolve("M 31").resolve("accept")
                .resolve("DATE_2025-03-01");
        assertFalse(Files.exists(ready), "the calibrated night left 10_Blink");
        assertEquals(4, TreeSnapshot.of(moved).size(), "lights and masters together in 20_Data");
        assertTrue(Files.isDirectory(blocked), "the night without masters stays");
    }

    @Test
    void integrateShowsTheGroupsFirstThenSirilMakesTheMastersIntoTheLibrary() throws Exception {
        Path siril = org.apdm.core.testing.SirilOnPath.required();
        tree = new CalibrationTree(tmp);
        Path darks = tree.rawFrames("DARK", "2025-03-01", null, 300, 5, 800, 8);
        tree.rawFrames("DARK", "2025-03-01", null, 60, 2, 800, 8);
        open("calibration:\n  integrate:\n    min_frames: 5\n    siril: '" + siril + "'\n", PageCatalog.CALIBRATION);
        fx(() -> page().select(3));
        Map<String, String> rawBefore = TreeSnapshot.of(tmp.resolve("RAW"));

        clickShown("#planButton");
        await("the plan", () -> GuiTestKit.isShown(this, "#planTiles"));
        PlanPreview plan = preview(v -> v.viewModel().integrate());
        PlanPreview.Sheet groups = plan.sheets().get(0);
        assertEquals(2, groups.rows().size(), "the 300 s darks to make and the 60 s darks skipped");
        assertEquals("would-make", groups.rows().get(0).cells().get(3));
        assertTrue(groups.rows().get(1).cells().get(4).contains("fewer than"), groups.rows().get(1).cells().toString());
        assertEquals("Make 1 master with Siril", ((Button) shown("#approveButton")).getText());
        assertFalse(Files.exists(tree.library), "planning made nothing");

        clickShown("#approveButton");
        await("the result", () -> GuiTestKit.isShown(this, "#resultBanner"));
        assertTrue(banner().startsWith("Made 1 master and archived"), banner());
        assertEquals(List.of("masterDark_EXPOSURE_300.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.fits"),
                names(tree.library.resolve("_Dark Library").resolve(CalibrationTree.C8E_CAMERA)));
        assertEquals(rawBefore, TreeSnapshot.of(tmp.resolve("RAW")), "raw frames are only read");
        assertEquals(5, names(darks).size());
    }
}
