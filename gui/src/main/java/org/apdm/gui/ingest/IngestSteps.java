package org.apdm.gui.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.ingest.IngestOperation;
import org.apdm.core.summary.IngestSummary;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/** The window's ingest: {@link IngestOperation#prepare} and {@code preview} to plan, {@code execute} to run. */
public final class IngestSteps implements OperationSteps<IngestSteps.Prepared> {

    /** The operation that planned, so the run uses the same configuration and engine. */
    public record Prepared(IngestOperation operation, IngestOperation.Prepared prepared) {
    }

    private final AppContext context;

    public IngestSteps(AppContext context) {
        this.context = context;
    }

    @Override
    public String title() {
        return "Ingest";
    }

    /** The folders of the next run, from the configuration; the same defaults as {@code apdm ingest}. */
    public static IngestOperation.Request request(ApdmConfig config) {
        ApdmConfig.Roots roots = config.roots();
        if (roots.raw() == null) {
            throw new IllegalStateException("No RAW folder is configured; set it in Settings.");
        }
        if (roots.data() == null) {
            throw new IllegalStateException("No data folder is configured; set it in Settings.");
        }
        Path raw = roots.raw().toAbsolutePath().normalize();
        if (!Files.isDirectory(raw)) {
            throw new IllegalStateException("The RAW folder " + raw + " does not exist; check it in Settings.");
        }
        return new IngestOperation.Request(raw, roots.data().toAbsolutePath().normalize(),
                roots.calibrationOrRaw().toAbsolutePath().normalize());
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        IngestOperation.Request request = request(config);
        IngestOperation op = new IngestOperation(config, context.engine(config));
        IngestOperation.Prepared prepared = op.prepare(request, listener, cancel);
        List<OperationOutcome> predicted = op.preview(prepared);
        PathDisplay display = IngestSummary.display(request);
        PlanPreview preview = PlanPreview.of(title(), predicted, prepared.planned().plan().leftBehind(), display,
                IngestSummary.planLines(prepared, predicted, display, false));
        return new Planned<>(new Prepared(op, prepared), preview);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        IngestOperation.Result r = p.operation().execute(p.prepared(), listener, cancel);
        PathDisplay display = IngestSummary.display(p.prepared().request());
        return RunResult.of(title(), r.execution().cancelled(), r.execution().outcomes(),
                p.prepared().planned().plan().leftBehind(), display, IngestSummary.resultLines(r, display, false));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.counts().moves();
        return "Move " + n + (n == 1 ? " file" : " files");
    }
}
