package org.apdm.gui.dashboard;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.apdm.gui.shell.NextFrame;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/**
 * The dashboard: totals, a rig × stage overview, the tree of rigs, stages and targets with a filter, and the
 * "what to do next" queue whose entries open the operation that resolves them.
 */
public final class DashboardView implements PageView {

    private final DashboardViewModel vm;
    private final VBox root = new VBox();
    private final HBox totals = new HBox(10);
    private final GridPane matrix = new GridPane();
    private final javafx.scene.control.ListView<NextStep> queue = new javafx.scene.control.ListView<>();
    private final VBox problems = new VBox(2);
    private final TitledPane problemsPane = new TitledPane();
    private final TreeTableView<DashboardViewModel.Row> tree = new TreeTableView<>();

    private final VBox runPanel = new VBox(6);
    private RunViewModel runVm;

    /** The Run panel: plan, then progress per rig and step, cancel, and the gates as the next things to do. */
    private VBox runPanel() {
        javafx.scene.control.ListView<String> planList = new javafx.scene.control.ListView<>(runVm.planLines());
        planList.setId("runPlan");
        javafx.scene.control.ListView<String> progressList = new javafx.scene.control.ListView<>(runVm.progressLines());
        progressList.setId("runProgress");
        javafx.scene.control.ListView<String> gateList = new javafx.scene.control.ListView<>(runVm.gateLines());
        gateList.setId("runGates");
        for (javafx.scene.control.ListView<String> l : java.util.List.of(planList, progressList, gateList)) {
            l.setPrefHeight(120);
        }
        Button start = Ui.button("Start", runVm::start);
        start.setId("runStart");
        start.disableProperty().bind(runVm.runningProperty().or(runVm.plannedProperty().not()));
        Button cancel = Ui.button("Cancel", runVm::cancel);
        cancel.setId("runCancel");
        cancel.disableProperty().bind(runVm.runningProperty().not());
        Label runStatus = Ui.label(runVm.statusProperty(), "muted");
        runStatus.setId("runStatus");
        runPanel.getChildren().addAll(Ui.row(8, new Label("Run: plan"), Ui.grow(), runStatus, start, cancel), planList,
                new Label("Progress per rig and step"), progressList, new Label("Waiting for you"), gateList);
        runPanel.setId("runPanel");
        runPanel.setVisible(false);
        runPanel.setManaged(false);
        return runPanel;
    }

    public DashboardView(DashboardViewModel vm) {
        this.runVm = new RunViewModel(vm.context());
        this.vm = vm;
        root.getStyleClass().add("page");
        Button refresh = Ui.button("Refresh", vm::refresh);
        refresh.setId("refreshButton");
        refresh.disableProperty().bind(vm.loadingProperty());
        Label where = Ui.label(vm.modelProperty().map(m -> m == null ? "" : m.dataRoot().toString()), "path");
        Label status = Ui.label(vm.statusProperty(), "muted", "small");
        status.setId("dashboardStatus");
        Button run = Ui.button("Run", () -> {
            runPanel.setVisible(true);
            runPanel.setManaged(true);
            runVm.plan();
        });
        run.setId("runButton");
        run.disableProperty().bind(runVm.runningProperty());
        HBox head = Ui.row(12, Ui.header("Archive", "Every rig with its stages and targets, and what to do next."), Ui.grow(),
                new VBox(4, where, status), run, refresh);
        ProgressBar busy = new ProgressBar(-1);
        busy.setPrefWidth(160);
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.managedProperty().bind(vm.loadingProperty());

        totals.setId("totals");
        matrix.getStyleClass().add("matrix");
        ScrollPane matrixScroll = new ScrollPane(matrix);
        matrixScroll.setFitToWidth(true);
        matrixScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // as tall as the rigs need, up to about five rows; more rigs scroll
        matrixScroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.min(165, matrix.heightProperty()));
        VBox matrixCard = Ui.card(Ui.label("Rigs and stages", "section-title"), matrixScroll);

