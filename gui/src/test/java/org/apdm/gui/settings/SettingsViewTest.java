package org.apdm.gui.settings;

import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.apdm.core.config.ConfigLoader;
import org.apdm.gui.GuiTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Settings are checked as they are typed, by the configuration's own validation, and saved with the comments kept. */
class SettingsViewTest extends FxRobot {

    static final String C8E = "C8E@f10.0+ZWO ASI2600MM Pro";

    @TempDir
    Path tmp;
    Application app;
    Path config;
    String original;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(tmp.resolve("RAW"));
        config = tmp.resolve("config.yaml");
        original = ConfigDocument.of(ConfigLoader.exampleConfig())
                .with(List.of("roots", "raw"), tmp.resolve("RAW").toString())
                .with(List.of("roots", "data"), tmp.resolve("Data").toString())
                .with(List.of("roots", "reject"), tmp.resolve("Reject").toString()).text();
        Files.writeString(config, original, StandardCharsets.UTF_8);
        app = GuiTestKit.start(GuiTestKit.options(tmp, config));
        await("the main window", () -> lookup("#nav-settings").tryQuery().isPresent());
        clickOn("#nav-settings");
        clickOn("Rigs");
        await("the rig form", () -> lookup("#field-rigs__C8E_f10_0_ZWO_ASI2600MM_Pro__cull_0__max_hfr").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    String problem(String id) {
        return fx(() -> lookup("#problem-" + id).queryAs(Label.class).getText());
    }

    @Test
    void aWrongValueIsNamedAtItsFieldAndASaveKeepsEveryComment() throws Exception {
        String field = "rigs__C8E_f10_0_ZWO_ASI2600MM_Pro__cull_0__max_hfr";
        fx(() -> lookup("#field-" + field).queryTextInputControl().clear());
        GuiTestKit.type(this, "#field-" + field, "-4");
        await("the problem", () -> !problem(field).isEmpty());
        assertEquals("must be a positive number, got -4.0", problem(field));
        assertTrue(lookup("#saveSettings").queryButton().isDisabled());

        fx(() -> lookup("#field-" + field).queryTextInputControl().clear());
        GuiTestKit.type(this, "#field-" + field, "4.2");
        await("the problem to go", () -> problem(field).isEmpty() && !lookup("#saveSettings").queryButton().isDisabled());
        clickOn("#saveSettings");

        await("the save", () -> !original.equals(read()));
        String saved = read();
        assertEquals(List.of("-         max_hfr: 4.6", "+         max_hfr: 4.2"), ConfigDocumentTest.diff(original, saved));
        assertEquals(4.2, ConfigLoader.parse(saved, "c").rigs().get(C8E).cull().get(0).maxHfr());
        assertTrue(Files.exists(tmp.resolve("config.yaml.bak")), "the previous file is kept");
        assertEquals(original, Files.readString(tmp.resolve("config.yaml.bak")));
    }

    @Test
    void anUnknownMatchingKeyIsRefusedWithTheAllowedOnes() {
        String field = "rigs__C8E_f10_0_ZWO_ASI2600MM_Pro__calibration_darks";
        GuiTestKit.type(this, "#field-" + field, ", moonphase");
        await("the problem", () -> !problem(field).isEmpty());
        assertTrue(problem(field).startsWith("'moonphase' is not a matching key (use exposure, settemp"), problem(field));
        assertFalse(fx(() -> read().contains("moonphase")), "nothing saved");
    }

    @Test
    void aCaptureFolderIsTypedAsOneLineCheckedAndSavedAsASource() throws Exception {
        clickOn("Folders");
        String field = "ingest_sources";
        await("the field", () -> lookup("#field-" + field).tryQuery().isPresent());
        Path card = Files.createDirectories(tmp.resolve("ASIAIR"));
        fx(() -> lookup("#field-" + field).queryTextInputControl().clear());
        GuiTestKit.type(this, "#field-" + field, card + " | maxim");
        await("the problem", () -> !problem(field).isEmpty());
        assertTrue(problem(field).startsWith("'maxim' is not one of dwarf3, seestar"), problem(field));
        assertTrue(lookup("#saveSettings").queryButton().isDisabled());

        fx(() -> lookup("#field-" + field).queryTextInputControl().clear());
        GuiTestKit.type(this, "#field-" + field, card + " | asiair | optic=RedCat51, focal_ratio=4.9");
        await("the problem to go", () -> problem(field).isEmpty() && !lookup("#saveSettings").queryButton().isDisabled());
        clickOn("#saveSettings");
        await("the save", () -> !original.equals(read()));
        var sources = ConfigLoader.load(config, GuiTestKit.options(tmp, config).locations(), java.util.Map.of())
                .ingestSources();
        assertEquals(1, sources.size(), read());
        assertEquals(card, sources.get(0).path());
        assertEquals("asiair", sources.get(0).profile());
        assertEquals(java.util.Map.of("TELESCOP", "RedCat51", "FOCRATIO", "4.9"), sources.get(0).defaults());
    }

    String read() {
        try {
            return Files.readString(config);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
