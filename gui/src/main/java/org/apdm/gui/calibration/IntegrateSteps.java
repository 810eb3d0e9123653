package org.apdm.gui.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.integrate.IntegrateOperation;
import org.apdm.core.integrate.IntegrationPlanner;
import org.apdm.core.integrate.SirilRunner;
import org.apdm.core.summary.IntegrateSummary;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Folders;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/**
 * {@code apdm calibration integrate} in the window: the plan lists each group Siril would stack and each group
 * skipped with the reason; approving runs Siril group by group (progress in frames) and archives the masters.
 * Without siril-cli the plan says how to install it and offers nothing to approve.
 */
public final class IntegrateSteps implements OperationSteps<IntegrateSteps.Prepared> {

    /** The operation that planned, its plan, and the Siril found (null when missing). */
    public record Prepared(IntegrateOperation operation, IntegrateOperation.Prepared prepared, SirilRunner siril) {
    }

    private final AppContext context;

    public IntegrateSteps(AppContext context) {
        this.context = context;
    }

    /** The folders of {@code apdm calibration integrate} without flags. */
    public static IntegrateOperation.Request request(ApdmConfig config) {
        ApdmConfig.Roots r = config.roots();
        return new IntegrateOperation.Request(Folders.existing(r.calibrationOrRaw(), "roots.raw"),
                Folders.configured(r.libraryOrData(), "roots.library"), Folders.optional(r.data()), Set.of(), null);
    }

    @Override
    public String title() {
        return "Integrate";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        IntegrateOperation op = new IntegrateOperation(config, context.engine(config), context.clock());
        IntegrateOperation.Prepared p = op.prepare(request(config), listener, cancel);
        List<String> notes = new ArrayList<>();
        SirilRunner siril = null;
        try {
            siril = SirilRunner.find(config.calibration().integrate().siril(), context.options().env());
            notes.add("Siril: " + siril.executable() + ". Raw frames are only read; the masters go into the library "
                    + "through the archive step.");
        } catch (SirilRunner.SirilMissingException e) {
            notes.add(e.getMessage());
        }
        long actions = siril == null ? 0 : p.plan().groups().size();
        PlanPreview preview = PlanPreview.ofSheets(title(), tiles(p, null), List.of(groups(p, null)), notes,
                IntegrateSummary.lines(p, null, true), actions);
        return new Planned<>(new Prepared(op, p, siril), preview);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        IntegrateOperation.Result r = p.operation().execute(p.prepared(), p.siril(), listener, cancel);
        boolean problems = IntegrateSummary.leftBehind(r);
        String sentence = String.format(Locale.ROOT, "Made %d master%s and archived them into the library%s",
                r.made().size(), r.made().size() == 1 ? "" : "s", r.failed().isEmpty() ? "."
                        : "; " + r.failed().size() + " group(s) failed, with Siril's own words. Their frames are untouched.");
        return RunResult.ofSheets(title(), false, problems ? "warn" : "good", sentence, tiles(p.prepared(), r),
                List.of(groups(p.prepared(), r), archived(r)), IntegrateSummary.lines(p.prepared(), r, false));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.actions();
        return "Make " + n + (n == 1 ? " master" : " masters") + " with Siril";
    }

    private static List<PlanPreview.Tile> tiles(IntegrateOperation.Prepared p, IntegrateOperation.Result r) {
        List<PlanPreview.Tile> t = new ArrayList<>();
        if (r == null) {
            t.add(PlanPreview.Tile.count(p.plan().groups().size(), "masters to make", "good"));
        } else {
            t.add(PlanPreview.Tile.count(r.made().size(), "masters made", "good"));
            t.add(PlanPreview.Tile.count(r.failed().size(), "groups failed", "bad"));
        }
        t.add(PlanPreview.Tile.count(p.plan().skipped().size(), "groups skipped", "quiet"));
        t.add(PlanPreview.Tile.count(p.plan().unreadable().size(), "unreadable", "warn"));
        return t;
    }

    private static PlanPreview.Sheet groups(IntegrateOperation.Prepared p, IntegrateOperation.Result r) {
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (IntegrationPlanner.Group g : p.plan().groups()) {
            String status = IntegrateSummary.status(g, r);
            String detail = r == null ? "" : r.failed().stream().filter(f -> f.group().equals(g))
                    .map(IntegrateOperation.Failure::reason).findFirst().orElse("");
            rows.add(PlanPreview.SheetRow.of(status.equals("failed"), g.kind().label(), g.label(),
                    String.valueOf(g.frames().size()), status, detail));
        }
        for (IntegrationPlanner.Skipped s : p.plan().skipped()) {
            rows.add(PlanPreview.SheetRow.of(false, s.group().kind().label(), s.group().label(),
                    String.valueOf(s.group().frames().size()), "skipped", s.reason()));
        }
        p.plan().unreadable().forEach(u -> rows.add(PlanPreview.SheetRow.of(true, "", u.file().toString(), "",
                "unreadable", u.reason())));
        return new PlanPreview.Sheet("groups", "Groups", List.of("Kind", "Group", "Frames", "Status", "Why"), rows);
    }

    private static PlanPreview.Sheet archived(IntegrateOperation.Result r) {
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (OperationOutcome o : IntegrateSummary.archived(r)) {
            rows.add(PlanPreview.SheetRow.of(o.outcome().leavesSourceBehind(), o.operation().destination().toString(),
                    o.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        return new PlanPreview.Sheet("masters", "Masters in the library", List.of("Master", "Outcome"), rows);
    }
}
