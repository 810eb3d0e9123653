package org.apdm.gui.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.calibration.PromotionOperation;
import org.apdm.core.calibration.PromotionPlanner;
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

/** {@code apdm promote} in the window: the nights that move and those that stay, each with its reasons. */
public final class PromoteSteps implements OperationSteps<PromoteSteps.Prepared> {

    /** The operation that planned, so the run uses the same configuration and engine. */
    public record Prepared(PromotionOperation operation, PromotionOperation.Prepared prepared, PathDisplay display) {
    }

    private final AppContext context;
    private volatile List<String> rigs = List.of();

    public PromoteSteps(AppContext context) {
        this.context = context;
    }

    /** The rig folders to promote (empty for all); set on the FX thread before planning. */
    public void rigs(List<String> r) {
        rigs = List.copyOf(r);
    }

    public static PromotionOperation.Request request(ApdmConfig config, List<String> rigs) {
        return new PromotionOperation.Request(Folders.existing(config.roots().data(), "roots.data"), rigs, Set.of());
    }

    @Override
    public String title() {
        return "Promote";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        PromotionOperation.Request request = request(config, rigs);
        PromotionOperation op = new PromotionOperation(config, context.engine(config));
        PromotionOperation.Prepared p = op.prepare(request, listener, cancel);
        List<OperationOutcome> predicted = op.preview(p);
        PathDisplay display = CalibrationSummary.display(request);
        List<String> notes = new ArrayList<>(p.notes());
        long stay = p.planned().nights().stream().filter(n -> !n.ready()).count();
        if (stay > 0) {
            notes.add(stay + (stay == 1 ? " night is" : " nights are") + " not ready and stay in 10_Blink; the Nights "
                    + "tab gives the reasons.");
        }
        PlanPreview preview = PlanPreview.of(title(), predicted, p.planned().plan().leftBehind(), display,
                CalibrationSummary.promoteLines(p, predicted, null, true, display))
                .withSheets(List.of(nights(p, predicted, display, true))).withNotes(notes);
        return new Planned<>(new Prepared(op, p, display), preview);
    }

    /** One row per reviewed night: moves (with its files) or stays (with its reasons). */
    static PlanPreview.Sheet nights(PromotionOperation.Prepared p, List<OperationOutcome> outcomes, PathDisplay display,
                                    boolean dryRun) {
        Map<Path, List<OperationOutcome>> byNight = CalibrationSummary.byNight(p, outcomes);
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (PromotionPlanner.NightResult n : p.planned().nights()) {
            List<OperationOutcome> mine = byNight.get(n.night().folder());
            long stayed = mine.stream().filter(o -> o.outcome().leavesSourceBehind()).count();
            String what = !n.ready() ? "stays" : dryRun ? "moves" : stayed == 0 ? "moved" : "partly moved";
            rows.add(PlanPreview.SheetRow.of(!n.ready() || stayed > 0, n.night().rig(), n.night().label(), what,
                    String.valueOf(mine.size()), n.ready() ? display.show(n.destination()) : String.join("; ", n.reasons())));
        }
        return new PlanPreview.Sheet("promoteNights", "Nights", List.of("Rig", "Night", "", "Files", "To 20_Data, or why it stays"),
                rows);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        ExecutionResult ex = p.operation().execute(p.prepared(), listener, cancel).execution();
        return RunResult.of(title(), ex.cancelled(), ex.outcomes(), p.prepared().planned().plan().leftBehind(), p.display(),
                CalibrationSummary.promoteLines(p.prepared(), ex.outcomes(), ex, false, p.display()))
                .withSheets(List.of(nights(p.prepared(), ex.outcomes(), p.display(), false)));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long nights = preview.sheets().get(0).rows().stream().filter(r -> r.cells().get(2).equals("moves")).count();
        long n = preview.counts().moves();
        return "Move " + nights + (nights == 1 ? " night" : " nights") + " (" + n + (n == 1 ? " file)" : " files)");
    }
}
