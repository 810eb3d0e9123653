package org.apdm.gui.cull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.cull.RejectTreePlanner;
import org.apdm.core.cull.RejectedFile;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.summary.PlanSummary;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Failures;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/**
 * Rejected frames and their restore: lists the reject tree ({@link CullOperation#rejectedFiles}), restores the
 * chosen frames through {@link RejectTreePlanner#restore} and {@link CullOperation#execute}, with the same
 * preview → approve → result flow as every operation. FX thread.
 */
public final class RestoreViewModel {

    private final AppContext context;
    private final ObservableList<RejectedFile> files = FXCollections.observableArrayList();
    private final FilteredList<RejectedFile> shown = new FilteredList<>(files, f -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<RejectedFile> chosen = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final RestoreSteps steps = new RestoreSteps();
    private final OperationFlow<RejectTreePlan> flow;

    public RestoreViewModel(AppContext context) {
        this.context = context;
        this.flow = new OperationFlow<>(steps, context.tasks(), context.log());
        search.addListener((o, a, b) -> {
            String needle = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(f -> needle.isEmpty() || f.relative().toString().toLowerCase(Locale.ROOT).contains(needle)
                    || (f.pass() != null && f.pass().toLowerCase(Locale.ROOT).contains(needle)));
        });
        flow.stageProperty().addListener((o, a, b) -> {
            if (b == OperationFlow.Stage.DONE) {
                load();
            }
        });
    }

    /** Lists the reject tree (background). */
    public void load() {
        ApdmConfig config = context.config();
        if (config == null || config.roots().reject() == null) {
            status.set("No reject folder is configured.");
            return;
        }
        Path reject = config.roots().reject();
        if (!java.nio.file.Files.isDirectory(reject)) {
            files.clear();
            status.set("Nothing rejected yet (" + reject + " does not exist).");
            return;
        }
        CullOperation op = new CullOperation(config, context.engine(config), context.clock());
        context.tasks().submit("Restore", (l, c) -> op.rejectedFiles(reject, c), list -> {
            files.setAll(list);
            status.set(list.size() + (list.size() == 1 ? " rejected frame" : " rejected frames") + " in " + reject);
        }, failure -> status.set(Failures.message(failure)));
    }

    /** Plans putting back the chosen frames (all shown ones when none is chosen). */
    public void planRestore() {
        ApdmConfig config = context.config();
        List<RejectedFile> which = new ArrayList<>(chosen.isEmpty() ? shown : chosen);
        if (which.isEmpty() || config.roots().data() == null) {
            return;
        }
        steps.set(config, which);
        flow.plan();
    }

    public ObservableList<RejectedFile> shown() {
        return shown;
    }

    public ObservableList<RejectedFile> chosen() {
        return chosen;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public OperationFlow<RejectTreePlan> flow() {
        return flow;
    }

    /** The restore as an operation of the window. */
    final class RestoreSteps implements OperationSteps<RejectTreePlan> {


        private volatile ApdmConfig config;
        private volatile List<RejectedFile> which = List.of();

        void set(ApdmConfig c, List<RejectedFile> files) {
            config = c;
            which = List.copyOf(files);
        }

        @Override
        public String title() {
            return "Restore";
        }

        @Override
        public Planned<RejectTreePlan> plan(ProgressListener listener, CancellationToken cancel) {
            Path data = config.roots().data().toAbsolutePath().normalize();
            Path reject = config.roots().reject().toAbsolutePath().normalize();
            CullOperation op = new CullOperation(config, context.engine(config), context.clock());
            Plan plan = op.restorePlan(which, data, reject);
            List<OperationOutcome> predicted = op.preview(plan);
            PathDisplay display = new PathDisplay(List.of(reject, data));
            List<String> lines = new ArrayList<>();
            lines.add(plan.title() + " (plan)");
            lines.addAll(PlanSummary.planLines(display, plan, predicted, false));
            PlanPreview preview = PlanPreview.of(title(), predicted, plan.leftBehind(), display, lines);
            return new Planned<>(new RejectTreePlan(op, plan, reject, display), preview);
        }

        @Override
        public RunResult run(RejectTreePlan p, ProgressListener listener, CancellationToken cancel) throws Exception {
            return p.run(title(), listener, cancel);
        }

        @Override
        public String approveLabel(PlanPreview preview) {
            long n = preview.counts().moves();
            return "Put back " + n + (n == 1 ? " frame" : " frames");
        }
    }
}
