package org.apdm.gui.operation;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.apdm.gui.shell.NextFrame;
import org.apdm.gui.shell.Ui;

/**
 * The page of an operation: what it does and on which folders, then — following {@link OperationFlow} —
 * the plan button, the progress, the plan with its approve button, or the result. Any operation that plugs in
 * through {@link OperationSteps} gets this page.
 */
public final class OperationView extends VBox {

    private final OperationFlow<?> flow;
    private final Supplier<Node> intro;
    private final String planLabel;
    private final StackPane body = new StackPane();

    /**
     * @param intro     what the operation will work on (folders), rebuilt when the page is shown
     * @param planLabel the first button ("Plan ingest")
     */
    public OperationView(String title, String lead, OperationFlow<?> flow, Supplier<Node> intro, String planLabel) {
        this.flow = flow;
        this.intro = intro;
        this.planLabel = planLabel;
        getStyleClass().add("page");
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(Ui.header(title, lead), body);
        flow.stageProperty().addListener((o, a, b) -> render());
        render();
    }

    /** Shows the current stage; called again when the page is opened. */
    public void render() {
        Node content = switch (flow.stageProperty().get()) {
            case READY -> ready();
            case PLANNING, RUNNING -> new VBox(12, new ProgressPanel(flow.jobProperty()));
            case PLANNED -> planned();
            case DONE -> done();
            case FAILED -> failed();
        };
        body.getChildren().setAll(content);
    }

    /** Inside a tab of a page: a smaller heading, no page margins. */
    public OperationView asSection() {
        getStyleClass().setAll("section");
        return this;
    }

    /** Shows the folders anew (they may have changed in Settings) unless an operation is under way. */
    public void renderIfReady() {
        if (flow.stageProperty().get() == OperationFlow.Stage.READY) {
            render();
        }
    }

    private Node ready() {
        Button plan = Ui.button(planLabel, flow::plan, "primary");
        plan.setId("planButton");
        VBox v = new VBox(14, intro.get(), Ui.row(10, plan,
                Ui.label("Nothing changes until you approve the plan.", "muted")));
        return v;
    }

    private Node planned() {
        PlanPreview p = flow.previewProperty().get();
        Button approve = Ui.button("", flow::approve, "primary");
        approve.textProperty().bind(flow.approveLabelProperty());
        approve.setId("approveButton");
        Button again = Ui.button("Plan again", flow::plan);
        Button back = Ui.button("Start over", flow::startOver);
        HBox actions = Ui.row(10, approve, again, back, Ui.grow(),
                Ui.label(p.actions() == 0 ? "Nothing to do." : "Review the plan; nothing has changed yet.", "muted"));
        VBox box = new VBox(12, actions);
        String confirm = flow.confirmationProperty().get();
        if (confirm != null && p.actions() > 0) {
            // cannot be undone: the button works only once the user ticked what it will do
            CheckBox sure = new CheckBox(confirm);
            sure.setId("confirmBox");
            sure.getStyleClass().add("confirm");
            approve.disableProperty().bind(sure.selectedProperty().not());
            box.getChildren().add(0, Ui.banner("warn", "This cannot be undone. Read the list below, then tick the box."));
            box.getChildren().add(1, sure);
        } else {
            approve.setDisable(p.actions() == 0);
        }
        // the buttons first, the plan a frame later: each frame of the window stays short
        NextFrame.run(() -> {
            PlanPreviewView view = new PlanPreviewView(p);
            VBox.setVgrow(view, Priority.ALWAYS);
            box.getChildren().add(view);
        });
        return box;
    }

    private Node done() {
        RunResult r = flow.resultProperty().get();
        Button again = Ui.button("Plan again", flow::plan, "primary");
        again.setId("planAgainButton");
        VBox box = new VBox(12, Ui.row(10, again, Ui.button("Back", flow::startOver)));
        NextFrame.run(() -> {
            RunResultView view = new RunResultView(r);
            VBox.setVgrow(view, Priority.ALWAYS);
            box.getChildren().add(view);
        });
        return box;
    }

    private Node failed() {
        var banner = Ui.banner("bad", flow.errorProperty().get());
        banner.setId("errorBanner");
        return new VBox(12, banner, Ui.row(10, Ui.button("Try again", flow::plan, "primary"),
                Ui.button("Back", flow::startOver)));
    }
}
