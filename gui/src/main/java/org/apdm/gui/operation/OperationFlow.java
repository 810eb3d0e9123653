package org.apdm.gui.operation;

import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.apdm.gui.log.OperationLog;
import org.apdm.gui.task.BackgroundTasks;
import org.apdm.gui.task.Job;
import org.apdm.gui.task.Work;

/**
 * The state of one operation in the window: {@code READY → PLANNING → PLANNED → RUNNING → DONE}, or
 * {@code FAILED} with a message. Each step is allowed only from the stage before it, so a plan runs at
 * most once and only after it was shown. Work runs on {@link BackgroundTasks}; everything here changes on
 * the FX thread.
 */
public final class OperationFlow<P> {

    /** Where the operation is. */
    public enum Stage { READY, PLANNING, PLANNED, RUNNING, DONE, FAILED }

    private final OperationSteps<P> steps;
    private final BackgroundTasks tasks;
    private final OperationLog log;
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.READY);
    private final ReadOnlyObjectWrapper<PlanPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper approveLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper();
    private P prepared;
    private Runnable beforePlan = () -> { };

    public OperationFlow(OperationSteps<P> steps, BackgroundTasks tasks, OperationLog log) {
        this.steps = steps;
        this.tasks = tasks;
        this.log = log;
    }

    public String title() {
        return steps.title();
    }

    /** Runs on the FX thread before each plan: a page hands its choices (rig, options) to its steps. */
    public void beforePlan(Runnable r) {
        beforePlan = r;
    }

    /** Scans and plans in the background; shows the plan when done. */
    public void plan() {
        Stage s = stage.get();
        if (s == Stage.PLANNING || s == Stage.RUNNING) {
            return;
        }
        beforePlan.run();
        if (!moveFrom(Stage.READY, Stage.PLANNING) && !moveFrom(Stage.DONE, Stage.PLANNING)
                && !moveFrom(Stage.FAILED, Stage.PLANNING) && !moveFrom(Stage.PLANNED, Stage.PLANNING)) {
            return;
        }
        preview.set(null);
        result.set(null);
        error.set("");
        log.add(title(), "planning");
        start(steps::plan, planned -> {
            prepared = planned.prepared();
            preview.set(planned.preview());
            approveLabel.set(steps.approveLabel(planned.preview()));
            confirmation.set(steps.confirmation(planned.preview()));
            log.addAll(title(), planned.preview().summaryLines());
            stage.set(Stage.PLANNED);
        });
    }

    /** Runs the plan the user saw. */
    public void approve() {
        if (!moveFrom(Stage.PLANNED, Stage.RUNNING)) {
            return;
        }
        P approved = Objects.requireNonNull(prepared);
        log.add(title(), "running the approved plan");
        start((listener, cancel) -> steps.run(approved, listener, cancel), r -> {
            prepared = null;
            result.set(r);
            log.addAll(title(), r.summaryLines());
            stage.set(Stage.DONE);
        });
    }

    /** Asks the running work to stop at its next safe point. */
    public void cancel() {
        Job<?> j = job.get();
        if (j != null) {
            j.cancel();
        }
    }

    /** Back to the start: drops a plan that was shown but not run. */
    public void startOver() {
        Stage s = stage.get();
        if (s == Stage.PLANNED || s == Stage.DONE || s == Stage.FAILED) {
            prepared = null;
            preview.set(null);
            result.set(null);
            error.set("");
            stage.set(Stage.READY);
        }
    }

    private boolean moveFrom(Stage from, Stage to) {
        if (stage.get() != from) {
            return false;
        }
        stage.set(to);
        return true;
    }

    private <T> void start(Work<T> work, java.util.function.Consumer<T> done) {
        Job<T> j = tasks.submit(title(), work, value -> {
            job.set(null);
            done.accept(value);
        }, failure -> {
            job.set(null);
            String message = Failures.message(failure);
            error.set(message);
            log.add(title(), "error: " + message);
            stage.set(Stage.FAILED);
        });
        j.onLine(line -> log.add(title(), line));
        job.set(j);
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlanPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The work in progress (planning or running), for the progress panel. */
    public ReadOnlyObjectProperty<Job<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the user must tick before approving (see {@link OperationSteps#confirmation}), or null. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty approveLabelProperty() {
        return approveLabel.getReadOnlyProperty();
    }
}
