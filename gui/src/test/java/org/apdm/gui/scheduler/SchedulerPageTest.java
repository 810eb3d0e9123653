package org.apdm.gui.scheduler;

import static org.apdm.gui.AcceptedArchive.isShown;
import static org.apdm.gui.AcceptedArchive.shown;
import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.core.testing.TreeSnapshot;
import org.apdm.gui.AcceptedArchive;
import org.apdm.gui.GuiTestKit;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.shell.PageCatalog;
import org.apdm.nina.ProjectState;
import org.apdm.nina.SampleSchedulerDatabase;
import org.apdm.nina.SchedulerSnapshot;
import org.apdm.nina.SchedulerSyncOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The Target Scheduler page on the demo's sample database: the whole diff first with the file untouched, then the
 * backup and the write; a database of another shape gives the operation's message, not a stack trace.
 */
class SchedulerPageTest extends FxRobot {

    @TempDir
    Path tmp;
    Application app;
    AcceptedArchive archive;

    @BeforeEach
    void archive() throws Exception {
        archive = new AcceptedArchive(tmp);
        archive.profile(DemoWorkspace.C8E_PROFILE_ID, AcceptedArchive.C8E, "L", "R", "G", "B");
        archive.recordWithTheCommandLinesOperations();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    void open() throws Exception {
        app = GuiTestKit.start(GuiTestKit.options(tmp, archive.config));
        await("the main window", () -> lookup("#nav-scheduler").tryQuery().isPresent());
        clickOn("#nav-scheduler");
        await("the scheduler page", () -> lookup("#schedulerPage").tryQuery().isPresent());
    }

    Map<String, SchedulerSnapshot.Plan> plans() throws Exception {
        ApdmConfig c = archive.load();
        return new SchedulerSyncOperation(c, Clock.systemDefaultZone()).scheduler(archive.scheduler).read().plans()
                .stream().collect(Collectors.toMap(SchedulerSnapshot.Plan::templateName, p -> p));
    }

    @Test
    void theDiffComesFirstThenTheSyncBacksUpAndWrites() throws Exception {
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.create(archive.scheduler)) {
            String id = DemoWorkspace.C8E_PROFILE_ID;
            long m81 = db.target(db.project(id, "M 81+LRGB", ProjectState.ACTIVE, false, false), "M 81", 9.926, 69.065);
            for (String f : List.of("L", "R", "G")) {
                db.plan(id, m81, db.template(id, f, f, 120), -1, 10, 0, 0);
            }
        }
        Map<String, String> before = TreeSnapshot.of(archive.scheduler.getParent());
        open();
        clickOn(AcceptedArchive.<Button>shown(this, "#planButton"));
        await("the plan", () -> isShown(this, "#planTiles"));

        SchedulerView page = (SchedulerView) GuiTestKit.main(this).page(PageCatalog.SCHEDULER);
        PlanPreview p = fx(() -> page.viewModel().sync().previewProperty().get());
        PlanPreview.Sheet changes = p.sheets().get(0);
        List<String> diff = changes.rows().stream().map(r -> String.join(" | ", r.cells().subList(0, 5))).toList();
        assertTrue(diff.contains("M 81+LRGB | M 81 | L 120 s | accepted | 0 → 5"), diff.toString());
        assertTrue(diff.contains("M 81+LRGB | M 81 | R 120 s | accepted | 0 → 3"), diff.toString());
        assertTrue(diff.stream().noneMatch(d -> d.contains("| G 120 s |")), "G has no accepted frames: " + diff);
        assertEquals(2, p.actions(), "two plans change");
        assertTrue(p.sheets().get(p.sheets().size() - 1).rows().stream().anyMatch(r -> r.cells().get(2).equals("G 120 s")
                && r.cells().get(3).startsWith("no accepted frames")), "G is left alone, with the reason");
        assertEquals(before, TreeSnapshot.of(archive.scheduler.getParent()), "planning changes nothing");

        clickOn(AcceptedArchive.<Button>shown(this, "#approveButton"));
        await("the result", () -> isShown(this, "#resultBanner"));

        HBox b = shown(this, "#resultBanner");
        String banner = fx(() -> ((Label) b.getChildren().get(0)).getText());
        assertTrue(banner.startsWith("Wrote 2 plan(s) and 0 project state(s); backup of the previous file: "), banner);
        Map<String, SchedulerSnapshot.Plan> plans = plans();
        assertEquals(5, plans.get("L").accepted());
        assertEquals(3, plans.get("R").accepted());
        assertEquals(0, plans.get("G").accepted(), "a plan without accepted frames is left alone");
        try (Stream<Path> s = Files.list(SchedulerSyncOperation.defaultBackupDir(archive.load()))) {
            assertEquals(1, s.count(), "a backup was taken before writing");
        }

        fx(() -> page.select(1));
        clickOn("#schedulerRefresh");
        await("the status", () -> page.viewModel().statusProperty().get() != null);
        List<List<String>> status = fx(() -> page.viewModel().statusProperty().get().rows().stream()
                .map(PlanPreview.SheetRow::cells).toList());
        assertTrue(status.stream().anyMatch(r -> r.get(2).equals("L 120 s") && r.get(3).equals("10") && r.get(5).equals("5")
                && r.get(6).equals("5") && r.get(8).equals("in step")), status.toString());
    }

    @Test
    void aDatabaseOfAnotherShapeShowsWhatIsWrong() throws Exception {
        Files.write(archive.scheduler, new byte[0]);
        open();
        clickOn(AcceptedArchive.<Button>shown(this, "#planButton"));
        await("the error", () -> isShown(this, "#errorBanner"));
        HBox b = shown(this, "#errorBanner");
        String error = fx(() -> ((Label) b.getChildren().get(0)).getText());
        assertTrue(error.startsWith(archive.scheduler + " is not") && error.contains("missing")
                && error.contains("Nothing was changed"), error);
        assertEquals(0, Files.size(archive.scheduler), "the file is left as it was");
    }
}
