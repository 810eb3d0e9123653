package org.apdm.gui.cull;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.apdm.core.cull.GroupProposal;
import org.apdm.gui.operation.PlanPreviewView;
import org.apdm.gui.operation.ProgressPanel;
import org.apdm.gui.operation.RunResultView;
import org.apdm.gui.operation.OperationView;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/** The cull page: check → review (groups, chart, limits, decisions) → plan → approve → result; and the rejected frames. */
public final class CullView implements PageView {

    private final CullViewModel vm;
    private final RestoreViewModel restore;
    private final VBox root = new VBox();
    private final StackPane body = new StackPane();
    private final TabPane tabs;

    public CullView(CullViewModel vm, RestoreViewModel restore, PurgeViewModel purge) {
        this.vm = vm;
        this.restore = restore;
        root.getStyleClass().add("page");
        root.setId("cullPage");
        VBox cull = new VBox(12, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        Tab cullTab = Ui.tab("Cull 10_Blink", "cullTab", cull);
        Tab rejectedTab = Ui.tab("Rejected frames", "rejectedTab", new RestoreView(restore));
        rejectedTab.setOnSelectionChanged(e -> {
            if (rejectedTab.isSelected()) {
                restore.load();
            }
        });
        OperationView purgeView = new OperationView("Purge old rejects",
                "Delete rejected frames for good once they are older than the days you give. Until then `restore` can put "
                        + "them back.", purge.flow(), () -> purgeIntro(purge), "Plan the purge").asSection();
        Tab purgeTab = Ui.tab("Purge", "purgeTab", purgeView);
        purgeTab.setOnSelectionChanged(e -> {
            if (purgeTab.isSelected()) {
                purgeView.renderIfReady();
            }
        });
        tabs = Ui.tabs(cullTab, rejectedTab, purgeTab);
        root.getChildren().addAll(Ui.header("Cull", "Reject poor lights in each rig's 10_Blink by HFR, guiding RMS and stars. "
                + "Groups below a pass's auto-accept share are applied; the others wait for your decision here. "
                + "Rejected frames keep their path below the reject folder and can be put back."), tabs);
        vm.stageProperty().addListener((o, a, b) -> render());
        render();
    }

    private static Node purgeIntro(PurgeViewModel purge) {
        javafx.scene.control.TextField days = new javafx.scene.control.TextField();
        days.setId("purgeDays");
        days.setPrefColumnCount(5);
        days.textProperty().bindBidirectional(purge.daysProperty());
        Label problem = Ui.label("Whole days, 0 or more.", "field-problem");
        problem.visibleProperty().bind(purge.daysValid().not());
        return new VBox(12, Ui.folders(List.<String[]>of(new String[] {"Rejected frames in", purge.rejectFolder()})),
                Ui.card(Ui.label("Which frames", "section-title"), Ui.row(10, Ui.label("Rejected more than", "muted"), days,
                        Ui.label("days ago", "muted"), problem)));
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
        groups.setCellFactory(l -> new GroupCell());
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

    /** A group in the list: its decision badge, what it is (target, night, filter), and the proposal. */
    private static final class GroupCell extends ListCell<GroupReview> {
        private final Label badge = new Label();
        private final Label title = Ui.label("", "group-cell-title");
        private final Label sub = Ui.label("", "group-cell-sub");
        private final VBox box = new VBox(2, Ui.row(8, badge, title), sub);
        private final javafx.beans.value.ChangeListener<GroupReview.Decision> decided = (o, a, b) -> updateBadge();
        private GroupReview shown;

        GroupCell() {
            badge.getStyleClass().add("badge");
        }

        @Override
        protected void updateItem(GroupReview r, boolean empty) {
            super.updateItem(r, empty);
            if (shown != null) {
                shown.decisionProperty().removeListener(decided);
            }
            shown = empty ? null : r;
            setText(null);
            if (shown == null) {
                setGraphic(null);
                return;
            }
            shown.decisionProperty().addListener(decided);
            GroupProposal p = r.proposal();
            title.setText(describe(r.folder()));
            sub.setText(String.format("%s · %s · reject %d of %d (%s %%)", shortRig(p.group().rig()), p.pass().name(),
                    p.rejects().size(), p.total(), p.percentText()));
            updateBadge();
            setGraphic(box);
        }

        private void updateBadge() {
            GroupReview r = shown;
            badge.getStyleClass().removeAll("undecided", "reject", "keep", "auto");
            String kind = !r.needsDecision() ? "auto" : switch (r.decisionProperty().get()) {
                case UNDECIDED -> "undecided";
                case REJECT -> "reject";
                case KEEP -> "keep";
            };
            badge.getStyleClass().add(kind);
            badge.setText(kind.equals("undecided") ? "decide" : kind);
        }
    }

    /** {@code M 81 · 2025-03-02 · L 120 s} from {@code rig/10_Blink/M 81/DATE_2025-03-02/FILTER_L_EXP_120.00_SETTEMP_-10.00}. */
    static String describe(String folder) {
        String[] parts = folder.split("/");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            String p = parts[i];
            java.util.regex.Matcher g = java.util.regex.Pattern.compile("FILTER_(.*?)_EXP_([^_]+)(?:_SETTEMP_[^_]+)?(?:_PANEL_(.+))?")
                    .matcher(p);
            if (p.startsWith("DATE_")) {
                out.add(p.substring(5));
            } else if (g.matches()) {
                String exp = g.group(2).replaceAll("\\.0+$", "");
                out.add(g.group(1) + " " + exp + " s" + (g.group(3) == null ? "" : " · panel " + g.group(3)));
            } else {
                out.add(p);
            }
        }
        return String.join(" · ", out);
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
