package org.apdm.gui;

import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.core.demo.SampleFiles;
import org.apdm.gui.cull.CullView;
import org.apdm.gui.cull.CullViewModel;
import org.apdm.gui.cull.GroupReview;
import org.apdm.gui.shell.PageCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the README's screenshots from a real window: run under Xvfb (see docs/screenshots/README.md). Works on the
 * demo workspace, with a few older targets added so every stage of the dashboard has something in it.
 */
@EnabledIfSystemProperty(named = "apdm.screenshots", matches = ".+")
class ScreenshotTour extends FxRobot {

    @TempDir
    Path tmp;

    @Test
    void tour() throws Exception {
        Path out = Path.of(System.getProperty("apdm.screenshots"));
        Files.createDirectories(out);
        Application welcome = GuiTestKit.start(GuiTestKit.options(tmp, null));
        try {
            fill(GuiTestKit.stage());
            await("the welcome page", () -> lookup("#saveFirstRun").tryQuery().isPresent());
            GuiTestKit.type(this, "#rawField", "/home/astro/Astrophotography/RAW");
            GuiTestKit.type(this, "#dataField", "/home/astro/Astrophotography/Data");
            await("the folders to be checked", () -> !lookup("#saveFirstRun").queryButton().isDisabled());
            shoot(out.resolve("first-run.png"));
        } finally {
            GuiTestKit.stop(welcome);
        }
        DemoWorkspace.Layout demo = DemoWorkspace.create(tmp.resolve("apdm-demo"));
        olderTargets(demo.data());
        Application app = GuiTestKit.start(GuiTestKit.options(tmp, demo.config()));
        try {
            fill(GuiTestKit.stage());
            await("the main window", () -> lookup("#nav-ingest").tryQuery().isPresent());

            clickOn("#nav-ingest");
            clickOn("#planButton");
            await("the plan", () -> lookup("#planTiles").tryQuery().isPresent());
            await("the plan's tables", () -> lookup("#planTabs").tryQuery().isPresent());
            javafx.scene.control.TabPane tabs = lookup("#planTabs").query();
            fx(() -> tabs.getSelectionModel().select(1));
            shoot(out.resolve("ingest-plan.png"));
            clickOn("#approveButton");
            await("the result", () -> lookup("#resultBanner").tryQuery().isPresent());
            javafx.scene.control.TabPane resultTabs = GuiTestKit.fx(() -> (javafx.scene.control.TabPane) lookup(".tab-pane").queryAll()
                    .stream().filter(n -> n.isVisible()).reduce((a, b) -> b).orElseThrow());
            shoot(out.resolve("ingest-result.png"));

            // PixInsight's masters (as the demo simulates them), archived, then the distribution's plan
            org.apdm.core.demo.DemoMasters.write(demo.root().resolve("PixInsight").resolve("master"));
            clickOn("#nav-calibration");
            clickOn((javafx.scene.Node) GuiTestKit.shown(this, "#planButton"));
            await("the archive plan", () -> GuiTestKit.isShown(this, "#approveButton"));
            clickOn((javafx.scene.Node) GuiTestKit.shown(this, "#approveButton"));
            await("the archive", () -> GuiTestKit.isShown(this, "#resultBanner"));
            clickOn("2  Distribute");
            clickOn((javafx.scene.Node) GuiTestKit.shown(this, "#planButton"));
            await("the distribution plan", () -> GuiTestKit.isShown(this, "#planTabs"));
            shoot(out.resolve("calibration-distribute.png"));

            clickOn("#nav-dashboard");
            clickOn("#refreshButton");
            await("the archive", () -> lookup("#totals").tryQuery().isPresent() && !lookup("#refreshButton").queryButton().isDisabled());
            shoot(out.resolve("dashboard.png"));

            clickOn("#nav-cull");
            clickOn("#checkButton");
            await("the review", () -> lookup("#groupReview").tryQuery().isPresent());
            CullViewModel vm = ((CullView) GuiTestKit.main(this).page(PageCatalog.CULL)).viewModel();
            GroupReview widest = fx(() -> vm.reviews().stream().filter(GroupReview::needsDecision)
                    .max((a, b) -> Integer.compare(a.checked().total(), b.checked().total())).orElse(vm.reviews().get(0)));
            fx(() -> vm.selectedProperty().set(widest));
            WaitForAsyncUtils.waitForFxEvents();
            shoot(out.resolve("cull-review.png"));

            dataPages(demo);

            clickOn("#nav-settings");
            clickOn("Rigs");
            clickOn("Customise C8E@f10.0+ZWO ASI2600MM Pro");
            WaitForAsyncUtils.waitForFxEvents();
            shoot(out.resolve("settings.png"));
        } finally {
            GuiTestKit.stop(app);
        }
    }

