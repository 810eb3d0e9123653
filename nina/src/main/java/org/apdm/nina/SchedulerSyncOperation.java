package org.apdm.nina;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;

/**
 * {@code apdm scheduler sync}: read both databases, plan, then (unless a dry run) back up and write.
 * Used by the terminal and the window alike.
 */
public final class SchedulerSyncOperation {

    /**
     * @param schedulerDb      the Target Scheduler database
     * @param apdmDb           apdm's database
     * @param backupDir        where backups go
     * @param extraProfileRigs rigs of N.I.N.A. profile ids not (yet) in apdm's database (id → rig), may be empty
     */
    public record Request(Path schedulerDb, Path apdmDb, Path backupDir, Map<String, String> extraProfileRigs) {
        public Request {
            Map<String, String> m = new HashMap<>();
            extraProfileRigs.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
            extraProfileRigs = Map.copyOf(m);
        }

        public Request(Path schedulerDb, Path apdmDb, Path backupDir) {
            this(schedulerDb, apdmDb, backupDir, Map.of());
        }
    }

    /** Both databases read and the sync planned; nothing written yet. */
    public record Prepared(Request request, SchedulerSnapshot scheduler, AcceptedFramesRepository.Contents apdm,
                           SyncPlan plan) {
    }

    public record Result(Prepared prepared, TargetSchedulerRepository.WriteResult written) {
        /** Rows the plugin changed between apdm's read and write; they were left as the plugin has them. */
        public int changedUnderUs() {
            return written.changedUnderUs().size() + written.statesChangedUnderUs().size();
        }
    }

    private final ApdmConfig.SchedulerSettings settings;
    private final Map<String, String> filterAliases;
    private final Clock clock;

    public SchedulerSyncOperation(ApdmConfig config, Clock clock) {
        this.settings = config.scheduler();
        this.filterAliases = config.normalization().filterAliases();
        this.clock = clock;
    }

    /** The default backup folder: {@code <state_dir>/scheduler-backups}. */
    public static Path defaultBackupDir(ApdmConfig config) {
        return config.stateDir().resolve("scheduler-backups");
    }

    public TargetSchedulerRepository scheduler(Path file) {
        return new TargetSchedulerRepository(file, settings.busyTimeout());
    }

    public Prepared prepare(Request request) throws SchedulerDatabaseException {
        SchedulerSnapshot ts = scheduler(request.schedulerDb()).read();
        AcceptedFramesRepository.Contents apdm = new AcceptedFramesRepository(request.apdmDb(), settings.busyTimeout()).read();
        AcceptedFramesMatcher matcher = new AcceptedFramesMatcher(apdm.frames(), filterAliases);
        SyncPlan plan = SchedulerSyncPlanner.plan(ts, apdm, matcher, new SchedulerSyncPlanner.Settings(
                settings.masterReadyPercent(), settings.updateProjectState(), request.extraProfileRigs()));
        return new Prepared(request, ts, apdm, plan);
    }

    /** Backs up and writes; rows changed by the plugin since {@link #prepare} are reported, not overwritten. */
    public Result execute(Prepared prepared) throws SchedulerDatabaseException {
        return new Result(prepared, scheduler(prepared.request().schedulerDb()).write(prepared.plan(), backup(prepared.request())));
    }

    /** {@code apdm scheduler backup}: a rotating copy taken under the database's write lock. */
    public Path backup(Path schedulerDb, Path backupDir) throws SchedulerDatabaseException {
        return scheduler(schedulerDb).backup(new SchedulerBackup(backupDir, settings.backups(), clock));
    }

    private SchedulerBackup backup(Request r) {
        return new SchedulerBackup(r.backupDir(), settings.backups(), clock);
    }
}
