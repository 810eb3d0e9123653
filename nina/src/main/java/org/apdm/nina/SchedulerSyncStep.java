package org.apdm.nina;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.run.RunStep;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * {@code apdm scheduler sync} as a step of {@code apdm run}, once after every rig's db update: the accepted counts
 * go into the Target Scheduler's exposure plans. Skipped, with the reason, where either database is missing.
 */
public final class SchedulerSyncStep implements RunStep {
    private final ApdmConfig config;

    public SchedulerSyncStep(ApdmConfig config) {
        this.config = config;
    }

    public String id() {
        return "scheduler-sync";
    }

    public Scope scope() {
        return Scope.ALL;
    }

    public boolean usesEngine() {
        return false; // it writes the plugin's database, never a frame
    }

    /** Why the step cannot run, or null. */
    private String missing() {
        Path ts = config.scheduler().database();
        if (ts == null) {
            return "no Target Scheduler database configured (scheduler.database); skipped";
        }
        if (!Files.isRegularFile(ts)) {
            return "no Target Scheduler database at " + ts + "; skipped";
        }
        if (config.database() == null || !Files.isRegularFile(config.database())) {
            return "no apdm database yet (`apdm db update` makes it); skipped";
        }
        return null;
    }

    private SchedulerSyncOperation.Request request() {
        return new SchedulerSyncOperation.Request(config.scheduler().database().toAbsolutePath().normalize(),
                config.database().toAbsolutePath().normalize(), SchedulerSyncOperation.defaultBackupDir(config));
    }

    private static int changes(SyncPlan plan) {
        return (int) plan.plans().stream().filter(SyncPlan.PlanResult::changes).count() + plan.states().size();
    }

    public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
        String why = missing();
        if (why != null) {
            return new Preview(0, why);
        }
        try {
            return new Preview(changes(new SchedulerSyncOperation(config, Clock.systemDefaultZone()).prepare(request())
                    .plan()), "");
        } catch (SchedulerDatabaseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
        if (missing() != null) {
            return Outcome.of(0, 0, false);
        }
        c.throwIfCancelled();
        SchedulerSyncOperation op = new SchedulerSyncOperation(config, Clock.systemDefaultZone());
        try {
            SchedulerSyncOperation.Prepared p = op.prepare(request());
            if (changes(p.plan()) == 0) {
                return Outcome.of(0, 0, false);
            }
            SchedulerSyncOperation.Result r = op.execute(p);
            l.onMessage("scheduler sync: " + changes(p.plan()) + " change(s) written to " + p.request().schedulerDb()
                    + (r.changedUnderUs() > 0 ? "; " + r.changedUnderUs() + " row(s) N.I.N.A. changed meanwhile left alone" : ""));
            return Outcome.of(changes(p.plan()) - r.changedUnderUs(), r.changedUnderUs(), false);
        } catch (SchedulerDatabaseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
