package org.apdm.gui.firstrun;

import static org.apdm.gui.GuiTestKit.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.gui.GuiTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The first start: no configuration file; the user names his folders or asks for the demo. */
class FirstRunTest extends FxRobot {

    @TempDir
    Path tmp;
    Application app;

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    Path configFile() {
        return tmp.resolve("user-config").resolve("config.yaml");
    }

    ApdmConfig readBack() throws Exception {
        return ConfigLoader.load(null, new ConfigLocations(configFile(), tmp.resolve("user-data")), Map.of());
    }

    @Test
    void chosenFoldersAreWrittenToTheFileTheCommandLineReadsWithTheExamplesComments() throws Exception {
        Path raw = Files.createDirectories(tmp.resolve("Astro").resolve("RAW"));
        Path data = tmp.resolve("Astro").resolve("Data");
        app = GuiTestKit.start(GuiTestKit.options(tmp, null));

        Button save = lookup("#saveFirstRun").queryButton();
        assertTrue(save.isDisabled(), "nothing to save before the folders are named");
        GuiTestKit.type(this, "#rawField", raw.toString());
        GuiTestKit.type(this, "#dataField", data.toString());
        assertEquals(tmp.resolve("Astro").resolve("Reject").toString(), lookup("#rejectField").queryAs(TextField.class).getText(),
                "the reject folder is suggested beside the data folder");
        clickOn("#saveFirstRun");

        await("the dashboard", () -> lookup("#archiveTree").tryQuery().isPresent());
        ApdmConfig c = readBack();
        assertEquals(raw, c.roots().raw());
        assertEquals(data, c.roots().data());
        assertEquals(tmp.resolve("Astro").resolve("Reject"), c.roots().reject());
        String text = Files.readString(configFile());
        assertTrue(text.contains("# Where N.I.N.A. writes frames. `apdm ingest` sorts everything below it."), "comments kept");
        assertTrue(text.contains("  raw: " + raw), text);
    }

    @Test
    void dataInsideRawIsRefusedWithTheConfigurationsOwnMessage() throws Exception {
        Path raw = Files.createDirectories(tmp.resolve("RAW"));
        app = GuiTestKit.start(GuiTestKit.options(tmp, null));

        GuiTestKit.type(this, "#rawField", raw.toString());
        GuiTestKit.type(this, "#dataField", raw.resolve("Data").toString());

        await("the problem", () -> lookup(".field-problem").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().contains("must not be inside roots.raw")));
        assertTrue(lookup("#saveFirstRun").queryButton().isDisabled());
        assertFalse(Files.exists(configFile()));
    }

    @Test
    void theDemoWorkspaceIsCreatedAndOpened() throws Exception {
        Path demo = tmp.resolve("my-demo");
        app = GuiTestKit.start(GuiTestKit.options(tmp, null));

        TextField field = lookup("#demoField").queryAs(TextField.class);
        GuiTestKit.fx(() -> field.setText(demo.toString()));
        clickOn("#createDemo");

        await("the dashboard", () -> lookup("#archiveTree").tryQuery().isPresent());
        ApdmConfig c = readBack();
        assertEquals(demo.resolve("RAW"), c.roots().raw());
        assertEquals(demo.resolve("Data"), c.roots().data());
        assertTrue(Files.isDirectory(demo.resolve("RAW").resolve("M 81")), "the sample N.I.N.A. dump is there");
        await("the queue offers the ingest", () -> lookup("#next-ingest").tryQuery().isPresent());
    }
}
