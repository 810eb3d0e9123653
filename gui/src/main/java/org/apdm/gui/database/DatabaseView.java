package org.apdm.gui.database;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.apdm.gui.operation.OperationView;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/** The database page: record the accepted frames ({@code apdm db update}) and import N.I.N.A. profiles as rigs. */
public final class DatabaseView implements PageView {

    private final DatabaseViewModel vm;
    private final VBox root = new VBox();
    private final TabPane tabs;
    private final OperationView update;
    private final OperationView profiles;

    public DatabaseView(DatabaseViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("page");
        root.setId("databasePage");
        update = new OperationView("Update accepted frames", "Count the accepted lights of every folder in 20_Data and "
                + "later stages and plan the rows of accepted_data: new folders, changed counts, targets moved to another "
                + "stage. Approving writes exactly these changes in one transaction.", vm.update(), this::updateIntro,
                "Plan the update").asSection();
        profiles = new OperationView("Import N.I.N.A. profiles", "Each profile named <optic>@f<ratio>+<camera> becomes a "
                + "rig with its filter wheel's filters. For a profile named otherwise you choose: skip it, or give its rig "
                + "name. Profiles are only read.", vm.profiles(), () -> Ui.folders(vm.folders("profiles")),
                "Plan the import").asSection();
        tabs = Ui.tabs(Ui.tab("Update accepted frames", "dbUpdateTab", update),
                Ui.tab("Import N.I.N.A. profiles", "profilesTab", profiles));
        root.getChildren().addAll(Ui.header("Database", "apdm's astrophotography database: the accepted frames that "
                + "reports and the Target Scheduler count, and the rigs of your N.I.N.A. profiles."), tabs);
    }

    private Node updateIntro() {
        ComboBox<String> rig = Ui.choice(vm.rig().choices(), vm.rig().rigProperty(), "dbUpdateRig");
        rig.setPrefWidth(280);
        CheckBox delete = new CheckBox("Also delete rows whose folder is gone");
        delete.selectedProperty().bindBidirectional(vm.deleteProperty());
        delete.setId("dbUpdateDelete");
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.addRow(0, Ui.label("Rigs", "muted"), rig);
        g.addRow(1, Ui.label("Vanished folders", "muted"), delete,
                Ui.label("off: such rows are only reported (the command line's default)", "muted", "small"));
        return new VBox(12, Ui.folders(vm.folders("update")), Ui.card(Ui.label("Choices", "section-title"), g));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void opened(String argument) {
        vm.opened(argument);
        update.renderIfReady();
        profiles.renderIfReady();
    }

    public DatabaseViewModel viewModel() {
        return vm;
    }

    /** Shows one of the two operations: 0 update, 1 profile import. */
    public void select(int tab) {
        tabs.getSelectionModel().select(tab);
    }
}
