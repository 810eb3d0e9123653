package org.apdm.gui.cull;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.apdm.core.cull.GroupProposal;
import org.apdm.gui.operation.PlanPreviewView;
import org.apdm.gui.operation.ProgressPanel;
import org.apdm.gui.operation.RunResultView;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/** The cull page: check → review (groups, chart, limits, decisions) → plan → approve → result; and the rejected frames. */
public final class CullView implements PageView {

    private final CullViewModel vm;
    private final RestoreViewModel restore;
    private final VBox root = new VBox();
    private final StackPane body = new StackPane();
    private final TabPane tabs;

    public CullView(CullViewModel vm, RestoreViewModel restore) {
        this.vm = vm;
        this.restore = restore;
        root.getStyleClass().add("page");
        root.setId("cullPage");
        VBox cull = new VBox(12, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        Tab cullTab = new Tab("Cull 10_Blink", cull);
        Tab rejectedTab = new Tab("Rejected frames", new RestoreView(restore));
        rejectedTab.setId("rejectedTab");
        rejectedTab.setOnSelectionChanged(e -> {
            if (rejectedTab.isSelected()) {
                restore.load();
            }
        });
        tabs = new TabPane(cullTab, rejectedTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(Ui.header("Cull", "Reject poor lights in each rig's 10_Blink by HFR, guiding RMS and stars. "
                + "Groups below a pass's auto-accept share are applied; the others wait for your decision here. "
                + "Rejected frames keep their path below the reject folder and can be put back."), tabs);
        vm.stageProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        Node content = switch (vm.stageProperty().get()) {
            case READY -> ready();
            case CHECKING, PLANNING, RUNNING -> new VBox(12, new ProgressPanel(vm.jobProperty()));
            case REVIEW -> review();
            case PLANNED -> planned();
            case DONE -> done();
            case FAILED -> new VBox(12, Ui.banner("bad", vm.messageProperty().get()),
                    Ui.row(10, Ui.button("Check again", vm::check, "primary"), Ui.button("Back", vm::startOver)));
        };
        body.getChildren().setAll(content);
    }

    private Node ready() {
        ComboBox<String> rig = new ComboBox<>(vm.rigChoices());
        rig.valueProperty().bindBidirectional(vm.rigProperty());
        rig.setId("cullRig");
        rig.setPrefWidth(280);
        Button check = Ui.button("Check 10_Blink", vm::check, "primary");
        check.setId("checkButton");
        return new VBox(14, Ui.card(Ui.label("Which rigs", "section-title"), Ui.row(10, rig,
                Ui.label("The passes come from Settings → Rigs (or the built-in ones).", "muted"))),
                Ui.row(10, check, Ui.label("Checking moves nothing.", "muted")));
    }

    private Node review() {
        ListView<GroupReview> groups = new ListView<>(vm.reviews());
        groups.setId("groupList");
        groups.setPrefWidth(360);
        groups.setMinWidth(280);
        groups.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GroupReview r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                GroupProposal p = r.proposal();
                Label badge = new Label();
                badge.getStyleClass().add("badge");
                badge.textProperty().bind(r.decisionProperty().map(d -> !r.needsDecision() ? "auto"
                        : d == GroupReview.Decision.UNDECIDED ? "decide" : d == GroupReview.Decision.REJECT ? "reject" : "keep"));
                r.decisionProperty().addListener((o, a, b) -> updateBadge(badge, r));
                updateBadge(badge, r);
                Label title = Ui.label(r.folder().replaceFirst("^[^/]+/10_Blink/", ""), "group-cell-title");
                Label sub = Ui.label(String.format("%s · %s · %d of %d (%s %%)", shortRig(p.group().rig()), p.pass().name(),
                        p.rejects().size(), p.total(), p.percentText()), "group-cell-sub");
                HBox top = Ui.row(8, badge, title);
                setGraphic(new VBox(2, top, sub));
                setText(null);
            }
        });
        groups.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        if (vm.selectedProperty().get() != null) {
            groups.getSelectionModel().select(vm.selectedProperty().get());
        }
        StackPane detail = new StackPane();
        Runnable showSelected = () -> {
            GroupReview r = vm.selectedProperty().get();
            detail.getChildren().setAll(r == null ? Ui.label("Nothing to reject in 10_Blink.", "muted") : new GroupReviewView(r, true));
        };
        vm.selectedProperty().addListener((o, a, b) -> showSelected.run());
        showSelected.run();
        SplitPane split = new SplitPane(groups, detail);
        split.setDividerPositions(0.3);
        VBox.setVgrow(split, Priority.ALWAYS);
        Button plan = Ui.button("Show the plan", vm::plan, "primary");
        plan.setId("showPlanButton");
        Label message = Ui.label(vm.messageProperty(), "muted");
        message.setId("cullMessage");
        return new VBox(12, Ui.row(10, plan, Ui.button("Check again", vm::check), Ui.button("Start over", vm::startOver), Ui.grow(),
                message), split);
    }

    private static void updateBadge(Label badge, GroupReview r) {
        badge.getStyleClass().removeAll("undecided", "reject", "keep", "auto");
        badge.getStyleClass().add(!r.needsDecision() ? "auto" : switch (r.decisionProperty().get()) {
            case UNDECIDED -> "undecided";
            case REJECT -> "reject";
            case KEEP -> "keep";
        });
    }

    private static String shortRig(String rig) {
        int at = rig.indexOf('@');
        return at > 0 ? rig.substring(0, at) : rig;
    }

    private Node planned() {
        Button approve = Ui.button("", vm::approve, "primary");
        approve.textProperty().bind(vm.approveLabelProperty());
        approve.setId("cullApproveButton");
        approve.setDisable(vm.previewProperty().get().counts().moves() == 0);
        long undecided = vm.undecided();
        PlanPreviewView view = new PlanPreviewView(vm.previewProperty().get());
        VBox.setVgrow(view, Priority.ALWAYS);
        VBox box = new VBox(12, Ui.row(10, approve, Ui.button("Back to the review", vm::backToReview)));
        if (undecided > 0) {
            box.getChildren().add(Ui.banner("warn", undecided + (undecided == 1 ? " group was" : " groups were")
                    + " left undecided: all their frames are kept."));
        }
        box.getChildren().add(view);
        return box;
    }

    private Node done() {
        RunResultView view = new RunResultView(vm.resultProperty().get());
        VBox.setVgrow(view, Priority.ALWAYS);
        return new VBox(12, Ui.row(10, Ui.button("Check again", vm::check, "primary"),
                Ui.button("See rejected frames", () -> tabs.getSelectionModel().select(1))), view);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void opened(String argument) {
        if (vm.stageProperty().get() == CullViewModel.Stage.READY) {
            vm.loadRigs(argument);
        }
    }

    public CullViewModel viewModel() {
        return vm;
    }
}
