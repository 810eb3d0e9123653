package org.apdm.gui.blink;

import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.apdm.core.image.ImageWriter;
import org.apdm.core.image.StarField;
import org.apdm.core.testing.BlinkTree;
import org.apdm.gui.GuiTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The blink page opened as {@code apdm blink FOLDER} does: step, accept, reject, undo, and a frame that cannot be read. */
class BlinkPageTest extends FxRobot {

    @TempDir
    Path tmp;
    Application app;
    Path group;
    Path reject;
    Path accept;

    @BeforeEach
    void start() throws Exception {
        Path data = tmp.resolve("Data");
        reject = tmp.resolve("Reject");
        group = new BlinkTree(data).group(BlinkTree.C8E, "M 31", "2025-01-01", "L");
        accept = data.resolve(BlinkTree.C8E).resolve("10_Blink").resolve("M 31").resolve("accept")
                .resolve("DATE_2025-01-01").resolve(group.getFileName().toString());
        for (int i = 0; i < 4; i++) {
            StarField.Spec s = new StarField.Spec(320, 240, StarField.Profile.GAUSSIAN, 3 + i, 3 + i, 0, 4.765, 40, 2000,
                    20000, 1000, 0, 20, 0, i);
            ImageWriter.write(group.resolve(name(i)),
                    ImageWriter.fits(StarField.generate(s).image(), 16, Map.of("IMAGETYP", "LIGHT")));
        }
        Files.write(group.resolve(name(4)), new byte[] {1, 2, 3}); // cut short: cannot be shown
        Path config = tmp.resolve("apdm.yaml");
        Files.writeString(config, "roots:\n  data: Data\n  reject: Reject\nstate_dir: state\n", StandardCharsets.UTF_8);
        app = GuiTestKit.start(GuiTestKit.options(tmp, config).withBlinkFolder(group));
        await("the first frame", () -> image() != null);
    }

    static String name(int i) {
        return String.format("2025-01-01_21-%02d-00_HFR_%.2f_STARS_900_TEMP_-10.00.fits", i * 5, 2.0 + i);
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    javafx.scene.image.Image image() {
        ImageView v = lookup("#blinkImage").query();
        return v.getImage();
    }

    String overlay() {
        Label l = lookup("#blinkOverlay").query();
        return fx(l::getText);
    }

    int strip() {
        ListView<?> l = lookup("#blinkStrip").query();
        return fx(() -> l.getItems().size());
    }

    void press(KeyCode k) {
        fx(() -> lookup("#blinkPage").query().requestFocus());
        type(k);
    }

    long files(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".fits")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void opensTheFolderStepsAndShowsTheMetrics() {
        assertEquals(5, strip());
        assertTrue(overlay().startsWith("1 / 5"), overlay());
        assertEquals(320, fx(() -> image().getWidth()), "a frame narrower than the screen is kept whole");
        press(KeyCode.F);
        await("1:1 shows every pixel of the frame", () -> fx(() -> image().getWidth()) == 320);
        press(KeyCode.F);
        await("the pixel metrics", () -> overlay().contains("px: stars"));
        assertTrue(overlay().contains("HFR 2.00"), "N.I.N.A.'s token is shown: " + overlay());
        press(KeyCode.RIGHT);
        await("the second frame", () -> overlay().startsWith("2 / 5"));
        press(KeyCode.LEFT);
        await("the first again", () -> overlay().startsWith("1 / 5"));
    }

    @Test
    void acceptRejectAndUndoMoveTheFilesInTheBackground() throws Exception {
        press(KeyCode.A);
        await("the second frame after accepting", () -> overlay().startsWith("2 / 5"));
        await("the accepted frame moved", () -> Files.exists(accept.resolve(name(0))));
        press(KeyCode.X);
        await("the rejected frame moved", () -> files(reject) == 1);
        assertTrue(Files.notExists(group.resolve(name(1))));
        press(KeyCode.U);
        await("the rejected frame is back", () -> Files.exists(group.resolve(name(1))));
        assertEquals(0, files(reject));
        await("the undone frame is shown again", () -> overlay().startsWith("2 / 5"));
        press(KeyCode.U);
        await("the accepted frame is back", () -> Files.exists(group.resolve(name(0))));
        assertEquals(5, files(group));
    }

    @Test
    void aFrameThatCannotBeReadSaysSoAndStaysWhereItIs() {
        fx(() -> ((ListView<?>) lookup("#blinkStrip").query()).getSelectionModel().select(4));
        await("the broken frame's message", () -> {
            Label l = lookup("#blinkProblem").query();
            return l.getText().contains("Cannot show this frame") && l.getText().contains(name(4));
        });
        assertTrue(Files.exists(group.resolve(name(4))));
        press(KeyCode.RIGHT); // nothing after the last frame: no crash, still on it
        assertTrue(overlay().startsWith("5 / 5"), overlay());
    }

    @Test
    void sortingByPixelFwhmPutsTheSharpestFirstAndSpaceBlinks() {
        press(KeyCode.RIGHT);
        press(KeyCode.RIGHT); // the window of prefetched frames now covers the whole group
        await("every readable frame measured", () -> {
            ListView<BlinkViewModel.Item> l = lookup("#blinkStrip").query();
            return l.getItems().stream().filter(it -> it.metricsProperty().get() != null).count() == 4;
        });
        press(KeyCode.DIGIT3);
        ListView<BlinkViewModel.Item> l = lookup("#blinkStrip").query();
        assertEquals(name(0), fx(() -> l.getItems().get(0).name()));
        assertEquals(name(3), fx(() -> l.getItems().get(3).name()));
        assertEquals(name(4), fx(() -> l.getItems().get(4).name()), "the unreadable frame has no value: last");
        press(KeyCode.SPACE);
        String before = overlay();
        await("blinking moves on", () -> !overlay().equals(before));
        press(KeyCode.SPACE);
        assertNotNull(image());
    }
}
