package org.apdm.gui;

import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.gui.firstrun.FirstRunView;
import org.apdm.gui.firstrun.FirstRunViewModel;
import org.apdm.gui.shell.MainView;
import org.apdm.gui.shell.PageCatalog;

/**
 * The JavaFX application. Started through {@link GuiLauncher} (a plain class, so the runnable jar can start
 * JavaFX from the classpath). Shows the first-run page when there is no configuration file yet, the settings
 * when the file has a problem, else the dashboard.
 */
public final class ApdmApplication extends Application {

    static volatile AppContext.Options options;

    private AppContext context;
    private Stage stage;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        context = new AppContext(Objects.requireNonNull(options, "started without GuiLauncher"));
        primary.setTitle("apdm — Astrophotography Data Manager");
        primary.setMinWidth(1000);
        primary.setMinHeight(640);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root(), Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(stylesheet());
        primary.setScene(scene);
        primary.setOnCloseRequest(e -> {
            if (context.tasks().busy() && !confirmClose()) {
                e.consume();
            }
        });
        primary.show();
    }

    /** The stylesheet of every window of the application. */
    public static String stylesheet() {
        return Objects.requireNonNull(ApdmApplication.class.getResource("apdm.css")).toExternalForm();
    }

    /** The first page: first run, or the main window on the dashboard (on the settings when the file is broken). */
    Parent root() {
        if (!java.nio.file.Files.exists(context.configFile())) {
            FirstRunViewModel vm = new FirstRunViewModel(context, config -> stage.getScene().setRoot(main(null)));
            return new FirstRunView(vm).node();
        }
        try {
            ApdmConfig config = context.loadConfig();
            context.configProperty().set(config);
            return main(null);
        } catch (ConfigException e) {
            context.log().addAll("Settings", e.problems());
            return main(e);
        }
    }

    private Parent main(ConfigException problem) {
        MainView main = new MainView(context);
        if (problem != null) {
            main.show(PageCatalog.SETTINGS, null);
        } else if (context.options().blinkFolder() != null) {
            main.show(PageCatalog.BLINK, context.options().blinkFolder().toString());
        } else {
            main.show(PageCatalog.DASHBOARD, null);
        }
        return main.node();
    }

    private boolean confirmClose() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "An operation is running. Stop it after the current file and close apdm?",
                new ButtonType("Stop and close"), ButtonType.CANCEL);
        a.initOwner(stage);
        a.setHeaderText(null);
        return a.showAndWait().filter(b -> b != ButtonType.CANCEL).isPresent();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