    /** The blink page (`apdm blink FOLDER`) on a night of generated star fields, seeing getting worse frame by frame. */
    @Test
    void blinkPage() throws Exception {
        Path data = tmp.resolve("Data");
        Path group = new org.apdm.core.testing.BlinkTree(data).group(org.apdm.core.testing.BlinkTree.C8E, "M 31",
                "2025-01-01", "L");
        for (int i = 0; i < 8; i++) {
            org.apdm.core.image.StarField.Spec spec = new org.apdm.core.image.StarField.Spec(1560, 1044,
                    org.apdm.core.image.StarField.Profile.MOFFAT, 2.6 + 0.3 * i, 2.6 + 0.25 * i, 0, 4.765, 60, 2000,
                    30000, 1200, 300, 25, 0, i);
            org.apdm.core.image.ImageWriter.write(group.resolve(String.format(
                    "2025-01-01_21-%02d-00_HFR_%.2f_STARS_%d_TEMP_-10.00.fits", i * 5, 1.9 + 0.2 * i, 900 - 40 * i)),
                    org.apdm.core.image.ImageWriter.fits(org.apdm.core.image.StarField.generate(spec).image(), 16,
                            Map.of("IMAGETYP", "LIGHT", "FILTER", "L")));
        }
        Path config = tmp.resolve("blink.yaml");
        Files.writeString(config, "roots:\n  data: Data\n  reject: Reject\nstate_dir: state\n");
        Application app = GuiTestKit.start(GuiTestKit.options(tmp, config).withBlinkFolder(group));
        try {
            fill(GuiTestKit.stage());
            await("the first frame", () -> fx(() -> ((javafx.scene.image.ImageView) lookup("#blinkImage").query())
                    .getImage()) != null);
            shoot(Path.of(System.getProperty("apdm.screenshots")).resolve("blink.png"));
        } finally {
            GuiTestKit.stop(app);
        }
    }

