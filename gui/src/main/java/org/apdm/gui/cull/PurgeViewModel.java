package org.apdm.gui.cull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.summary.PlanSummary;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Folders;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/**
 * {@code apdm cull purge} in the window: rejected frames older than the days typed are deleted for good, through
 * {@link CullOperation#purgePlan} and {@link CullOperation#execute}; the list comes first and the delete needs a tick.
 */
public final class PurgeViewModel {

    private final AppContext context;
    private final StringProperty days = new SimpleStringProperty("30");
    private final PurgeSteps steps = new PurgeSteps();
    private final OperationFlow<RejectTreePlan> flow;

    public PurgeViewModel(AppContext context) {
        this.context = context;
        this.flow = new OperationFlow<>(steps, context.tasks(), context.log());
        flow.beforePlan(() -> steps.days = days());
    }

    /** The days typed, or -1 when they are not a whole number of 0 or more. */
    int days() {
        try {
            int d = Integer.parseInt(days.get().trim());
            return d < 0 ? -1 : d;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The field holds 0 or more whole days. */
    public BooleanBinding daysValid() {
        return Bindings.createBooleanBinding(() -> days() >= 0, days);
    }

    public StringProperty daysProperty() {
        return days;
    }

    public OperationFlow<RejectTreePlan> flow() {
        return flow;
    }

    public String rejectFolder() {
        ApdmConfig c = context.config();
        return c == null || c.roots().reject() == null ? "" : c.roots().reject().toString();
    }

    /** The purge as an operation of the window. */
    final class PurgeSteps implements OperationSteps<RejectTreePlan> {


        volatile int days = 30;

        @Override
        public String title() {
            return "Purge";
        }

        @Override
        public Planned<RejectTreePlan> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
            int d = days;
            if (d < 0) {
                throw new IllegalStateException("Type the age in whole days (0 or more).");
            }
            ApdmConfig config = context.config();
            Path reject = Folders.existing(config.roots().reject(), "roots.reject");
            CullOperation op = new CullOperation(config, context.engine(config), context.clock());
            Plan plan = op.purgePlan(reject, Duration.ofDays(d), null, cancel);
            List<OperationOutcome> predicted = op.preview(plan);
            PathDisplay display = new PathDisplay(List.of(reject));
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%s (dry run, nothing changed)", plan.title()));
            lines.addAll(PlanSummary.planLines(display, plan, predicted, false));
            lines.addAll(PlanSummary.leftBehindLines(display, plan.leftBehind()));
            PlanPreview preview = PlanPreview.of(title(), predicted, plan.leftBehind(), display, lines);
            return new Planned<>(new RejectTreePlan(op, plan, reject, display), preview);
        }

        @Override
        public RunResult run(RejectTreePlan p, ProgressListener listener, CancellationToken cancel) throws Exception {
            return p.run(title(), listener, cancel);
        }

        @Override
        public String approveLabel(PlanPreview preview) {
            long n = preview.counts().deletes();
            return "Delete " + n + (n == 1 ? " rejected frame" : " rejected frames");
        }

        @Override
        public String confirmation(PlanPreview preview) {
            long n = preview.counts().deletes();
            return String.format(Locale.ROOT, "Delete these %,d rejected frame%s for good (restore cannot bring them back)",
                    n, n == 1 ? "" : "s");
        }
    }
}
