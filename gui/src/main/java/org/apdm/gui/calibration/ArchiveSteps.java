package org.apdm.gui.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.calibration.ArchiveOperation;
import org.apdm.core.calibration.ArchivePlanner;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.summary.CalibrationSummary;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Folders;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/** {@code apdm calibration archive} in the window: {@link ArchiveOperation#prepare} and its preview, then execute. */
public final class ArchiveSteps implements OperationSteps<ArchiveSteps.Prepared> {

    /** The operation that planned, so the run uses the same configuration and engine. */
    public record Prepared(ArchiveOperation operation, ArchiveOperation.Prepared prepared, PathDisplay display) {
    }

    private final AppContext context;

    public ArchiveSteps(AppContext context) {
        this.context = context;
    }

    /** The folders of {@code apdm calibration archive} without flags. */
    public static ArchiveOperation.Request request(ApdmConfig config) {
        ArchiveOperation.Request request = new ArchiveOperation.Request(
                Folders.existing(config.roots().pixinsightMasters(), "roots.pixinsight_masters"),
                Folders.configured(config.roots().libraryOrData(), "roots.library"), Folders.optional(config.roots().data()));
        if (request.folderProblem() != null) {
            throw new IllegalStateException(request.folderProblem() + "; check Settings → Folders.");
        }
        return request;
    }

    @Override
    public String title() {
        return "Archive";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        ArchiveOperation.Request request = request(config);
        ArchiveOperation op = new ArchiveOperation(config, context.engine(config));
        ArchiveOperation.Prepared p = op.prepare(request, listener, cancel);
        List<OperationOutcome> predicted = op.preview(p);
        PathDisplay display = CalibrationSummary.display(request);
        PlanPreview preview = PlanPreview.of(title(), predicted, p.planned().plan().leftBehind(), display,
                CalibrationSummary.archiveLines(p, predicted, null, true, display))
                .withSheets(List.of(masters(p, predicted, display, true)));
        return new Planned<>(new Prepared(op, p, display), preview);
    }

    /** Every master found: kind, file, where it goes in the library, and what the engine says. */
    static PlanPreview.Sheet masters(ArchiveOperation.Prepared p, List<OperationOutcome> outcomes, PathDisplay display,
                                     boolean dryRun) {
        Map<Path, OperationOutcome> bySource = new HashMap<>();
        outcomes.forEach(o -> bySource.put(o.operation().source(), o));
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (ArchivePlanner.Entry e : p.planned().entries()) {
            OperationOutcome o = bySource.get(e.master().file());
            String what = o == null ? "stays" : CalibrationSummary.outcomeLabel(o, dryRun).replace('-', ' ');
            String why = e.problem() != null ? e.problem() : o != null && !o.detail().isEmpty() ? o.detail() : "";
            rows.add(PlanPreview.SheetRow.of(o == null || o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED,
                    e.master().kind().label(), display.show(e.master().file()),
                    e.destination() == null ? "" : display.show(e.destination()), what, why));
        }
        return new PlanPreview.Sheet("archiveMasters", "Masters",
                List.of("Kind", "Master", "Into the library as", "Outcome", "Why"), rows);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        ExecutionResult ex = p.operation().execute(p.prepared(), listener, cancel).execution();
        return RunResult.of(title(), ex.cancelled(), ex.outcomes(), p.prepared().planned().plan().leftBehind(), p.display(),
                CalibrationSummary.archiveLines(p.prepared(), ex.outcomes(), ex, false, p.display()))
                .withSheets(List.of(masters(p.prepared(), ex.outcomes(), p.display(), false)));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.counts().copies();
        return "Copy " + n + (n == 1 ? " master" : " masters") + " into the library";
    }
}
