package org.apdm.gui.dashboard;

import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.ListView;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.gui.GuiTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The dashboard's Run button over the demo workspace: plan first, then progress per rig and step, then the gates. */
class RunPanelTest extends FxRobot {

    @TempDir
    Path tmp;
    Application app;
    DemoWorkspace.Layout demo;

    @BeforeEach
    void start() throws Exception {
        demo = DemoWorkspace.create(tmp.resolve("demo"));
        app = GuiTestKit.start(GuiTestKit.options(tmp, demo.config()));
        await("the dashboard", () -> lookup("#runButton").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    List<String> items(String id) {
        ListView<String> l = lookup(id).query();
        return fx(() -> List.copyOf(l.getItems()));
    }

    @Test
    void runShowsThePlanFirstThenProgressPerRigAndStepThenTheGates() throws Exception {
        clickOn("#runButton");
        await("the plan", () -> !items("#runPlan").isEmpty());
        assertTrue(items("#runPlan").stream().anyMatch(l -> l.matches("all rigs · ingest: \\d+ file\\(s\\)")),
                items("#runPlan").toString());
        assertTrue(items("#runProgress").isEmpty(), "nothing ran before Start");
        assertTrue(Files.exists(demo.raw().resolve("BIAS")), "the plan changes nothing");

        clickOn("#runStart");
        await("the gates", () -> !items("#runGates").isEmpty());
        List<String> progress = items("#runProgress");
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("ingest: ")), progress.toString());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("C8E@f10.0+ZWO ASI2600MM Pro/cull: ")), progress.toString());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("SQA55@f5.3+ATR585M/promote: ")), progress.toString());
        assertTrue(items("#runGates").stream().anyMatch(g -> g.startsWith("blink: rig ") && g.contains("Cull page")),
                items("#runGates").toString());
        String status = fx(() -> lookup("#runStatus").queryLabeled().getText());
        assertTrue(status.equals("Done up to the gates below."), status);
    }
}
