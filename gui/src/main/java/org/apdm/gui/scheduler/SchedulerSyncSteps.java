package org.apdm.gui.scheduler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.AppContext;
import org.apdm.gui.database.DatabaseAccess;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;
import org.apdm.nina.ProjectState;
import org.apdm.nina.SchedulerSyncOperation;
import org.apdm.nina.SchedulerSyncSummary;
import org.apdm.nina.SyncPlan;
import org.apdm.nina.TargetSchedulerRepository;

/**
 * {@code apdm scheduler sync} in the window: {@link SchedulerSyncOperation#prepare} reads both databases and plans,
 * and the whole diff is shown first (plan by plan, field by field, old → new); approving runs
 * {@link SchedulerSyncOperation#execute} on exactly that plan, which backs the file up before it writes.
 */
public final class SchedulerSyncSteps implements OperationSteps<SchedulerSyncSteps.Prepared> {

    /** The operation and what it read and planned. */
    public record Prepared(SchedulerSyncOperation operation, SchedulerSyncOperation.Prepared prepared) {
    }

    private final AppContext context;

    public SchedulerSyncSteps(AppContext context) {
        this.context = context;
    }

    /** The Target Scheduler database of the configuration; unset is a sentence saying where to set it. */
    public static Path schedulerDatabase(ApdmConfig config) {
        Path p = config.scheduler().database();
        if (p == null) {
            throw new IllegalStateException("No Target Scheduler database is configured: set scheduler.database in "
                    + "Settings (N.I.N.A. keeps it in %LOCALAPPDATA%\\NINA\\SchedulerPlugin\\schedulerdb.sqlite).");
        }
        return p.toAbsolutePath().normalize();
    }

    /** The databases and backup folder of {@code apdm scheduler sync} without flags. */
    public static SchedulerSyncOperation.Request request(ApdmConfig config) {
        return new SchedulerSyncOperation.Request(schedulerDatabase(config), DatabaseAccess.file(config),
                SchedulerSyncOperation.defaultBackupDir(config).toAbsolutePath().normalize());
    }

    @Override
    public String title() {
        return "Scheduler sync";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        SchedulerSyncOperation op = new SchedulerSyncOperation(config, context.clock());
        listener.onMessage("reading the Target Scheduler database and apdm's accepted frames");
        SchedulerSyncOperation.Prepared p = op.prepare(request(config));
        SyncPlan plan = p.plan();
        List<String> notes = new ArrayList<>();
        if (p.apdm().frames().isEmpty()) {
            notes.add("No accepted frames in apdm's database yet: run Database → Update accepted frames first.");
        }
        notes.addAll(SchedulerSyncSummary.noProfileLines(plan));
        String states = SchedulerSyncSummary.statesLeftAlone(config, p);
        if (states != null) {
            notes.add(states);
        }
        if (!plan.writesNothing()) {
            notes.add(String.format(Locale.ROOT, "Approving backs up %s into %s first (the newest %d backups are kept), "
                    + "then writes in one transaction. A row N.I.N.A. changes meanwhile is left as N.I.N.A. wrote it.",
                    p.request().schedulerDb().getFileName(), p.request().backupDir(), config.scheduler().backups()));
        }
        List<PlanPreview.Sheet> sheets = new ArrayList<>();
        sheets.add(changes(plan));
        if (!plan.states().isEmpty()) {
            sheets.add(states(plan.states()));
        }
        sheets.add(leftAlone(plan));
        List<PlanPreview.Tile> tiles = List.of(
                PlanPreview.Tile.count(plan.count(SyncPlan.Status.CHANGE), "plans to change", "good"),
                PlanPreview.Tile.count(plan.count(SyncPlan.Status.UNCHANGED), "in step", "quiet"),
                PlanPreview.Tile.count(plan.count(SyncPlan.Status.NO_DATA), "without accepted frames", "quiet"),
                PlanPreview.Tile.count(plan.count(SyncPlan.Status.NO_PROFILE), "without a known rig", "warn"),
                PlanPreview.Tile.count(plan.states().size(), "project states to change", "good"),
                PlanPreview.Tile.count(plan.changes().stream().filter(SyncPlan.PlanResult::masterReady).count(),
                        "master ready", "good"));
        PlanPreview preview = PlanPreview.ofSheets(title(), tiles, sheets, notes,
                SchedulerSyncSummary.lines(config, p, null, true, true), plan.changes().size() + plan.states().size());
        return new Planned<>(new Prepared(op, p), preview);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        cancel.throwIfCancelled();
        listener.onMessage("backing up and writing " + p.prepared().request().schedulerDb());
        SchedulerSyncOperation.Result r = p.operation().execute(p.prepared());
        TargetSchedulerRepository.WriteResult w = r.written();
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (SyncPlan.PlanResult x : p.prepared().plan().changes()) {
            boolean written = w.written().contains(x);
            rows.add(PlanPreview.SheetRow.of(!written, x.project().name(), x.target().name(), plan(x),
                    SchedulerSyncSummary.show(x.plan().accepted()) + " → " + x.newAccepted(),
                    SchedulerSyncSummary.show(x.plan().acquired()) + " → " + x.newAcquired(),
                    written ? "written" : "changed by N.I.N.A. meanwhile: left as N.I.N.A. wrote it"));
        }
        List<PlanPreview.Sheet> sheets = new ArrayList<>();
        sheets.add(new PlanPreview.Sheet("schedulerWritten", "Plans", List.of("Project", "Target", "Plan", "Accepted",
                "Acquired", "Outcome"), rows));
        if (!p.prepared().plan().states().isEmpty()) {
            sheets.add(states(p.prepared().plan().states()));
        }
        List<PlanPreview.Tile> tiles = List.of(PlanPreview.Tile.count(w.written().size(), "plans written", "good"),
                PlanPreview.Tile.count(w.statesWritten().size(), "project states written", "good"),
                PlanPreview.Tile.count(r.changedUnderUs(), "changed by N.I.N.A. meanwhile", "warn"));
        List<String> result = SchedulerSyncSummary.resultLines(r);
        return RunResult.ofSheets(title(), false, r.changedUnderUs() == 0 ? "good" : "warn", String.join("\n", result),
                tiles, sheets, SchedulerSyncSummary.lines(context.config(), p.prepared(), r, false, true));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.actions();
        return "Back up, then write " + n + (n == 1 ? " change" : " changes");
    }