    /**
     * The database, report and scheduler pages: the demo's profiles imported, the accepted frames of the older targets
     * recorded, the report previewed, and a sync planned against a sample Target Scheduler database.
     */
    private void dataPages(DemoWorkspace.Layout demo) throws Exception {
        clickOn("#nav-database");
        fx(() -> ((org.apdm.gui.database.DatabaseView) GuiTestKit.main(this).page(PageCatalog.DATABASE)).select(1));
        clickOn(AcceptedArchive.<javafx.scene.Node>shown(this, "#planButton"));
        await("the profiles", () -> AcceptedArchive.isShown(this, "#planTiles"));
        clickOn(AcceptedArchive.<javafx.scene.Node>shown(this, "#approveButton"));
        await("the import", () -> AcceptedArchive.isShown(this, "#resultBanner"));
        fx(() -> ((org.apdm.gui.database.DatabaseView) GuiTestKit.main(this).page(PageCatalog.DATABASE)).select(0));
        clickOn(AcceptedArchive.<javafx.scene.Node>shown(this, "#planButton"));
        await("the update plan", () -> AcceptedArchive.isShown(this, "#planTabs"));
        shoot(Path.of(System.getProperty("apdm.screenshots")).resolve("database-update.png"));
        clickOn(AcceptedArchive.<javafx.scene.Node>shown(this, "#approveButton"));
        await("the update", () -> AcceptedArchive.isShown(this, "#resultBanner"));

        clickOn("#nav-report");
        clickOn(AcceptedArchive.<javafx.scene.Node>shown(this, "#planButton"));
        await("the report preview", () -> AcceptedArchive.isShown(this, "#planTabs"));
        shoot(Path.of(System.getProperty("apdm.screenshots")).resolve("report-preview.png"));

        Path ts = demo.root().resolve("NINA").resolve("SchedulerPlugin").resolve("schedulerdb.sqlite");
        try (org.apdm.nina.SampleSchedulerDatabase db = org.apdm.nina.SampleSchedulerDatabase.create(ts)) {
            String c8e = DemoWorkspace.C8E_PROFILE_ID;
            for (String target : new String[] {"NGC 2403", "M 101"}) {
                long t = db.target(db.project(c8e, target + "+LRGB", org.apdm.nina.ProjectState.ACTIVE, false, true),
                        target, 7.6, 65.6);
                for (String f : new String[] {"L", "R", "G", "B"}) {
                    db.plan(c8e, t, db.template(c8e, target + " " + f, f, 300), -1, 120, 0, 0);
                }
            }
        }
        clickOn("#nav-scheduler");
        clickOn(AcceptedArchive.<javafx.scene.Node>shown(this, "#planButton"));
        await("the sync plan", () -> AcceptedArchive.isShown(this, "#planTabs"));
        shoot(Path.of(System.getProperty("apdm.screenshots")).resolve("scheduler-sync.png"));
    }

    private static void fill(Stage stage) {
        fx(() -> {
            var b = Screen.getPrimary().getBounds();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
        });
    }

    /** A few targets further along, so the dashboard shows every stage. */
    static void olderTargets(Path data) throws IOException {
        String c8e = "C8E@f10.0+ZWO ASI2600MM Pro";
        String sqa = "SQA55@f5.3+ATR585M";
        target(data, c8e, "20_Data", "NGC 2403", new String[] {"L", "R", "G", "B"}, 3, 24, true);
        target(data, c8e, "30_Master", "M 101", new String[] {"L", "R", "G", "B"}, 5, 30, true);
        target(data, c8e, "60_Done", "M 51", new String[] {"L", "R", "G", "B"}, 4, 20, true);
        target(data, sqa, "20_Data", "Veil Nebula", new String[] {"H", "O", "S"}, 4, 18, false);
        target(data, sqa, "40_Process", "Rosette Nebula", new String[] {"H", "O", "S"}, 6, 16, true);
        target(data, sqa, "50_Bake", "Pelican Nebula", new String[] {"H", "O"}, 3, 22, true);
    }

    private static void target(Path data, String rig, String stage, String target, String[] filters, int nights,
                               int perFilter, boolean calibrated) throws IOException {
        for (int n = 0; n < nights; n++) {
            Path night = data.resolve(rig).resolve(stage).resolve(target).resolve("accept")
                    .resolve(String.format("DATE_2024-%02d-%02d", 3 + n, 10 + n));
            for (String f : filters) {
                Path group = night.resolve("FILTER_" + f + "_EXP_300.00_SETTEMP_-10.00");
                for (int i = 0; i < perFilter; i++) {
                    SampleFiles.writeFits(group.resolve(String.format("2024-%02d-%02d_2%d-%02d-00_HFR_2.80.fits", 3 + n, 10 + n,
                            i / 60, i % 60)), Map.of("IMAGETYP", "LIGHT", "FILTER", f));
                }
            }
            if (calibrated || n % 2 == 0) {
                SampleFiles.writeFits(night.resolve("masterDark_EXP_300.00.xisf"), Map.of("IMAGETYP", "MASTERDARK"));
                SampleFiles.writeFits(night.resolve("masterFlat.xisf"), Map.of("IMAGETYP", "MASTERFLAT"));
            }
        }
    }

    /** The whole screen (the window fills it) from the X server, as a user would see it. */
    private void shoot(Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("import failed for " + file);
        }
    }
}
