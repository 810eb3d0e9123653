package org.apdm.gui.firstrun;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.apdm.gui.shell.Ui;

/** The welcome page of the first start: the folders, or the demo workspace. */
public final class FirstRunView {

    private final StackPane root = new StackPane();

    public FirstRunView(FirstRunViewModel vm) {
        root.setId("firstRun");
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        addFolder(g, 0, "RAW folder", "Where N.I.N.A. saves your frames.", vm.rawProperty(), vm.rawProblemProperty(), "rawField", null);
        addFolder(g, 2, "Data folder", "Your archive: one folder per rig, with 10_Blink … 60_Done.", vm.dataProperty(),
                vm.dataProblemProperty(), "dataField", null);
        addFolder(g, 4, "Reject folder", "Culled frames, kept with their path so they can be put back.", vm.rejectProperty(),
                vm.rejectProblemProperty(), "rejectField", vm::rejectEdited);
        Button save = Ui.button("Save and open the dashboard", vm::save, "primary");
        save.setId("saveFirstRun");
        save.disableProperty().bind(vm.readyProperty().not());
        Label where = Ui.wrapped("The settings are written to " + vm.configFile()
                + " — the file the command line reads too. You can change everything later in Settings.", "muted", "small");

        TextField demo = new TextField();
        demo.textProperty().bindBidirectional(vm.demoFolderProperty());
        demo.setId("demoField");
        HBox.setHgrow(demo, Priority.ALWAYS);
        Button createDemo = Ui.button("Create the demo workspace", vm::createDemo);
        createDemo.setId("createDemo");
        createDemo.disableProperty().bind(vm.busyProperty());
        Label message = Ui.wrapped("", "muted");
        message.textProperty().bind(vm.messageProperty());
        message.setId("firstRunMessage");

        VBox card = new VBox(14,
                Ui.label("Welcome to apdm", "welcome-title"),
                Ui.wrapped("apdm sorts the frames N.I.N.A. writes into your archive, culls poor ones, and keeps track of "
                        + "every rig, target and night. Nothing is ever overwritten, and nothing moves before you have seen "
                        + "the plan and approved it.", "page-lead"),
                Ui.label("Your folders", "section-title"), g, Ui.row(10, save), where,
                new Separator(),
                Ui.label("Or try it first", "section-title"),
                Ui.wrapped("Creates a sample N.I.N.A. dump (two rigs, a mosaic, nights across midnight, some poor frames and a few "
                        + "broken files) with its own Data and Reject folders, the same as `apdm demo`.", "muted"),
                Ui.row(8, demo, createDemo), message);
        card.getStyleClass().addAll("card", "welcome");
        card.setMaxWidth(760);
        VBox outer = new VBox(card);
        outer.setAlignment(Pos.CENTER);
        outer.setStyle("-fx-padding: 30;");
        ScrollPane scroll = new ScrollPane(outer);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        root.getChildren().add(scroll);
    }

    private static void addFolder(GridPane g, int row, String label, String help, StringProperty value,
                                  ObservableValue<String> problem, String id, Runnable typed) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(value);
        t.setId(id);
        t.setPrefColumnCount(40);
        if (typed != null) {
            t.setOnKeyTyped(e -> typed.run());
        }
        Button browse = new Button("Browse…");
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(label);
            var dir = c.showDialog(t.getScene().getWindow());
            if (dir != null) {
                if (typed != null) {
                    typed.run();
                }
                t.setText(dir.getAbsolutePath());
            }
        });
        HBox.setHgrow(t, Priority.ALWAYS);
        Label l = Ui.label(label, "field-label");
        l.setMinWidth(110);
        Label p = Ui.label(problem, "field-problem");
        g.add(l, 0, row);
        g.add(new HBox(8, t, browse), 1, row);
        GridPane.setHgrow(g.getChildren().get(g.getChildren().size() - 1), Priority.ALWAYS);
        g.add(new VBox(1, p, Ui.label(help, "field-help")), 1, row + 1);
    }

    public javafx.scene.Parent node() {
        return root;
    }
}
