package org.apdm.gui.settings;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.apdm.gui.operation.Failures;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/** The settings page: forms per section and per rig, checked as you type, saved to the configuration file. */
public final class SettingsView implements PageView {

    private final SettingsViewModel vm;
    private final VBox root = new VBox();
    private final VBox rigBox = new VBox(12);

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("page");
        root.setId("settingsPage");
        Button save = Ui.button("Save", this::save, "primary");
        save.setId("saveSettings");
        save.disableProperty().bind(vm.validProperty().not().or(vm.changedProperty().not()));
        Button discard = Ui.button("Discard changes", vm::discard);
        discard.disableProperty().bind(vm.changedProperty().not());
        Label status = Ui.label(vm.statusProperty(), "muted", "small");
        Label invalid = Ui.label(vm.validProperty().map(v -> v ? "" : "Fix the marked settings to save."), "field-problem");
        ListView<String> general = new ListView<>(vm.generalProblems());
        general.setPrefHeight(70);
        general.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.generalProblems()));
        general.managedProperty().bind(general.visibleProperty());

        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (SettingsViewModel.Section s : vm.sections()) {
            if (s.title().equals("Folders")) {
                tabs.getTabs().add(new Tab(s.title(), scroll(section(s))));
                tabs.getTabs().add(new Tab("Rigs", rigs()));
            } else {
                tabs.getTabs().add(new Tab(s.title(), scroll(section(s))));
            }
        }
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(Ui.row(12, Ui.header("Settings",
                        "Saved to the configuration file the command line reads; its comments stay as they are."), Ui.grow(),
                        new VBox(4, status, invalid), discard, save),
                general, tabs);
    }

    private static ScrollPane scroll(Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        return s;
    }

    private Node section(SettingsViewModel.Section s) {
        VBox box = new VBox(10, Ui.wrapped(s.help(), "muted"), form(s.fields()));
        box.setStyle("-fx-padding: 8 4 8 4;");
        return box;
    }

    static GridPane form(List<SettingField> fields) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        int row = 0;
        for (SettingField f : fields) {
            Label label = Ui.label(f.label(), "field-label");
            label.setMinWidth(150);
            Node input = input(f);
            Label help = Ui.wrapped(f.help(), "field-help");
            Label problem = Ui.label(f.problemProperty(), "field-problem");
            problem.setId("problem-" + f.settingName().replaceAll("[^A-Za-z0-9_]", "_"));
            problem.setWrapText(true);
            g.add(label, 0, row);
            g.add(input, 1, row);
            GridPane.setHgrow(input, Priority.ALWAYS);
            g.add(new VBox(1, problem, help), 1, row + 1);
            row += 2;
        }
        return g;
    }

    static Node input(SettingField f) {
        String id = "field-" + f.settingName().replaceAll("[^A-Za-z0-9_]", "_");
        switch (f.kind()) {
            case CHOICE -> {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(f.choices());
                c.setEditable(false);
                c.valueProperty().bindBidirectional(f.textProperty());
                c.setId(id);
                return c;
            }
            case LINES, PAIRS, SOURCES -> {
                TextArea a = new TextArea();
                a.setPrefRowCount(3);
                a.setPrefColumnCount(50);
                a.textProperty().bindBidirectional(f.textProperty());
                a.setId(id);
                mark(a, f);
                return a;
            }
            case PATH -> {
                TextField t = new TextField();
                t.textProperty().bindBidirectional(f.textProperty());
                t.setId(id);
                mark(t, f);
                Button browse = new Button("Browse…");
                browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                browse.setOnAction(e -> {
                    DirectoryChooser chooser = new DirectoryChooser();
                    chooser.setTitle(f.label());
                    var dir = chooser.showDialog(t.getScene().getWindow());
                    if (dir != null) {
                        t.setText(dir.getAbsolutePath());
                    }
                });
                HBox.setHgrow(t, Priority.ALWAYS);
                return new HBox(8, t, browse);
            }
            default -> {
                TextField t = new TextField();
                t.textProperty().bindBidirectional(f.textProperty());
                t.setId(id);
                if (f.kind() == SettingField.Kind.NUMBER) {
                    t.setPrefColumnCount(8);
                    t.setMaxWidth(140);
                }
                mark(t, f);
                return t;
            }
        }
    }

    private static void mark(TextInputControl t, SettingField f) {
        f.problemProperty().addListener((o, a, b) -> {
            t.getStyleClass().remove("invalid");
            if (b != null && !b.isEmpty()) {
                t.getStyleClass().add("invalid");
            }
        });
    }

    private Node rigs() {
        ListView<String> list = new ListView<>(vm.rigs());
        list.setId("rigList");
        list.setPrefWidth(300);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedRigProperty().set(b);
            }
        });
        vm.selectedRigProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(b);
            }
        });
        TextField newRig = new TextField();
        newRig.setPromptText("<optic>@f<ratio>+<camera>");
        newRig.setId("newRig");
        Button add = Ui.button("Add rig", () -> {
            vm.addRig(newRig.getText());
            newRig.clear();
        });
        Button remove = Ui.button("Remove rig", vm::removeRig);
        VBox archive = new VBox(4);
        Runnable listArchive = () -> {
            archive.getChildren().clear();
            if (!vm.archiveRigs().isEmpty()) {
                archive.getChildren().add(Ui.wrapped("In your archive, on the built-in settings:", "muted", "small"));
            }
            for (String rig : vm.archiveRigs()) {
                Button b = Ui.button("Customise " + rig, () -> vm.customise(rig), "link");
                b.setWrapText(true);
                archive.getChildren().add(b);
            }
        };
        vm.archiveRigs().addListener((javafx.collections.ListChangeListener<String>) c -> listArchive.run());
        listArchive.run();
        VBox left = new VBox(8, list, newRig, Ui.row(8, add, remove), archive);
        left.setPrefWidth(320);
        list.setPrefHeight(200);
        vm.rigFormProperty().addListener((o, a, b) -> renderRig(b));
        renderRig(vm.rigFormProperty().get());
        ScrollPane right = scroll(rigBox);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox box = new HBox(16, left, right);
        box.setStyle("-fx-padding: 8 4 8 4;");
        return box;
    }

    private void renderRig(SettingsViewModel.RigForm form) {
        rigBox.getChildren().clear();
        if (form == null) {
            rigBox.getChildren().add(Ui.label("No rig configured; rigs without settings use the general cull pass (HFR 4.0, RMS 2.0).", "muted"));
            return;
        }
        rigBox.getChildren().add(Ui.label(form.rig(), "section-title"));
        rigBox.getChildren().add(Ui.label("Cull passes, in order", "stat-head"));
        for (int i = 0; i < form.passes().size(); i++) {
            int index = i;
            VBox card = Ui.card(Ui.row(8, Ui.label("Pass " + (i + 1), "section-title"), Ui.grow(),
                    Ui.button("Remove", () -> vm.removePass(index), "link")), form(form.passes().get(i)));
            rigBox.getChildren().add(card);
        }
        Button addPass = Ui.button("Add a pass", vm::addPass);
        addPass.setId("addPass");
        rigBox.getChildren().add(addPass);
        rigBox.getChildren().add(Ui.label("Calibration", "stat-head"));
        rigBox.getChildren().add(Ui.card(form(form.calibration())));
        rigBox.getChildren().add(Ui.label("Filters", "stat-head"));
        rigBox.getChildren().add(Ui.card(form(form.filters())));
    }

    private void save() {
        if (vm.reformattedProperty().get()) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                    "These changes cannot be written without rewriting the file: its comments and layout would be lost. "
                            + "The current file is kept as a .bak copy.", new ButtonType("Rewrite and save"), ButtonType.CANCEL);
            a.initOwner(root.getScene().getWindow());
            if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.CANCEL) {
                return;
            }
        }
        try {
            vm.save();
        } catch (Exception e) {
            Alert a = new Alert(Alert.AlertType.ERROR, Failures.message(e));
            a.initOwner(root.getScene().getWindow());
            a.show();
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void opened(String argument) {
        if (!vm.changedProperty().get()) {
            vm.load();
        }
    }
}
