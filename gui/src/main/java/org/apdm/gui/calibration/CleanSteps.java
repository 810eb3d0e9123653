package org.apdm.gui.calibration;

import java.util.List;
import java.util.Locale;
import org.apdm.core.calibration.CleanOperation;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.summary.CalibrationSummary;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Folders;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/**
 * {@code apdm calibration clean} in the window: every file it would delete is listed with the reason, and the
 * delete button works only after the user ticked that these files go for good (the command line's [y/N]).
 */
public final class CleanSteps implements OperationSteps<CleanSteps.Prepared> {

    /** The operation that planned, so the run uses the same configuration and engine. */
    public record Prepared(CleanOperation operation, CleanOperation.Prepared prepared, PathDisplay display) {
    }

    private final AppContext context;

    public CleanSteps(AppContext context) {
        this.context = context;
    }

    /** The folders of {@code apdm calibration clean} without flags. */
    public static CleanOperation.Request request(ApdmConfig config) {
        ApdmConfig.Roots r = config.roots();
        return new CleanOperation.Request(Folders.existing(r.calibrationOrRaw(), "roots.raw"),
                Folders.configured(r.libraryOrData(), "roots.library"), Folders.optional(r.data()),
                Folders.optional(r.pixinsightTemp()), Folders.optional(r.pixinsightMasters()));
    }

    @Override
    public String title() {
        return "Clean";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        CleanOperation.Request request = request(config);
        CleanOperation op = new CleanOperation(config, context.engine(config));
        CleanOperation.Prepared p = op.prepare(request, listener, cancel);
        List<OperationOutcome> predicted = op.preview(p);
        PathDisplay display = CalibrationSummary.display(request);
        PlanPreview preview = PlanPreview.of(title(), predicted, p.planned().plan().leftBehind(), display,
                CalibrationSummary.cleanPlanLines(p, predicted, true, display, false))
                .withNotes(p.planned().notes());
        return new Planned<>(new Prepared(op, p, display), preview);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        ExecutionResult ex = p.operation().execute(p.prepared(), listener, cancel).execution();
        return RunResult.of(title(), ex.cancelled(), ex.outcomes(), p.prepared().planned().plan().leftBehind(), p.display(),
                CalibrationSummary.cleanResultLines(p.prepared(), ex, p.display()));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.counts().deletes();
        return "Delete " + n + (n == 1 ? " file" : " files");
    }

    @Override
    public String confirmation(PlanPreview preview) {
        long n = preview.counts().deletes();
        return String.format(Locale.ROOT, "Delete these %,d file%s for good: raw frames the library's masters cover, and "
                + "PixInsight's temporary files", n, n == 1 ? "" : "s");
    }
}
