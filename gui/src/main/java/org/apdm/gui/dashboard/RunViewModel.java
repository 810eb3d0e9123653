package org.apdm.gui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.run.Gate;
import org.apdm.core.run.RunCheckpoint;
import org.apdm.core.run.RunExecutor;
import org.apdm.core.run.RunPlan;
import org.apdm.core.run.RunPlanner;
import org.apdm.core.run.RunStep;
import org.apdm.core.run.RunSteps;
import org.apdm.core.task.Progress;
import org.apdm.db.update.DbUpdateStep;
import org.apdm.gui.AppContext;
import org.apdm.gui.task.Job;

/**
 * The dashboard's Run button: the plan of {@code apdm run} first, then progress per rig and step, cancel, and the
 * gates as the next things to do. The same {@link RunExecutor} and steps as the command line.
 */
public final class RunViewModel {

    private final AppContext context;
    private final ObservableList<String> plan = FXCollections.observableArrayList();
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ObservableList<String> gates = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper planned = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Job<?> job;

    public RunViewModel(AppContext context) {
        this.context = context;
    }

    private List<RunStep> steps(ApdmConfig config) {
        return RunSteps.of(config, new DbUpdateStep(config), new org.apdm.nina.SchedulerSyncStep(config),
                new org.apdm.db.report.ReportsStep(config));
    }

    /** Works out the plan (nothing changes); call on the FX thread. */
    public void plan() {
        ApdmConfig config = context.config();
        running.set(true);
        status.set("Working out the plan…");
        job = context.tasks().submit("Plan the run", (listener, cancel) -> {
            RunExecutor ex = new RunExecutor(steps(config), RunCheckpoint.load(config.stateDir()),
                    Runtime.getRuntime().availableProcessors());
            List<String> rigs = RunSteps.rigFolders(config.roots().data(), List.of());
            return ex.plan(rigs, RunSteps.queue(config, rigs, listener, cancel), listener, cancel);
        }, p -> {
            running.set(false);
            showPlan(p);
        }, this::failed);
    }

    private void showPlan(RunPlan p) {
        List<String> lines = new ArrayList<>();
        p.shared().forEach(s -> lines.add("all rigs · " + line(s)));
        p.rigs().keySet().stream().sorted().forEach(rig -> p.rigs().get(rig).forEach(s -> lines.add(rig + " · " + line(s))));
        plan.setAll(lines);
        List<String> g = new ArrayList<>();
        p.gates().values().forEach(l -> l.forEach(x -> g.add(x.describe())));
        gates.setAll(g);
        planned.set(true);
        status.set(p.nothingToDo() ? "Nothing to do." : p.resumed() ? "Resumes an interrupted run." : "Ready to run.");
    }

    private static String line(RunPlan.PlannedStep s) {
        return s.step() + ": " + (s.finished() ? "done" : s.files() < 0 ? "?" : s.files() + " file(s)")
                + (s.waitsFor().isEmpty() ? "" : " — waits for " + s.waitsFor());
    }

    /** Runs every due step; call on the FX thread after {@link #plan}. */
    public void start() {
        ApdmConfig config = context.config();
        running.set(true);
        progress.clear();
        status.set("Running…");
        job = context.tasks().submit("Run", (listener, cancel) -> {
            RunExecutor ex = new RunExecutor(steps(config), RunCheckpoint.load(config.stateDir()),
                    Runtime.getRuntime().availableProcessors());
            RunExecutor.Listener l = new RunExecutor.Listener() {
                @Override
                public void onProgress(Progress p) {
                    listener.onProgress(p);
                }

                @Override
                public void onMessage(String line) {
                    listener.onMessage(line);
                }

                @Override
                public void stepStarted(String rig, String step) {
                    show(RunPlanner.key(rig, step) + ": running");
                }

                @Override
                public void stepSkipped(String rig, String step) {
                    show(RunPlanner.key(rig, step) + ": already done");
                }

                @Override
                public void stepFinished(String rig, String step, RunStep.Outcome o) {
                    show(String.format(Locale.ROOT, "%s: %d done%s%s", RunPlanner.key(rig, step), o.done(),
                            o.leftBehind() > 0 ? ", " + o.leftBehind() + " left behind" : "",
                            o.cancelled() ? ", cancelled" : ""));
                }
            };
            RunExecutor.Result r = ex.execute(() -> RunSteps.rigFolders(config.roots().data(), List.of()),
                    (rigs, pl, c) -> RunSteps.queue(config, rigs, pl, c), l, cancel);
            return new Object[] {r, r.gates()};
        }, o -> {
            running.set(false);
            RunExecutor.Result r = (RunExecutor.Result) o[0];
            @SuppressWarnings("unchecked")
            List<Gate> g = (List<Gate>) o[1];
            gates.setAll(g.stream().map(Gate::describe).toList());
            r.failures().forEach(f -> progress.add("failed: " + f));
            status.set(r.cancelled() ? "Cancelled; Run again goes on from here."
                    : !r.failures().isEmpty() ? "A step failed; the other rigs went on."
                    : g.isEmpty() ? "All rigs are up to date." : "Done up to the gates below.");
        }, this::failed);
    }

    private void show(String line) {
        Platform.runLater(() -> {
            String key = line.substring(0, line.indexOf(':'));
            for (int i = 0; i < progress.size(); i++) {
                if (progress.get(i).startsWith(key + ":")) {
                    progress.set(i, line);
                    return;
                }
            }
            progress.add(line);
        });
    }

    private void failed(Throwable t) {
        running.set(false);
        status.set("Failed: " + t.getMessage());
    }

    /** Stops at the next safe point (between files). */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    public ObservableList<String> planLines() {
        return plan;
    }

    public ObservableList<String> progressLines() {
        return progress;
    }

    public ObservableList<String> gateLines() {
        return gates;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty plannedProperty() {
        return planned.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
