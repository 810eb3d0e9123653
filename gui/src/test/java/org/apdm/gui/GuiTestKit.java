package org.apdm.gui;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.apdm.core.config.ConfigLocations;
import org.apdm.gui.dashboard.InventorySummarySource;
import org.apdm.gui.shell.MainView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real application on a stage for a test (headless under Monocle in the normal run), with the
 * configuration and state folders in the test's temporary folder, and waits for background work.
 */
public final class GuiTestKit {

    private GuiTestKit() {
    }

    /** Options with the per-user folders inside {@code tmp}; {@code config} is used as {@code --config} when not null. */
    public static AppContext.Options options(Path tmp, Path config) {
        ConfigLocations locations = new ConfigLocations(tmp.resolve("user-config").resolve("config.yaml"),
                tmp.resolve("user-data"));
        return new AppContext.Options(config, locations, Map.of(), Clock.systemDefaultZone(),
                AppContext.EngineFactory.STANDARD, new InventorySummarySource(Clock.systemDefaultZone()));
    }

    /** Starts the application with these options; returns it for {@link #stop}. */
    public static Application start(AppContext.Options options) throws Exception {
        FxToolkit.registerPrimaryStage();
        ApdmApplication.options = options;
        return FxToolkit.setupApplication(ApdmApplication.class);
    }

    public static void stop(Application app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Runs on the FX thread and returns the value. */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the condition (checked on the FX thread) holds. */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (fx(condition::getAsBoolean)) {
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        fail("timed out waiting for " + what);
    }

    /**
     * Types at the end of a text field like a user: focuses it and types the last characters key by key (the start
     * is put in at once, because the robot needs about 0.1 s per key).
     */
    public static void type(FxRobot robot, String query, String text) {
        javafx.scene.control.TextInputControl field = robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
        int cut = Math.max(0, text.length() - 4);
        fx(() -> {
            field.requestFocus();
            field.appendText(text.substring(0, cut));
            field.end();
        });
        robot.write(text.substring(cut), 0);
    }

    /**
     * The one of several same-named controls the user sees (each tab of a page has its own plan button; the content of
     * a tab that is not selected is hidden above the node, so the node's own flag is not enough).
     */
    public static <T extends Node> T shown(FxRobot robot, String query) {
        return robot.lookup(query).match(GuiTestKit::onScreen).<T>query();
    }

    /** Whether a node matching the query is on screen. */
    public static boolean isShown(FxRobot robot, String query) {
        return robot.lookup(query).match(GuiTestKit::onScreen).tryQuery().isPresent();
    }

    public static boolean onScreen(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The main window of the running application. */
    public static MainView main(FxRobot robot) {
        Node n = robot.lookup("#mainWindow").query();
        return (MainView) n.getProperties().get(MainView.class);
    }

    public static Stage stage() throws Exception {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    public static Scene scene() throws Exception {
        return stage().getScene();
    }
}
