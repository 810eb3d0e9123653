package org.apdm.gui.database;

import static org.apdm.gui.AcceptedArchive.isShown;
import static org.apdm.gui.AcceptedArchive.shown;
import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.apdm.db.AcceptedRow;
import org.apdm.db.ProfileRepository;
import org.apdm.gui.AcceptedArchive;
import org.apdm.gui.GuiTestKit;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.shell.PageCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The database page: {@code db update} shows its planned rows and writes exactly them after approval, and the profile
 * import asks about a badly named profile (import under a rig name, or skip) before it imports the others.
 */
class DatabasePageTest extends FxRobot {

    static final String WELL_NAMED = "01333553-3f50-4985-83f1-2c906ad25bf1";
    static final String BADLY_NAMED = "8c4179b3-edf2-40d2-8a3a-b13d15cc49d5";

    @TempDir
    Path tmp;
    Application app;
    AcceptedArchive archive;

    @BeforeEach
    void start() throws Exception {
        archive = new AcceptedArchive(tmp);
        app = GuiTestKit.start(GuiTestKit.options(tmp, archive.config));
        await("the main window", () -> lookup("#nav-database").tryQuery().isPresent());
        clickOn("#nav-database");
        await("the database page", () -> lookup("#databasePage").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    DatabaseView page() {
        return (DatabaseView) GuiTestKit.main(this).page(PageCatalog.DATABASE);
    }

    String banner() {
        HBox b = shown(this, "#resultBanner");
        return fx(() -> ((Label) b.getChildren().get(0)).getText());
    }

    @Test
    void updateShowsThePlannedRowsAndWritesExactlyThemAfterApproval() throws Exception {
        clickOn(AcceptedArchive.<Button>shown(this, "#planButton"));
        await("the plan", () -> isShown(this, "#planTiles"));

        PlanPreview p = fx(() -> page().viewModel().update().previewProperty().get());
        assertEquals(3, p.actions(), "one row per folder of accepted lights: M 81 L and R, Heart Nebula H");
        assertEquals("3", p.tiles().get(0).value());
        assertEquals("to insert", p.tiles().get(0).label());
        PlanPreview.Sheet changes = p.sheets().get(0);
        assertEquals(List.of("insert C8E@f10.0+ZWO ASI2600MM Pro M 81 L 2025-03-01 – → 5",
                        "insert C8E@f10.0+ZWO ASI2600MM Pro M 81 R 2025-03-01 – → 3",
                        "insert SQA55@f5.3+ATR585M Heart Nebula H 2025-03-02 – → 2"),
                changes.rows().stream().map(r -> String.join(" ", r.cells().subList(0, 6))).sorted().toList());
        assertEquals(List.of(), archive.rows(), "planning writes nothing");
        assertEquals("Write 3 changes to the database", fx(() -> AcceptedArchive.<Button>shown(this, "#approveButton").getText()));

        clickOn(AcceptedArchive.<Button>shown(this, "#approveButton"));
        await("the result", () -> isShown(this, "#resultBanner"));

        assertTrue(banner().startsWith("Wrote 3 changes to " + archive.database), banner());
        List<AcceptedRow> rows = archive.rows();
        assertEquals(List.of("H 2", "L 5", "R 3"), rows.stream().map(r -> r.filter() + " " + r.count()).sorted().toList());
        List<String> log = fx(() -> GuiTestKit.main(this).logLines());
        assertTrue(log.stream().anyMatch(l -> l.contains("  inserted         3")), "the command line's words: " + log);
    }

    void planProfilesAndAnswer(boolean importAs) {
        fx(() -> page().select(1));
        clickOn(AcceptedArchive.<Button>shown(this, "#planButton"));
        await("the question about the badly named profile", () -> lookup("#profileNameDialog").tryQuery().isPresent());
        if (importAs) {
            javafx.scene.control.TextField rig = lookup("#profileRigName").queryAs(javafx.scene.control.TextField.class);
            // the dialog is a window of its own, which the headless robot's keys do not reach: the text goes in directly
            fx(() -> rig.setText("C8E@f10.0 ZWO"));
            await("an invalid rig name refused", () -> lookup("#profileNameOk").queryButton().isDisabled());
            fx(() -> rig.setText("C8E@f10.0+ZWO ASI2600MM Pro"));
            await("a valid rig name", () -> !lookup("#profileNameOk").queryButton().isDisabled());
        }
        clickOn("#profileNameOk");
        await("the plan", () -> isShown(this, "#planTiles"));
    }

    @Test
    void aBadlyNamedProfileIsImportedUnderTheRigNameTheUserGives() throws Exception {
        archive.profile(WELL_NAMED, "SQA55@f5.3+ATR585M", "Ha", "O3", "S2");
        archive.profile(BADLY_NAMED, "My C8 with the 2600", "L", "R", "G", "B");
        planProfilesAndAnswer(true);

        PlanPreview p = fx(() -> page().viewModel().profiles().previewProperty().get());
        assertEquals(2, p.actions(), "both profiles are imported");
        assertTrue(p.notes().contains("The profile \"My C8 with the 2600\" is imported as the rig "
                + "C8E@f10.0+ZWO ASI2600MM Pro (your answer)."), p.notes().toString());
        assertEquals(List.of(), archive.profileRows(), "the plan imports nothing");

        clickOn(AcceptedArchive.<Button>shown(this, "#approveButton"));
        await("the result", () -> isShown(this, "#resultBanner"));

        assertEquals("Imported 2 profiles as rigs.", banner());
        List<String> rigs = archive.profileRows().stream().map(x -> x.id() + " " + x.rig()).sorted().toList();
        assertEquals(List.of(WELL_NAMED + " SQA55@f5.3+ATR585M", BADLY_NAMED + " C8E@f10.0+ZWO ASI2600MM Pro"), rigs);
    }

    @Test
    void aBadlyNamedProfileTheUserSkipsIsLeftOutAndTheOthersAreImported() throws Exception {
        archive.profile(WELL_NAMED, "SQA55@f5.3+ATR585M", "Ha", "O3", "S2");
        archive.profile(BADLY_NAMED, "My C8 with the 2600", "L", "R", "G", "B");
        planProfilesAndAnswer(false);

        PlanPreview p = fx(() -> page().viewModel().profiles().previewProperty().get());
        assertEquals(1, p.actions());
        PlanPreview.SheetRow skipped = p.sheets().get(0).rows().stream().filter(PlanPreview.SheetRow::problem)
                .findFirst().orElseThrow();
        assertEquals("skipped (your answer)", skipped.cells().get(1));
        assertTrue(skipped.cells().get(3).contains("is not <optic>@f<ratio>+<camera>"), skipped.cells().toString());

        clickOn(AcceptedArchive.<Button>shown(this, "#approveButton"));
        await("the result", () -> isShown(this, "#resultBanner"));

        assertEquals("Imported 1 profile as a rig; 1 left out, each listed with the reason.", banner());
        assertEquals(List.of(WELL_NAMED), archive.profileRows().stream().map(ProfileRepository.Profile::id).toList());
    }
}
