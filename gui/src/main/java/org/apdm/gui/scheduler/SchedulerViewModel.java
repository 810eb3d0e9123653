package org.apdm.gui.scheduler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.apdm.core.config.ApdmConfig;
import org.apdm.gui.AppContext;
import org.apdm.gui.database.DatabaseAccess;
import org.apdm.gui.operation.Failures;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.nina.ProjectState;
import org.apdm.nina.SchedulerStatus;
import org.apdm.nina.SchedulerSyncOperation;
import org.apdm.nina.SchedulerSyncSummary;
import org.apdm.nina.SyncPlan;

/**
 * The scheduler page's state: the sync's plan → approve → result flow, the read-only status ({@code apdm scheduler
 * status}: desired / acquired / accepted next to apdm's count) and "back up now" ({@code apdm scheduler backup}).
 * FX thread; the databases are read on the background executor.
 */
public final class SchedulerViewModel {

    private final AppContext context;
    private final OperationFlow<SchedulerSyncSteps.Prepared> sync;
    private final ReadOnlyObjectWrapper<PlanPreview.Sheet> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper statusSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backupMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backupError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public SchedulerViewModel(AppContext context) {
        this.context = context;
        this.sync = new OperationFlow<>(new SchedulerSyncSteps(context), context.tasks(), context.log());
    }

    /** Reads both databases and shows the status; changes nothing. */
    public void refreshStatus() {
        ApdmConfig config = context.config();
        if (config == null || busy.get()) {
            return;
        }
        busy.set(true);
        statusError.set("");
        context.tasks().submit("Scheduler status", (l, c) -> {
            SchedulerSyncOperation.Prepared p = new SchedulerSyncOperation(config, context.clock())
                    .prepare(SchedulerSyncSteps.request(config));
            return SchedulerStatus.of(p, config.scheduler().masterReadyPercent());
        }, s -> {
            busy.set(false);
            status.set(sheet(s));
            List<String> ready = s.readyForMaster();
            statusSummary.set("Targets ready for master (every plan at ≥ " + SyncPlan.seconds(s.masterReadyPercent())
                    .replace(" s", "") + " % of desired in apdm): " + (ready.isEmpty() ? "none" : String.join("; ", ready)));
        }, f -> {
            busy.set(false);
            status.set(null);
            statusSummary.set("");
            statusError.set(Failures.message(f));
        });
    }

    /** A rotating copy of the Target Scheduler database, taken under its write lock. */
    public void backUp() {
        ApdmConfig config = context.config();
        if (config == null || busy.get()) {
            return;
        }
        busy.set(true);
        backupMessage.set("");
        backupError.set("");
        context.tasks().submit("Scheduler backup", (l, c) -> {
            Path db = SchedulerSyncSteps.schedulerDatabase(config);
            Path dir = SchedulerSyncOperation.defaultBackupDir(config).toAbsolutePath().normalize();
            Path b = new SchedulerSyncOperation(config, context.clock()).backup(db, dir);
            return SchedulerSyncSummary.backupLines(db, b, config.scheduler().backups(), dir);
        }, lines -> {
            busy.set(false);
            backupMessage.set(String.join("\n", lines));
            context.log().addAll("Scheduler backup", lines);
        }, f -> {
            busy.set(false);
            backupError.set(Failures.message(f));
            context.log().add("Scheduler backup", "error: " + backupError.get());
        });
    }

    /** One row per exposure plan, under its project and target, with what a sync would do. */
    static PlanPreview.Sheet sheet(SchedulerStatus s) {
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (SchedulerStatus.ProjectStatus p : s.projects()) {
            String project = p.name() + "  (" + ProjectState.label(p.state()) + ", " + (p.rig() == null
                    ? "profile not in apdm's database" : p.rig()) + ", grader " + (p.grader() ? "on" : "off")
                    + (p.suggestedState() != null && !Objects.equals(p.suggestedState(), p.state())
                    ? "; data says " + ProjectState.label(p.suggestedState()) : "") + ")";
            for (SchedulerStatus.TargetStatus t : p.targets()) {
                String disk = (t.stages().isEmpty() ? "no data in apdm" : String.join(", ", t.stages()))
                        + (t.readyForMaster() ? "  READY FOR MASTER" : "");
                if (t.plans().isEmpty()) {
                    rows.add(PlanPreview.SheetRow.of(false, project, t.name(), "", "", "", "", "", "", disk, ""));
                }
                for (SchedulerStatus.PlanStatus x : t.plans()) {
                    rows.add(PlanPreview.SheetRow.of(x.status() == SyncPlan.Status.NO_PROFILE, project, t.name(),
                            x.filter() + (x.exposure() == null ? "" : " " + SyncPlan.seconds(x.exposure())),
                            SchedulerSyncSummary.show(x.desired()), SchedulerSyncSummary.show(x.acquired()),
                            SchedulerSyncSummary.show(x.accepted()),
                            x.status() == SyncPlan.Status.NO_PROFILE ? "-" : Integer.toString(x.apdmCount()), disk,
                            SchedulerSyncSummary.sync(x), x.note() == null ? "" : x.note()));
                }
            }
        }
        return new PlanPreview.Sheet("schedulerStatus", "Status", List.of("Project", "Target", "Filter", "Desired",
                "Acquired", "Accepted", "apdm", "On disk", "Sync", "Note"), rows);
    }

    /** Label and path of the files the page works on. */
    public List<String[]> folders() {
        ApdmConfig c = context.config();
        if (c == null) {
            return List.of();
        }
        Path ts = c.scheduler().database();
        return List.of(new String[] {"Target Scheduler", ts == null ? "" : ts.toAbsolutePath().normalize().toString()},
                new String[] {"apdm database", DatabaseAccess.file(c).toString()},
                new String[] {"Backups", SchedulerSyncOperation.defaultBackupDir(c).toAbsolutePath().normalize()
                        + " (the newest " + c.scheduler().backups() + " are kept)"});
    }

    public OperationFlow<SchedulerSyncSteps.Prepared> sync() {
        return sync;
    }

    public ReadOnlyObjectProperty<PlanPreview.Sheet> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusSummaryProperty() {
        return statusSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusErrorProperty() {
        return statusError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backupMessageProperty() {
        return backupMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backupErrorProperty() {
        return backupError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
