package org.apdm.gui.dashboard;

import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.apdm.gui.GuiTestKit;
import org.apdm.gui.cull.CullView;
import org.apdm.gui.shell.MainView;
import org.apdm.gui.shell.PageCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The dashboard of a generated archive, in the window. */
class DashboardViewTest extends FxRobot {

    @TempDir
    Path tmp;
    Application app;
    ArchiveFixture archive;

    @BeforeEach
    void start() throws Exception {
        archive = new ArchiveFixture(tmp);
        app = GuiTestKit.start(GuiTestKit.options(tmp, archive.config));
        await("the archive", () -> !lookup("#totals").queryAs(javafx.scene.layout.HBox.class).getChildren().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    /** Rows of the tree as "depth name frames", in display order. */
    List<String> rows() {
        TreeTableView<DashboardViewModel.Row> t = lookup("#archiveTree").query();
        return fx(() -> {
            List<String> out = new ArrayList<>();
            walk(t.getRoot(), 0, out);
            return out;
        });
    }

    private static void walk(TreeItem<DashboardViewModel.Row> item, int depth, List<String> out) {
        for (TreeItem<DashboardViewModel.Row> c : item.getChildren()) {
            DashboardViewModel.Row r = c.getValue();
            out.add(depth + " " + r.name() + " " + r.frames() + (r.kind() == DashboardViewModel.Row.Kind.TARGET
                    ? " nights " + r.nights() + " [" + r.filters() + "] " + r.completionText() : "")
                    + (r.warning() ? " !" : ""));
            walk(c, depth + 1, out);
        }
    }

    @Test
    void showsEveryRigWithItsStagesAndTargets() {
        assertEquals(List.of(
                "0 C8E@f10.0+ZWO ASI2600MM Pro 11",
                "1 10_Blink 11",
                "2 M 31 11 nights 3 [L R] 0/3 nights",
                "0 SQA55@f5.3+ATR585M 7",
                "1 20_Data 5",
                "2 Heart Nebula 5 nights 2 [H] 1/2 nights",
                "1 70_Abandon 2 !",
                "2 Old Target 2 nights 1 [L] 0/1 nights"), rows());
    }

    @Test
    void searchAndStageFilterNarrowTheTree() {
        GuiTestKit.type(this, "#dashboardSearch", "heart");
        await("the filter", () -> rows().size() == 3);
        assertEquals(List.of("0 SQA55@f5.3+ATR585M 5", "1 20_Data 5", "2 Heart Nebula 5 nights 2 [H] 1/2 nights"), rows());

        fx(() -> lookup("#dashboardSearch").queryTextInputControl().clear());
        DashboardView view = (DashboardView) GuiTestKit.main(this).page(PageCatalog.DASHBOARD);
        fx(() -> view.viewModel().stageProperty().set("70_Abandon"));
        await("the stage filter", () -> rows().size() == 3);
        assertEquals("2 Old Target 2 nights 1 [L] 0/1 nights", rows().get(2));
    }

    @Test
    void withTargetSchedulerPlansCompletionIsAgainstThem() throws Exception {
        GuiTestKit.stop(app);
        // core's test provider plans 12 × 300 s of H for every target when the scheduler database is named so
        java.nio.file.Files.writeString(archive.config, java.nio.file.Files.readString(archive.config)
                + "scheduler:\n  database: fake-desired.sqlite\n");
        app = GuiTestKit.start(GuiTestKit.options(tmp, archive.config));
        await("the archive", () -> rows().size() == 8);
        assertEquals("2 Heart Nebula 5 nights 2 [H] 42 %", rows().get(5), "5 of 12 planned frames accepted");
        assertEquals("2 M 31 11 nights 3 [L R] 0 %", rows().get(2), "none of the planned H");
    }

    @Test
    void aQueueEntryOpensTheOperationThatResolvesIt() {
        await("the queue", () -> lookup("#next-cull").tryQuery().isPresent());
        assertTrue(lookup("#next-ingest").tryQuery().isPresent(), "files wait in RAW");
        assertTrue(lookup("#next-calibration").tryQuery().isPresent(), "nights without masters lead to calibration");
        assertTrue(lookup(".queue-item.later").tryQuery().isEmpty(), "every step of the queue has its page");

        clickOn("#next-cull");

        MainView main = GuiTestKit.main(this);
        assertEquals(PageCatalog.CULL, fx(main::current));
        CullView cull = (CullView) main.page(PageCatalog.CULL);
        await("the rig to be preselected", () -> ArchiveFixture.C8E.equals(cull.viewModel().rigProperty().get()));

        fx(() -> main.show(PageCatalog.DASHBOARD, null));
        await("the dashboard", () -> lookup("#next-calibration").tryQuery().isPresent());
        clickOn("#next-calibration");
        assertEquals(PageCatalog.CALIBRATION, fx(main::current));
        org.apdm.gui.calibration.CalibrationView calibration =
                (org.apdm.gui.calibration.CalibrationView) main.page(PageCatalog.CALIBRATION);
        await("distribute on the night's rig", () -> calibration.viewModel().rig().rigs().size() == 1);
    }
}
