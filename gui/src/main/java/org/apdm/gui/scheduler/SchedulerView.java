package org.apdm.gui.scheduler;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.apdm.gui.operation.OperationView;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.SheetTable;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/**
 * The Target Scheduler page: sync apdm's accepted counts into the plugin's exposure plans (the whole diff first),
 * the status of every project and target next to what is on disk, and a backup on demand.
 */
public final class SchedulerView implements PageView {

    private final SchedulerViewModel vm;
    private final VBox root = new VBox();
    private final TabPane tabs;
    private final OperationView sync;
    private final StackPane statusBody = new StackPane();
    private final VBox backupMessages = new VBox(6);

    public SchedulerView(SchedulerViewModel vm) {
        this.vm = vm;
        backupMessages();
        root.getStyleClass().add("page");
        root.setId("schedulerPage");
        sync = new OperationView("Sync", "Write apdm's accepted counts into the Target Scheduler's exposure plans, so it "
                + "stops imaging what is done. Every change is listed first, plan by plan; approving takes a backup, "
                + "then writes in one transaction. Plans without accepted frames are left alone.", vm.sync(), this::syncIntro,
                "Plan the sync").asSection();
        tabs = Ui.tabs(Ui.tab("Sync", "schedulerSyncTab", sync), Ui.tab("Status", "schedulerStatusTab", status()));
        root.getChildren().addAll(Ui.header("Target Scheduler", "N.I.N.A.'s Target Scheduler plugin: what it wants, what "
                + "it has acquired, and what apdm has accepted."), tabs);
    }

    private Node syncIntro() {
        Button backup = Ui.button("Back up now", vm::backUp);
        backup.setId("schedulerBackupButton");
        backup.disableProperty().bind(vm.busyProperty());
        return new VBox(12, Ui.folders(vm.folders()), Ui.row(10, backup,
                Ui.label("A rotating copy, taken under the database's write lock.", "muted")), backupMessages);
    }

    /** The outcome of "Back up now", kept across renders of the intro. */
    private void backupMessages() {
        VBox messages = backupMessages;
        Runnable show = () -> {
            messages.getChildren().clear();
            if (!vm.backupErrorProperty().get().isEmpty()) {
                var b = Ui.banner("bad", vm.backupErrorProperty().get());
                b.setId("backupBanner");
                messages.getChildren().add(b);
            } else if (!vm.backupMessageProperty().get().isEmpty()) {
                var b = Ui.banner("good", vm.backupMessageProperty().get());
                b.setId("backupBanner");
                messages.getChildren().add(b);
            }
        };
        vm.backupMessageProperty().addListener((o, a, b) -> show.run());
        vm.backupErrorProperty().addListener((o, a, b) -> show.run());
    }

    private Node status() {
        Button refresh = Ui.button("Refresh", vm::refreshStatus, "primary");
        refresh.setId("schedulerRefresh");
        refresh.disableProperty().bind(vm.busyProperty());
        VBox.setVgrow(statusBody, Priority.ALWAYS);
        vm.statusProperty().addListener((o, a, b) -> renderStatus());
        vm.statusErrorProperty().addListener((o, a, b) -> renderStatus());
        renderStatus();
        VBox box = new VBox(12, Ui.header("Status", "Per project and target: desired / acquired / accepted in the plugin "
                + "next to apdm's count and where the data lives, and what a sync would write. Changes nothing."),
                Ui.row(10, refresh), Ui.label(vm.statusSummaryProperty(), "muted"), statusBody);
        box.getStyleClass().add("section");
        return box;
    }

    private void renderStatus() {
        String error = vm.statusErrorProperty().get();
        PlanPreview.Sheet sheet = vm.statusProperty().get();
        if (!error.isEmpty()) {
            var b = Ui.banner("bad", error);
            b.setId("statusErrorBanner");
            statusBody.getChildren().setAll(b);
        } else if (sheet == null) {
            statusBody.getChildren().setAll(Ui.label("Refresh reads both databases; nothing is changed.", "muted"));
        } else {
            statusBody.getChildren().setAll(new SheetTable(sheet).table());
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void opened(String argument) {
        sync.renderIfReady();
    }

    public SchedulerViewModel viewModel() {
        return vm;
    }

    /** Shows 0 sync or 1 status. */
    public void select(int tab) {
        tabs.getSelectionModel().select(tab);
    }
}
