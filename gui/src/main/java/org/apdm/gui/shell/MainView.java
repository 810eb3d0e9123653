package org.apdm.gui.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.apdm.gui.AppContext;
import org.apdm.gui.task.Job;

/**
 * The main window: the sidebar with the pages (overview, the workflow steps in order, tools), the page, and a
 * status bar showing any work in progress with its Cancel.
 */
public final class MainView implements Navigator {

    private final AppContext context;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, PageView> built = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup group = new ToggleGroup();
    private String current;

    public MainView(AppContext context) {
        this.context = context;
        root.setId("mainWindow");
        root.getProperties().put(MainView.class, this);
        for (Page p : PageCatalog.standard(context, this, () -> root.getScene() == null ? null : root.getScene().getWindow())) {
            pages.put(p.id(), p);
        }
        root.setLeft(sidebar());
        root.setCenter(content);
        root.setBottom(statusBar());
    }

    private Node sidebar() {
        VBox side = new VBox();
        side.getStyleClass().add("sidebar");
        side.getChildren().addAll(Ui.label("apdm", "brand"), Ui.label("Astrophotography Data Manager", "brand-sub"));
        Page.Section section = null;
        for (Page p : pages.values()) {
            if (p.section() != section) {
                section = p.section();
                side.getChildren().add(Ui.label(section.heading(), "nav-section"));
            }
            ToggleButton b = new ToggleButton(p.title());
            b.getStyleClass().setAll("nav-item");
            b.setMnemonicParsing(false); // "20_Data" keeps its underscore
            b.setId("nav-" + p.id());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(group);
            Label badge = new Label(p.badge().isEmpty() ? "•" : p.badge());
            badge.getStyleClass().add("nav-badge");
            b.setGraphic(badge);
            b.setOnAction(e -> {
                show(p.id(), null);
                b.setSelected(true);
            });
            buttons.put(p.id(), b);
            side.getChildren().add(b);
        }
        side.getChildren().add(Ui.grow());
        Label config = Ui.wrapped(context.configFile().toString(), "sidebar-foot");
        side.getChildren().addAll(Ui.label("Configuration", "nav-section"), config);
        return side;
    }

    private Node statusBar() {
        HBox bar = new HBox();
        bar.getStyleClass().add("status-bar");
        Label text = new Label();
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(180);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("small");
        var job = context.tasks().currentProperty();
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Job<?> j = job.get();
            return j == null ? "Ready" : j.title() + (j.phaseProperty().get().isEmpty() ? "" : ": " + j.phaseProperty().get())
                    + (j.countsProperty().get().isEmpty() ? "" : "  " + j.countsProperty().get());
        }, job));
        job.addListener((o, a, j) -> {
            progress.progressProperty().unbind();
            text.textProperty().unbind();
            if (j != null) {
                progress.progressProperty().bind(j.progressProperty());
                text.textProperty().bind(Bindings.createStringBinding(() -> j.title()
                        + (j.phaseProperty().get().isEmpty() ? "" : ": " + j.phaseProperty().get())
                        + (j.countsProperty().get().isEmpty() ? "" : "  " + j.countsProperty().get()),
                        j.phaseProperty(), j.countsProperty()));
                cancel.setOnAction(e -> j.cancel());
            } else {
                text.setText("Ready");
            }
        });
        progress.visibleProperty().bind(job.isNotNull());
        cancel.visibleProperty().bind(job.isNotNull());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        bar.getChildren().addAll(text, progress, cancel);
        return bar;
    }

    @Override
    public void show(String pageId, String argument) {
        Page p = pages.get(pageId);
        if (p == null) {
            return;
        }
        PageView view = built.computeIfAbsent(pageId, k -> p.factory().get());
        content.getChildren().setAll(view.node());
        current = pageId;
        ToggleButton b = buttons.get(pageId);
        if (b != null) {
            b.setSelected(true);
        }
        view.opened(argument);
    }

    @Override
    public boolean has(String pageId) {
        return pages.containsKey(pageId);
    }

    /** The page shown now. */
    public String current() {
        return current;
    }

    /** The page's view, built on first use; tests and the screenshot tour reach view models through it. */
    public PageView page(String pageId) {
        Page p = pages.get(pageId);
        return p == null ? null : built.computeIfAbsent(pageId, k -> p.factory().get());
    }

    /** The operation log of this window. */
    public org.apdm.gui.log.OperationLog log() {
        return context.log();
    }

    /** The log's lines, for tests. */
    public List<String> logLines() {
        return context.log().entries().stream().map(org.apdm.gui.log.LogEntry::line).toList();
    }

    public List<Page> pages() {
        return List.copyOf(pages.values());
    }

    public Parent node() {
        return root;
    }
}
