package org.apdm.gui.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apdm.core.calibration.DistributionOperation;
import org.apdm.core.calibration.DistributionPlanner;
import org.apdm.core.calibration.FlatFallback;
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
 * {@code apdm calibration distribute} in the window. Planning asks the flat questions of the "ask" policy in a
 * dialog ({@link FlatChoices}); the plan shown, with the chosen flats, is the plan that runs.
 */
public final class DistributeSteps implements OperationSteps<DistributeSteps.Prepared> {

    /** The operation that planned, so the run uses the same configuration and engine. */
    public record Prepared(DistributionOperation operation, DistributionOperation.Prepared prepared, PathDisplay display) {
    }

    /** What the page chose: rigs (empty for all), and the policies replacing the configured ones (null: as configured). */
    public record Choice(List<String> rigs, FlatFallback flatFallback, Boolean darkScaling) {
        public Choice {
            rigs = List.copyOf(rigs);
        }
    }

    private final AppContext context;
    private final FlatAsker asker;
    private volatile Choice choice = new Choice(List.of(), null, null);

    public DistributeSteps(AppContext context, FlatAsker asker) {
        this.context = context;
        this.asker = asker;
    }

    /** Set on the FX thread before planning. */
    public void choose(Choice c) {
        choice = c;
    }

    /** The folders and policies of {@code apdm calibration distribute} with the page's choices as its flags. */
    public static DistributionOperation.Request request(ApdmConfig config, Choice c) {
        return new DistributionOperation.Request(Folders.existing(config.roots().data(), "roots.data"),
                Folders.configured(config.roots().libraryOrData(), "roots.library"), c.rigs(), c.flatFallback(),
                c.darkScaling());
    }

    @Override
    public String title() {
        return "Distribute";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        DistributionOperation.Request request = request(config, choice);
        DistributionOperation op = new DistributionOperation(config, context.engine(config));
        FlatChoices questions = new FlatChoices(asker, cancel);
        DistributionOperation.Prepared p = op.prepare(request, questions, listener, cancel);
        List<OperationOutcome> predicted = op.preview(p);
        PathDisplay display = CalibrationSummary.display(request);
        List<String> notes = new ArrayList<>(p.notes());
        long missing = p.planned().missing();
        if (missing > 0) {
            notes.add(missing + " of " + p.planned().rows().size() + " light groups lack a master; the Nights tab says "
                    + "which and why. What is there is copied; archive the missing masters and distribute again.");
        }
        PlanPreview preview = PlanPreview.of(title(), predicted, p.planned().plan().leftBehind(), display,
                CalibrationSummary.distributeLines(p, predicted, null, true, display, questions.unanswered()))
                .withSheets(List.of(nights(p, predicted, true))).withNotes(notes);
        return new Planned<>(new Prepared(op, p, display), preview);
    }

    /** The command line's table: one row per light group with its dark, flat and bias. */
    static PlanPreview.Sheet nights(DistributionOperation.Prepared p, List<OperationOutcome> outcomes, boolean dryRun) {
        Map<Path, OperationOutcome> byDestination = CalibrationSummary.byDestination(outcomes);
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (DistributionPlanner.Row r : p.planned().rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(r.rig());
            cells.addAll(CalibrationSummary.cells(r, byDestination, dryRun));
            List<String> missing = r.match().all().stream().filter(m -> !m.satisfied())
                    .map(m -> m.kind().label() + ": " + m.detail()).toList();
            cells.add(String.join("; ", missing));
            rows.add(new PlanPreview.SheetRow(cells, r.match().all().stream().anyMatch(m -> !m.satisfied())));
        }
        List<String> columns = new ArrayList<>(List.of("Rig"));
        CalibrationSummary.TABLE_HEAD.forEach(h -> columns.add(h.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + h.substring(1)));
        columns.add("What is missing");
        return new PlanPreview.Sheet("distributeNights", "Nights", columns, rows);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        ExecutionResult ex = p.operation().execute(p.prepared(), listener, cancel).execution();
        return RunResult.of(title(), ex.cancelled(), ex.outcomes(), p.prepared().planned().plan().leftBehind(), p.display(),
                CalibrationSummary.distributeLines(p.prepared(), ex.outcomes(), ex, false, p.display(), 0))
                .withSheets(List.of(nights(p.prepared(), ex.outcomes(), false)));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.counts().copies();
        return "Copy " + n + (n == 1 ? " master" : " masters") + " into the nights";
    }
}