    /** "L 120 s" for a table. */
    static String plan(SyncPlan.PlanResult x) {
        return x.plan().templateName() + (x.exposure() == null ? "" : " " + SyncPlan.seconds(x.exposure()));
    }

    /** The diff: one row per field a sync changes. */
    static PlanPreview.Sheet changes(SyncPlan plan) {
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (SyncPlan.PlanResult x : plan.changes()) {
            String why = (x.project().grader() ? "" : "grader off")
                    + (x.masterReady() ? (x.project().grader() ? "" : "; ") + String.format(Locale.ROOT,
                    "master ready: %d of %d", x.apdmCount(), x.plan().desired()) : "")
                    + (x.note() == null ? "" : "; " + x.note());
            if (x.acceptedChanges()) {
                rows.add(PlanPreview.SheetRow.of(false, x.project().name(), x.target().name(), plan(x), "accepted",
                        SchedulerSyncSummary.show(x.plan().accepted()) + " → " + x.newAccepted(), why));
            }
            if (x.acquiredChanges()) {
                rows.add(PlanPreview.SheetRow.of(false, x.project().name(), x.target().name(), plan(x), "acquired",
                        SchedulerSyncSummary.show(x.plan().acquired()) + " → " + x.newAcquired(), why));
            }
        }
        return new PlanPreview.Sheet("schedulerChanges", "Changes", List.of("Project", "Target", "Plan", "Field",
                "Old → new", "Note"), rows);
    }

    static PlanPreview.Sheet states(List<SyncPlan.StateChange> states) {
        return new PlanPreview.Sheet("schedulerStates", "Project states", List.of("Project", "State (old → new)", "Data in"),
                states.stream().map(s -> PlanPreview.SheetRow.of(false, s.project().name(), ProjectState.label(s.oldState())
                        + " → " + ProjectState.label(s.newState()), String.join(", ", s.stages()))).toList());
    }

    /** Plans a sync does not write, and why. */
    static PlanPreview.Sheet leftAlone(SyncPlan plan) {
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (SyncPlan.PlanResult x : plan.plans()) {
            if (x.changes()) {
                continue;
            }
            String why = switch (x.status()) {
                case UNCHANGED -> "in step" + (x.masterReady() ? " (master ready)" : "");
                case NO_DATA -> "no accepted frames for " + x.rig() + ", target \"" + x.targetName() + "\""
                        + (x.panel().isEmpty() ? "" : " panel " + x.panel()) + ", filter " + x.filter();
                case NO_PROFILE -> "N.I.N.A. profile " + x.project().profileId() + " is not in apdm's database";
                case NO_EXPOSURE -> x.note() == null ? "no exposure" : x.note();
                case CHANGE -> "";
            };
            rows.add(PlanPreview.SheetRow.of(x.status() == SyncPlan.Status.NO_PROFILE, x.project().name(),
                    x.target().name(), plan(x), why));
        }
        return new PlanPreview.Sheet("schedulerLeftAlone", "Left alone", List.of("Project", "Target", "Plan", "Why"), rows);
    }
}
