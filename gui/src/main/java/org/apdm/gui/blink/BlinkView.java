package org.apdm.gui.blink;

import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import org.apdm.core.blink.BlinkOperation;
import org.apdm.gui.shell.PageView;

/**
 * The blink page: the frame filling the window with an automatic stretch, zoom to fit or 1:1 (pan by dragging or
 * scrolling), a filmstrip, the metrics overlay, and the keys ←/→, Space, A, X/Delete, U and 1–9.
 */
public final class BlinkView implements PageView {

    private final BlinkViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ImageView view = new ImageView();
    private final ScrollPane scroll = new ScrollPane();
    private final ToggleButton oneToOne = new ToggleButton("1:1");
    private final Timeline blink = new Timeline();
    private final ChoiceBox<String> rate = new ChoiceBox<>();
    private final Label overlay = new Label();

    public BlinkView(BlinkViewModel vm) {
        this.vm = vm;
        root.setId("blinkPage");

        TextField path = new TextField();
        path.setId("blinkFolder");
        path.setPromptText("a night, target or filter folder of 10_Blink");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button open = new Button("Open");
        open.setId("blinkOpen");
        open.setOnAction(e -> {
            if (!path.getText().isBlank()) {
                vm.open(Path.of(path.getText().trim()));
                root.requestFocus();
            }
        });
        path.setOnAction(open.getOnAction());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Folder to blink");
            java.io.File f = c.showDialog(root.getScene().getWindow());
            if (f != null) {
                path.setText(f.toString());
                vm.open(f.toPath());
                root.requestFocus();
            }
        });
        vm.folderProperty().addListener((o, a, b) -> path.setText(b));
        oneToOne.setId("blinkOneToOne");
        oneToOne.setOnAction(e -> zoom());
        rate.getItems().addAll("1 fps", "2 fps", "4 fps", "8 fps");
        rate.setValue("2 fps");
        rate.setOnAction(e -> {
            if (blink.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                play(true);
            }
        });
        Label sorted = new Label();
        sorted.textProperty().bind(vm.sortedByProperty().map(s -> "sorted by " + s));
        HBox bar = new HBox(8, new Label("Folder"), path, open, browse, oneToOne, new Label("Blink"), rate, sorted);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setId("blinkImage");
        view.imageProperty().bind(vm.imageProperty());
        scroll.setContent(view);
        scroll.setPannable(true);
        scroll.setStyle("-fx-background: black; -fx-background-color: black;");
        scroll.viewportBoundsProperty().addListener((o, a, b) -> zoom());
        Label problem = new Label();
        problem.setId("blinkProblem");
        problem.setStyle("-fx-text-fill: #ff8080; -fx-font-size: 16px;");
        problem.textProperty().bind(vm.problemProperty());
        overlay.setId("blinkOverlay");
        overlay.setStyle("-fx-text-fill: #e0e0e0; -fx-background-color: rgba(0,0,0,0.55); -fx-padding: 6;"
                + " -fx-font-family: monospace;");
        overlay.setMouseTransparent(true);
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        StackPane.setMargin(overlay, new Insets(8));
        StackPane centre = new StackPane(scroll, problem, overlay);

        ListView<BlinkViewModel.Item> strip = new ListView<>(vm.items());
        strip.setId("blinkStrip");
        strip.setOrientation(Orientation.HORIZONTAL);
        strip.setPrefHeight(120);
        strip.setFocusTraversable(false);
        strip.setCellFactory(l -> new FrameCell());
        strip.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != vm.indexProperty().get()) {
                vm.show(b.intValue());
            }
        });
        vm.indexProperty().addListener((o, a, b) -> {
            strip.getSelectionModel().select(b.intValue());
            if (b.intValue() >= 0) {
                strip.scrollTo(Math.max(0, b.intValue() - 3));
            }
            refreshOverlay();
        });
        Label status = new Label();
        status.setId("blinkStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(4, 6, 4, 6));

        root.setTop(bar);
        root.setCenter(centre);
        root.setBottom(new VBox(strip, status));
        root.setFocusTraversable(true);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        root.setOnMouseClicked(e -> root.requestFocus());
        vm.items().addListener((javafx.collections.ListChangeListener<BlinkViewModel.Item>) c -> {
            while (c.next()) {
                for (BlinkViewModel.Item it : c.getAddedSubList()) {
                    it.metricsProperty().addListener((o, a, b) -> refreshOverlay());
                    it.verdictProperty().addListener((o, a, b) -> {
                        refreshOverlay();
                        strip.refresh();
                    });
                }
            }
        });
        vm.imageProperty().addListener((o, a, b) -> zoom());
    }

    private void refreshOverlay() {
        overlay.setText(vm.overlay());
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof TextField) {
            return;
        }
        KeyCode k = e.getCode();
        switch (k) {
            case RIGHT -> vm.next();
            case LEFT -> vm.previous();
            case SPACE -> play(blink.getStatus() != javafx.animation.Animation.Status.RUNNING);
            case A -> vm.accept();
            case X, DELETE, BACK_SPACE -> vm.reject();
            case U -> vm.undo();
            case F -> {
                oneToOne.setSelected(!oneToOne.isSelected());
                zoom();
            }
            default -> {
                if (k.isDigitKey() && k != KeyCode.DIGIT0 && k != KeyCode.NUMPAD0) {
                    vm.sortBy(Integer.parseInt(k.getChar().isEmpty() ? "0" : k.getChar().substring(k.getChar().length() - 1)));
                } else {
                    return;
                }
            }
        }
        e.consume();
    }

    private void play(boolean on) {
        blink.stop();
        if (!on) {
            return;
        }
        double fps = Double.parseDouble(rate.getValue().split(" ")[0]);
        blink.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / fps), ev -> vm.blinkStep()));
        blink.setCycleCount(Timeline.INDEFINITE);
        blink.play();
    }

    /** Fit: the whole frame in the viewport; 1:1: one screen pixel per frame pixel, panned in the scroll pane. */
    private void zoom() {
        if (vm.fullResolutionProperty().get() != oneToOne.isSelected()) {
            vm.fullResolutionProperty().set(oneToOne.isSelected());
            if (oneToOne.isSelected() && vm.current() != null) {
                vm.show(vm.indexProperty().get()); // renders the shown frame at every pixel
            }
        }
        if (oneToOne.isSelected()) {
            view.setFitWidth(0);
            view.setFitHeight(0);
        } else {
            view.setFitWidth(Math.max(1, scroll.getViewportBounds().getWidth()));
            view.setFitHeight(Math.max(1, scroll.getViewportBounds().getHeight()));
        }
    }

    public boolean playing() {
        return blink.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    public boolean oneToOne() {
        return oneToOne.isSelected();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void opened(String argument) {
        if (argument != null && !argument.isBlank()) {
            vm.open(Path.of(argument));
        }
        root.requestFocus();
    }

    /** A filmstrip cell: thumbnail, name and the decision. */
    private static final class FrameCell extends ListCell<BlinkViewModel.Item> {
        private final ImageView thumb = new ImageView();

        FrameCell() {
            thumb.setFitHeight(70);
            thumb.setPreserveRatio(true);
        }

        @Override
        protected void updateItem(BlinkViewModel.Item it, boolean empty) {
            super.updateItem(it, empty);
            if (empty || it == null) {
                setGraphic(null);
                setText(null);
                setStyle("");
                return;
            }
            thumb.imageProperty().unbind();
            thumb.imageProperty().bind(it.thumbnailProperty());
            String name = it.name();
            Label label = new Label(name.length() > 22 ? name.substring(0, 22) + "…" : name);
            label.setStyle("-fx-font-size: 10px;");
            setGraphic(new VBox(2, thumb, label));
            BlinkOperation.Verdict v = it.verdictProperty().get();
            setStyle(v == BlinkOperation.Verdict.ACCEPTED ? "-fx-background-color: #2e6b35;"
                    : v == BlinkOperation.Verdict.REJECTED ? "-fx-background-color: #7a2a2a;" : "");
        }
    }
}