        TextField search = new TextField();
        search.setPromptText("Search targets and rigs");
        search.setId("dashboardSearch");
        search.textProperty().bindBidirectional(vm.searchProperty());
        ComboBox<String> rig = new ComboBox<>(vm.rigChoices());
        rig.valueProperty().bindBidirectional(vm.rigProperty());
        rig.setId("rigFilter");
        rig.setPrefWidth(230);
        ComboBox<String> stage = new ComboBox<>(vm.stageChoices());
        stage.valueProperty().bindBidirectional(vm.stageProperty());
        stage.setId("stageFilter");
        Label rigLabel = Ui.label("Rig", "muted");
        Label stageLabel = Ui.label("Stage", "muted");
        Label shown = Ui.label(vm.shownCountsProperty(), "muted", "small");
        for (Label l : java.util.List.of(rigLabel, stageLabel, shown)) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox filters = Ui.row(8, search, rigLabel, rig, stageLabel, stage, Ui.grow(), shown);
        HBox.setHgrow(search, Priority.SOMETIMES);
        search.setPrefWidth(240);

        buildTree();
        VBox.setVgrow(tree, Priority.ALWAYS);
        problemsPane.setText("Files not counted");
        problemsPane.setContent(new ScrollPane(problems));
        problemsPane.setExpanded(false);
        problemsPane.setVisible(false);
        problemsPane.setManaged(false);
        VBox left = new VBox(12, totals, matrixCard, filters, tree, problemsPane);
        HBox.setHgrow(left, Priority.ALWAYS);

        queue.setId("nextSteps");
        queue.getStyleClass().add("queue");
        queue.setItems(vm.queue());
        queue.setCellFactory(l -> new QueueCell());
        queue.setPlaceholder(Ui.wrapped("Nothing waits: RAW is empty and every night is accepted and calibrated.", "muted"));
        VBox.setVgrow(queue, Priority.ALWAYS);
        VBox right = Ui.card(Ui.label("What to do next", "section-title"), queue);
        right.setPrefWidth(330);
        right.setMinWidth(280);

        HBox body = new HBox(16, left, right);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(head, busy, runPanel(), body);

