package org.apdm.gui.ingest;

import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.ingest.IngestOperation;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.TreeSnapshot;
import org.apdm.gui.AppContext;
import org.apdm.gui.GuiTestKit;
import org.apdm.gui.log.LogEntry;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.shell.PageCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Ingest in the window: the plan first, the run only after approval, then the result; and a cancel in the middle. */
class IngestFlowTest extends FxRobot {

    @TempDir
    Path tmp;
    Application app;
    DemoWorkspace.Layout demo;
    List<String> before;

    @BeforeEach
    void dump() throws Exception {
        demo = DemoWorkspace.create(tmp.resolve("demo"));
        before = contents();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    /** The bytes of every file in RAW and Data together: what must survive any run. */
    List<String> contents() throws Exception {
        List<String> all = new ArrayList<>(TreeSnapshot.of(demo.raw()).values());
        all.addAll(TreeSnapshot.of(demo.data()).values());
        Collections.sort(all);
        return all;
    }

    IngestView page() {
        return (IngestView) GuiTestKit.main(this).page(PageCatalog.INGEST);
    }

    void openAndPlan(AppContext.Options options) throws Exception {
        app = GuiTestKit.start(options);
        await("the main window", () -> lookup("#nav-ingest").tryQuery().isPresent());
        clickOn("#nav-ingest");
        clickOn("#planButton");
        await("the plan", () -> lookup("#planTiles").tryQuery().isPresent());
    }

    @Test
    void thePlanIsTheCoresPlanAndRunsOnlyAfterApproval() throws Exception {
        ApdmConfig config = ConfigLoader.load(demo.config(), GuiTestKit.options(tmp, null).locations(), Map.of());
        IngestOperation.Prepared expected = new IngestOperation(config, new FileEngine(EngineSettings.of(tmp.resolve("probe"))))
                .prepare(IngestSteps.request(config), ProgressListener.NONE, CancellationToken.none());
        openAndPlan(GuiTestKit.options(tmp, demo.config()));

        PlanPreview p = fx(() -> page().flow().previewProperty().get());
        assertEquals(expected.planned().plan().count(FileOperation.Move.class), p.counts().moves());
        assertEquals(expected.planned().plan().leftBehind().size(), p.counts().leftBehind());
        assertEquals(before, contents(), "planning changed no file");
        assertEquals("Move " + p.counts().moves() + " files", lookup("#approveButton").queryButton().getText());

        javafx.scene.control.TabPane tabs = lookup("#planTabs").query();
        fx(() -> tabs.getSelectionModel().select(2));
        await("the left-behind table", () -> lookup("#planLeftBehind").tryQuery().isPresent());
        GuiTestKit.type(this, "#planSearch", "truncated");
        TableView<PlanPreview.LeftRow> left = lookup("#planLeftBehind").query();
        await("the search", () -> left.getItems().size() == 1);
        assertTrue(fx(() -> left.getItems().get(0).reason()).toLowerCase().contains("truncated"),
                fx(() -> left.getItems().get(0).reason()));

        clickOn("#approveButton");
        await("the result", () -> lookup("#resultBanner").tryQuery().isPresent());

        assertEquals(OperationFlow.Stage.DONE, fx(() -> page().flow().stageProperty().get()));
        String banner = fx(() -> lookup("#resultBanner .label").queryAs(Label.class).getText());
        assertTrue(banner.startsWith("Done: " + p.counts().moves() + " files. " + p.counts().leftBehind() + " stay where they were"),
                banner);
        assertEquals(before, contents(), "every file exists exactly once, in RAW or in Data");
        try (Stream<Path> s = Files.walk(demo.data())) {
            assertTrue(s.anyMatch(f -> f.toString().contains("10_Blink") && f.toString().endsWith(".fits")));
        }
        List<String> log = fx(() -> GuiTestKit.main(this).logLines());
        assertTrue(log.contains("Ingest " + demo.raw()), "the command line's summary heading: " + log);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("  moved        ") && l.contains("(planned: BIAS")), log.toString());
    }

    @Test
    void aCaptureFolderOfTheConfigurationIsPlannedAndSortedWithTheRawFolder() throws Exception {
        Path card = tmp.resolve("dwarf-card");
        Map<String, Object> h = new java.util.LinkedHashMap<>();
        h.put("TELESCOP", "DWARF 3");
        h.put("INSTRUME", "DWARF 3");
        h.put("OBJECT", "M 42");
        h.put("FILTER", "Astro");
        h.put("EXPTIME", 15.0);
        h.put("GAIN", 60);
        h.put("DATE-OBS", "2025-04-14T00:31:10.677");
        org.apdm.core.demo.SampleFiles.writeFits(card.resolve(
                "DWARF_RAW_TELE_M 42_EXP_15_GAIN_60_2025-04-13-19-31-00-000/M 42_15s60_Astro_20250413-193110677_27C.fits"), h);
        Files.writeString(demo.config(), Files.readString(demo.config())
                + "\ningest:\n  sources:\n    - path: " + card + "\n");
        app = GuiTestKit.start(GuiTestKit.options(tmp, demo.config()));
        await("the main window", () -> lookup("#nav-ingest").tryQuery().isPresent());
        clickOn("#nav-ingest");
        await("the folders card", () -> lookup("#ingestSource").tryQuery().isPresent());
        assertEquals(card + "  (auto)", lookup("#ingestSource").queryAs(Label.class).getText(),
                "the page says where else it reads from before anything is planned");
        clickOn("#planButton");
        await("the plan", () -> lookup("#planTiles").tryQuery().isPresent());

        PlanPreview p = fx(() -> page().flow().previewProperty().get());
        assertTrue(p.summaryLines().stream().anyMatch(l -> l.startsWith("  read as") && l.contains("DWARF 3 1")),
                p.summaryLines().toString());
        clickOn("#approveButton");
        await("the result", () -> lookup("#resultBanner").tryQuery().isPresent());
        try (Stream<Path> s = Files.walk(demo.data().resolve("DWARFIII@f4.3+DWARFIII/10_Blink/M 42"))) {
            assertTrue(s.anyMatch(f -> f.toString().endsWith(".fits")), "the DWARF frame is in the DWARFIII rig");
        }
    }

    @Test
    void cancelInTheMiddleStopsAfterTheCurrentFileAndLosesNothing() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger steps = new AtomicInteger();
        AppContext.Options options = GuiTestKit.options(tmp, demo.config()).withEngines(c -> new FileEngine(
                EngineSettings.of(c.stateDir()).withProbe(point -> {
                    if (point.equals("step-start") && steps.incrementAndGet() == 5) {
                        reached.countDown();
                        try {
                            release.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                })));
        openAndPlan(options);
        long planned = fx(() -> page().flow().previewProperty().get().counts().moves());

        clickOn("#approveButton");
        assertTrue(reached.await(20, TimeUnit.SECONDS), "the run reached its fifth file");
        await("the progress", () -> lookup("#cancelButton").tryQuery().isPresent());
        clickOn("#cancelButton");
        await("cancel to be asked", () -> lookup("#cancelButton").queryButton().isDisabled());
        release.countDown();
        await("the result", () -> lookup("#resultBanner").tryQuery().isPresent());

        String banner = fx(() -> lookup("#resultBanner .label").queryAs(Label.class).getText());
        assertTrue(banner.startsWith("Cancelled after 5 files."), banner);
        assertEquals(before, contents(), "nothing lost, nothing doubled");
        try (Stream<Path> s = Files.walk(demo.root().resolve(".apdm"))) {
            assertFalse(s.anyMatch(f -> f.getFileName().toString().endsWith(".journal")), "no journal left open");
        }
        assertTrue(planned > 5);
        List<LogEntry> log = fx(() -> List.copyOf(GuiTestKit.main(this).log().entries()));
        assertTrue(log.stream().anyMatch(e -> e.line().startsWith("  not run    ") && e.line().contains("cancelled")),
                log.toString());
    }
}
