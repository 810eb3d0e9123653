package org.apdm.gui.cull;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.apdm.core.cull.RejectedFile;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.PlanPreviewView;
import org.apdm.gui.operation.ProgressPanel;
import org.apdm.gui.operation.RunResultView;
import org.apdm.gui.shell.Ui;

/** Rejected frames, searchable, with Restore for the chosen ones (plan → approve → result). */
public final class RestoreView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final RestoreViewModel vm;
    private final StackPane body = new StackPane();

    public RestoreView(RestoreViewModel vm) {
        this.vm = vm;
        setSpacing(12);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().add(body);
        vm.flow().stageProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        OperationFlow<?> flow = vm.flow();
        Node content = switch (flow.stageProperty().get()) {
            case READY -> list();
            case PLANNING, RUNNING -> new VBox(new ProgressPanel(flow.jobProperty()));
            case PLANNED -> {
                Button approve = Ui.button("", flow::approve, "primary");
                approve.textProperty().bind(flow.approveLabelProperty());
                approve.setId("restoreApproveButton");
                PlanPreviewView view = new PlanPreviewView(flow.previewProperty().get());
                VBox.setVgrow(view, Priority.ALWAYS);
                yield new VBox(12, Ui.row(10, approve, Ui.button("Back", flow::startOver)), view);
            }
            case DONE -> {
                RunResultView view = new RunResultView(flow.resultProperty().get());
                VBox.setVgrow(view, Priority.ALWAYS);
                yield new VBox(12, Ui.row(10, Ui.button("Back to the rejected frames", flow::startOver, "primary")), view);
            }
            case FAILED -> new VBox(12, Ui.banner("bad", flow.errorProperty().get()), Ui.button("Back", flow::startOver));
        };
        body.getChildren().setAll(content);
    }

    private Node list() {
        TextField search = new TextField();
        search.setPromptText("Search rejected frames (rig, target, night, filter, pass)");
        search.textProperty().bindBidirectional(vm.searchProperty());
        TableView<RejectedFile> table = new TableView<>(vm.shown());
        table.setId("rejectedTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RejectedFile>) c ->
                vm.chosen().setAll(table.getSelectionModel().getSelectedItems()));
        TableColumn<RejectedFile, String> file = new TableColumn<>("Frame (below the reject folder)");
        file.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().relative().toString().replace('\\', '/')));
        file.setPrefWidth(640);
        TableColumn<RejectedFile, String> pass = new TableColumn<>("Pass");
        pass.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().pass() == null ? "" : d.getValue().pass()));
        TableColumn<RejectedFile, String> when = new TableColumn<>("Rejected");
        when.setCellValueFactory(d -> new ReadOnlyStringWrapper(WHEN.format(d.getValue().rejectedAt())));
        when.setPrefWidth(140);
        table.getColumns().addAll(java.util.List.of(file, pass, when));
        table.setPlaceholder(Ui.label("No rejected frames.", "muted"));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button restore = Ui.button("Restore the selected frames (or all shown)", vm::planRestore, "primary");
        restore.setId("restoreButton");
        restore.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.shown()));
        return new VBox(10, Ui.row(10, restore, Ui.button("Refresh", vm::load), Ui.grow(), Ui.label(vm.statusProperty(), "muted")),
                search, table);
    }
}