        vm.modelProperty().addListener((o, a, b) -> NextFrame.run(() -> render(b)));
        vm.treeProperty().addListener((o, a, b) -> tree.setRoot(b));
        render(vm.modelProperty().get());
    }

    private void buildTree() {
        tree.setId("archiveTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<DashboardViewModel.Row, String> name = new TreeTableColumn<>("Rig / stage / target");
        name.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue().name()));
        name.setPrefWidth(300);
        TreeTableColumn<DashboardViewModel.Row, String> frames = new TreeTableColumn<>("Frames");
        frames.setCellValueFactory(d -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%,d", d.getValue().getValue().frames())));
        frames.setPrefWidth(80);
        frames.getStyleClass().add("numeric");
        TreeTableColumn<DashboardViewModel.Row, String> hours = new TreeTableColumn<>("Hours");
        hours.setCellValueFactory(d -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%.1f", d.getValue().getValue().hours())));
        hours.setPrefWidth(70);
        hours.getStyleClass().add("numeric");
        TreeTableColumn<DashboardViewModel.Row, String> nights = new TreeTableColumn<>("Nights");
        nights.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue().kind() == DashboardViewModel.Row.Kind.TARGET
                ? String.valueOf(d.getValue().getValue().nights()) : ""));
        nights.setPrefWidth(60);
        nights.getStyleClass().add("numeric");
        TreeTableColumn<DashboardViewModel.Row, String> filters = new TreeTableColumn<>("Filters");
        filters.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue().filters()));
        filters.setPrefWidth(120);
        TreeTableColumn<DashboardViewModel.Row, DashboardViewModel.Row> completion = new TreeTableColumn<>("Completion");
        Label completionHead = new Label("Completion");
        completionHead.setTooltip(new Tooltip("Against the Target Scheduler's plans (as apdm report): the least complete "
                + "planned filter. Where nothing is planned: nights accepted and calibrated, shown grey."));
        completion.setGraphic(completionHead);
        completion.setText("");
        completion.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().getValue()));
        completion.setCellFactory(c -> new TreeTableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = Ui.label("", "small");
            private final HBox box = new HBox(6, bar, text);
            private final Tooltip tip = new Tooltip();

            {
                bar.getStyleClass().add("completion");
                bar.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(bar, Priority.ALWAYS);
                text.setMinWidth(Label.USE_PREF_SIZE);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(DashboardViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || row.kind() != DashboardViewModel.Row.Kind.TARGET) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                bar.setProgress(row.completion());
                // the fallback (no plan) looks different from a completion against the plans
                bar.getStyleClass().remove("fallback");
                text.getStyleClass().remove("muted");
                if (!row.planned()) {
                    bar.getStyleClass().add("fallback");
                    text.getStyleClass().add("muted");
                }
                text.setText(row.completionText());
                setGraphic(box);
                tip.setText(row.note());
                setTooltip(tip);
            }
        });
        completion.setPrefWidth(170);
        TreeTableColumn<DashboardViewModel.Row, String> note = new TreeTableColumn<>("Notes");
        note.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue().kind() == DashboardViewModel.Row.Kind.TARGET
                ? "" : d.getValue().getValue().note()));
        note.setPrefWidth(140);
        tree.getColumns().addAll(java.util.List.of(name, frames, hours, nights, filters, completion, note));
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(DashboardViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("rig-row", "stage-row", "warning");
                if (!empty && item != null) {
                    getStyleClass().add(item.kind() == DashboardViewModel.Row.Kind.RIG ? "rig-row"
                            : item.kind() == DashboardViewModel.Row.Kind.STAGE ? "stage-row" : "target-row");
                    if (item.warning()) {
                        getStyleClass().add("warning");
                    }
                }
            }
        });
        tree.setPlaceholder(Ui.label("No frames in the archive yet. Ingest puts N.I.N.A.'s frames here.", "muted"));
        tree.setRoot(vm.treeProperty().get());
    }

    private void render(DashboardModel m) {
        totals.getChildren().clear();
        matrix.getChildren().clear();
        if (m == null) {
            return;
        }
        DashboardModel.Totals t = m.totals();
        totals.getChildren().addAll(
                Ui.tile(String.valueOf(t.rigs()), t.rigs() == 1 ? "rig" : "rigs", ""),
                Ui.tile(String.format(Locale.ROOT, "%,d", t.targets()), "targets in stages", ""),
                Ui.tile(String.format(Locale.ROOT, "%,d", t.frames()), "light frames", ""),
                Ui.tile(String.format(Locale.ROOT, "%,.1f", t.hours()), "hours", ""));
        matrix.add(Ui.label("RIG", "matrix-head"), 0, 0);
        for (int c = 0; c < m.stageColumns().size(); c++) {
            Label h = Ui.label(m.stageColumns().get(c), "matrix-head");
            h.setMaxWidth(Double.MAX_VALUE);
            h.setAlignment(Pos.CENTER);
            matrix.add(h, c + 1, 0);
        }
        int r = 1;
        for (DashboardModel.RigRow rig : m.rigs()) {
            Label name = Ui.label(rig.rig(), "matrix-rig");
            name.setMinWidth(120);
            name.setPrefWidth(210);
            matrix.add(name, 0, r);
            for (int c = 0; c < m.stageColumns().size(); c++) {
                String stage = m.stageColumns().get(c);
                DashboardModel.StageRow s = rig.stage(stage);
                Label cell = new Label(s == null ? "–" : s.targets().size() + (s.targets().size() == 1 ? " target" : " targets"));
                cell.getStyleClass().add("matrix-cell");
                cell.setMaxWidth(Double.MAX_VALUE);
                if (s != null) {
                    cell.getStyleClass().add(!s.known() ? "unknown"
                            : stage.equals(org.apdm.core.layout.ArchiveLayout.BLINK) ? "work" : "filled");
                    String tip = String.format(Locale.ROOT, "%s, %s: %,d frames, %.1f h", rig.rig(), stage, s.frames(), s.hours());
                    lazyTooltip(cell, tip);
                }
                String rigName = rig.rig();
                cell.setOnMouseClicked(e -> vm.focus(rigName, stage));
                matrix.add(cell, c + 1, r);
            }
            r++;
        }
        problems.getChildren().setAll(m.problems().stream().limit(500).map(p -> (Node) Ui.label(p, "path")).toList());
        problemsPane.setText("Files not counted (" + m.problems().size() + ")");
        problemsPane.setVisible(!m.problems().isEmpty());
        problemsPane.setManaged(!m.problems().isEmpty());
    }

    /** A tooltip made on the first hover: hundreds of cells would otherwise each build one up front. */
    static void lazyTooltip(javafx.scene.control.Control c, String text) {
        c.setOnMouseEntered(e -> {
            if (c.getTooltip() == null) {
                c.setTooltip(new Tooltip(text));
            }
        });
    }

    /** One entry of the queue: kind, what, detail, and the link to the page that does it. */
    private final class QueueCell extends javafx.scene.control.ListCell<NextStep> {
        private final Label kind = Ui.label("", "queue-kind");
        private final Label title = Ui.wrapped("", "queue-title");
        private final Label detail = Ui.wrapped("", "muted", "small");
        private final Button open = Ui.button("", () -> { }, "link");
        private final Label later = Ui.label("apdm does not do this step yet", "muted", "small");
        private final VBox box = new VBox(kind, title, detail);

        QueueCell() {
            box.getStyleClass().add("queue-item");
            // as wide as the list, so long entries wrap instead of scrolling sideways
            box.maxWidthProperty().bind(queue.widthProperty().subtract(18));
            box.prefWidthProperty().bind(queue.widthProperty().subtract(18));
            title.maxWidthProperty().bind(queue.widthProperty().subtract(46));
            detail.maxWidthProperty().bind(queue.widthProperty().subtract(46));
        }

        @Override
        protected void updateItem(NextStep step, boolean empty) {
            super.updateItem(step, empty);
            setText(null);
            if (empty || step == null) {
                setGraphic(null);
                return;
            }
            kind.setText(DashboardView.kind(step.kind()));
            title.setText(step.title());
            detail.setText(step.detail());
            box.getStyleClass().removeAll("warning", "later");
            if (step.kind().warning()) {
                box.getStyleClass().add("warning");
            }
            box.getChildren().setAll(kind, title, detail);
            if (step.actionLabel() != null) {
                if (vm.canOpen(step)) {
                    open.setText(step.actionLabel() + " →");
                    open.setOnAction(e -> vm.open(step));
                    open.setId("next-" + step.pageId());
                    box.getChildren().add(open);
                } else {
                    box.getStyleClass().add("later");
                    box.getChildren().add(later);
                }
            }
            setGraphic(box);
        }
    }

    private static String kind(NextStep.Kind k) {
        return switch (k) {
            case INGEST -> "INGEST";
            case CULL -> "CULL AND BLINK";
            case CALIBRATE -> "CALIBRATION";
            case PROMOTE -> "PROMOTE";
            case MASTER -> "READY FOR MASTER";
            case BAKE -> "BAKE REMINDER";
            case DISK -> "DISK SPACE";
            case WARNING -> "WARNING";
            case PROBLEM -> "NOT READ";
            case UNKNOWN_STAGE -> "UNKNOWN STAGE";
        };
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void opened(String argument) {
        if (argument != null) {
            vm.showTarget(argument);
        }
        if (vm.modelProperty().get() == null && !vm.loadingProperty().get()) {
            vm.refresh();
        }
    }

    public DashboardViewModel viewModel() {
        return vm;
    }
}
