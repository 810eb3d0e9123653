package org.apdm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.nina.ProjectState;
import org.apdm.nina.SchedulerDatabaseException;
import org.apdm.nina.SchedulerStatus;
import org.apdm.nina.SchedulerSyncOperation;
import org.apdm.nina.SchedulerSyncSummary;
import org.apdm.nina.SyncPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm scheduler}: keeps the N.I.N.A. Target Scheduler's counts in step with the accepted frames. */
@Command(name = "scheduler", mixinStandardHelpOptions = true,
        description = {"Sync accepted counts into the N.I.N.A. Target Scheduler, back it up, compare.",
                       "Works on the plugin's database (schedulerdb.sqlite): writes accepted counts",
                       "and project states into it, backs it up, and compares what it wants with what",
                       "apdm has."},
        subcommands = {SchedulerCommand.Sync.class, SchedulerCommand.Backup.class, SchedulerCommand.Status.class},
        footer = {"", "Exit codes: 0 all done, 1 rows changed by N.I.N.A. meanwhile were left alone,",
                "2 usage, configuration or unknown database, 3 aborted (database locked by",
                "N.I.N.A., or an unexpected error)."})
public final class SchedulerCommand {

    /** {@code --db} and {@code --database}, shared by the subcommands. */
    static class Databases {
        @Option(names = "--db", paramLabel = "FILE",
                description = "The Target Scheduler database (default: scheduler.database, on Windows "
                        + "%%LOCALAPPDATA%%\\NINA\\SchedulerPlugin\\schedulerdb.sqlite).")
        Path scheduler;
        @Option(names = "--database", paramLabel = "FILE", description = "apdm's own database (default: the database setting).")
        Path database;

        Path scheduler(ApdmConfig config) {
            Path p = scheduler != null ? scheduler : config.scheduler().database();
            if (p == null) {
                String where = config.source() == null ? "a configuration file (see `apdm config init`)"
                        : config.source().toString();
                throw new UsageException("no Target Scheduler database: pass --db FILE or set scheduler.database in " + where);
            }
            return p.toAbsolutePath().normalize();
        }

        Path database(ApdmConfig config) {
            return (database != null ? database : config.database()).toAbsolutePath().normalize();
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Write apdm's accepted counts into the Target Scheduler's exposure plans.",
                    "A plan gets the accepted frames of the same rig (N.I.N.A. profile), target,",
                    "panel, filter and exposure; accepted and acquired are set the way the plugin",
                    "counts with its grader on or off. Plans without accepted frames are left",
                    "alone. A plan with scheduler.master_ready_percent of its desired frames is",
                    "written as complete. Project states follow where the data lives when",
                    "scheduler.update_project_state is true. Takes a backup first and writes in",
                    "one transaction. Run it after `apdm db update`."},
            footer = {"", "Exit codes: 0 all done, 1 rows changed by N.I.N.A. meanwhile were left alone,",
                    "2 usage, configuration or unknown database, 3 aborted (database locked by",
                    "N.I.N.A., or an unexpected error)."})
    static final class Sync implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;
        @Mixin
        Databases dbs;
        @Option(names = "--backup-dir", paramLabel = "DIR",
                description = "Where backups go (default: <state_dir>/scheduler-backups).")
        Path backupDir;
        @Option(names = "--dry-run", description = "Show every change (plan, old → new); change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException {
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig config = configOption.load(env);
            SchedulerSyncOperation.Request request = new SchedulerSyncOperation.Request(dbs.scheduler(config),
                    dbs.database(config), backupDir(backupDir, config));
            return run(config, request, output, dryRun, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Back up the Target Scheduler database (rotating copies).",
                    "The newest scheduler.backups copies are kept. Taken under the database's",
                    "write lock, so the copy is consistent."})
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;
        @Option(names = "--db", paramLabel = "FILE", description = "The Target Scheduler database (default: scheduler.database).")
        Path scheduler;
        @Option(names = "--backup-dir", paramLabel = "DIR",
                description = "Where backups go (default: <state_dir>/scheduler-backups).")
        Path backupDir;
        @Option(names = "--dry-run", description = "Say where the copy would go and which old copies would go; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException {
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig config = configOption.load(env);
            Databases d = new Databases();
            d.scheduler = scheduler;
            Path db = d.scheduler(config);
            Path dir = backupDir(backupDir, config);
            PrintWriter out = spec.commandLine().getOut();
            if (dryRun) {
                if (output.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("command", "scheduler backup");
                    m.put("dryRun", true);
                    m.put("scheduler", db.toString());
                    m.put("folder", dir.toString());
                    m.put("kept", config.scheduler().backups());
                    m.put("exitCode", ExitCodes.OK);
                    out.println(Json.write(m));
                } else {
                    out.printf("Dry run, nothing changed. Would copy %s into %s under its write lock, keeping the newest "
                            + "%d copies.%n", db, dir, config.scheduler().backups());
                }
                out.flush();
                return ExitCodes.OK;
            }
            try {
                Path b = new SchedulerSyncOperation(config, Clock.systemDefaultZone()).backup(db, dir);
                if (output.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("command", "scheduler backup");
                    m.put("scheduler", db.toString());
                    m.put("backup", b.toString());
                    m.put("kept", config.scheduler().backups());
                    m.put("exitCode", ExitCodes.OK);
                    out.println(Json.write(m));
                } else {
                    SchedulerSyncSummary.backupLines(db, b, config.scheduler().backups(), dir).forEach(out::println);
                }
                out.flush();
                return ExitCodes.OK;
            } catch (SchedulerDatabaseException e) {
                return failure(e, spec.commandLine().getErr());
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Compare the Target Scheduler's counts with apdm's accepted frames.",
                    "Per project and target: desired / acquired / accepted next to apdm's count,",
                    "where the data lives, and what a sync would write. Changes nothing."})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;
        @Mixin
        Databases dbs;

        @Override
        public Integer call() throws ConfigException {
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig config = configOption.load(env);
            PrintWriter out = spec.commandLine().getOut();
            try {
                SchedulerSyncOperation op = new SchedulerSyncOperation(config, Clock.systemDefaultZone());
                SchedulerSyncOperation.Prepared p = op.prepare(new SchedulerSyncOperation.Request(dbs.scheduler(config),
                        dbs.database(config), backupDir(null, config)));
                SchedulerStatus status = SchedulerStatus.of(p, config.scheduler().masterReadyPercent());
                if (output.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("command", "scheduler status");
                    m.put("scheduler", status.scheduler().toString());
                    m.put("database", status.database().toString());
                    m.put("masterReadyPercent", status.masterReadyPercent());
                    m.put("foldersUsed", status.framesUsed());
                    m.put("staleFoldersIgnored", status.staleIgnored());
                    m.put("projects", statusJson(status));
                    m.put("readyForMaster", status.readyForMaster());
                    out.println(Json.write(m));
                } else {
                    printStatus(out, status);
                }
                out.flush();
                return ExitCodes.OK;
            } catch (SchedulerDatabaseException e) {
                return failure(e, spec.commandLine().getErr());
            }
        }
    }

    SchedulerCommand() {
    }

    static Path backupDir(Path flag, ApdmConfig config) {
        return (flag != null ? flag : SchedulerSyncOperation.defaultBackupDir(config)).toAbsolutePath().normalize();
    }

    /** Runs a sync and prints it; shared with {@code apdm demo}. */
    static int run(ApdmConfig config, SchedulerSyncOperation.Request request, OutputOptions output, boolean dryRun,
                   PrintWriter out, PrintWriter err) {
        SchedulerSyncOperation op = new SchedulerSyncOperation(config, Clock.systemDefaultZone());
        try {
            SchedulerSyncOperation.Prepared prepared = op.prepare(request);
            SchedulerSyncOperation.Result result = dryRun ? null : op.execute(prepared);
            int code = result == null || result.changedUnderUs() == 0 ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
            if (output.json()) {
                out.println(Json.write(json(prepared, result, dryRun, code)));
            } else {
                printSync(out, config, prepared, result, dryRun, output.verbose());
            }
            out.flush();
            return code;
        } catch (SchedulerDatabaseException e) {
            return failure(e, err);
        }
    }

    static int failure(SchedulerDatabaseException e, PrintWriter err) {
        err.println("error: " + e.getMessage());
        err.flush();
        return e instanceof SchedulerDatabaseException.Locked || !(e instanceof SchedulerDatabaseException.UnknownSchema
                || e instanceof SchedulerDatabaseException.Missing) ? ExitCodes.ABORTED : ExitCodes.USAGE;
    }

    // ---- text ----

    static void printSync(PrintWriter out, ApdmConfig config, SchedulerSyncOperation.Prepared p,
                          SchedulerSyncOperation.Result r, boolean dryRun, boolean verbose) {
        SchedulerSyncSummary.lines(config, p, r, dryRun, verbose).forEach(out::println);
    }

    static void printStatus(PrintWriter out, SchedulerStatus s) {
        out.printf("Target Scheduler status: %s%n  apdm database: %s%n", s.scheduler(), s.database());
        for (SchedulerStatus.ProjectStatus p : s.projects()) {
            out.println();
            out.printf("%s  %s  %s  grader %s%s%s%n", p.name(), ProjectState.label(p.state()),
                    p.rig() == null ? "(profile not in apdm's database)" : p.rig(), p.grader() ? "on" : "off",
                    p.mosaic() ? "  mosaic" : "",
                    p.suggestedState() != null && !Objects.equals(p.suggestedState(), p.state())
                            ? "  data says " + ProjectState.label(p.suggestedState()) : "");
            for (SchedulerStatus.TargetStatus t : p.targets()) {
                out.printf("  %s  %s%s%n", t.name(), t.stages().isEmpty() ? "no data in apdm" : "data in " + String.join(", ", t.stages()),
                        t.readyForMaster() ? "  READY FOR MASTER" : "");
                if (t.plans().isEmpty()) {
                    continue;
                }
                out.printf("    %-10s %9s %8s %9s %9s %6s  %s%n", "filter", "exposure", "desired", "acquired", "accepted", "apdm",
                        "sync");
                for (SchedulerStatus.PlanStatus x : t.plans()) {
                    String sync = SchedulerSyncSummary.sync(x);
                    out.printf("    %-10s %9s %8s %9s %9s %6s  %s%n", x.filter(),
                            x.exposure() == null ? "-" : SyncPlan.seconds(x.exposure()), show(x.desired()), show(x.acquired()),
                            show(x.accepted()), x.status() == SyncPlan.Status.NO_PROFILE ? "-" : Integer.toString(x.apdmCount()), sync);
                }
            }
        }
        List<String> ready = s.readyForMaster();
        out.println();
        out.printf("Targets ready for master (every plan at ≥ %s %% of desired in apdm): %s%n",
                SyncPlan.seconds(s.masterReadyPercent()).replace(" s", ""), ready.isEmpty() ? "none" : "");
        ready.forEach(x -> out.printf("  %s%n", x));
    }

    private static String show(Integer v) {
        return v == null ? "-" : v.toString();
    }

    // ---- JSON ----

    private static Map<String, Object> json(SchedulerSyncOperation.Prepared p, SchedulerSyncOperation.Result r,
                                            boolean dryRun, int code) {
        SyncPlan plan = p.plan();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "scheduler sync");
        m.put("dryRun", dryRun);
        m.put("scheduler", p.request().schedulerDb().toString());
        m.put("database", p.request().apdmDb().toString());
        m.put("foldersUsed", plan.framesUsed());
        m.put("staleFoldersIgnored", plan.staleIgnored());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("plans", plan.plans().size());
        for (SyncPlan.Status s : SyncPlan.Status.values()) {
            summary.put(s.name().toLowerCase(Locale.ROOT), plan.count(s));
        }
        summary.put("states", plan.states().size());
        summary.put("changedUnderUs", r == null ? 0 : r.changedUnderUs());
        m.put("summary", summary);
        List<Object> plans = new ArrayList<>();
        for (SyncPlan.PlanResult x : plan.plans()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", x.plan().id());
            e.put("project", x.project().name());
            e.put("target", x.target().name());
            e.put("template", x.plan().templateName());
            e.put("rig", x.rig());
            e.put("panel", x.panel());
            e.put("filter", x.filter());
            e.put("exposure", x.exposure());
            e.put("status", x.status().name().toLowerCase(Locale.ROOT));
            e.put("grader", x.project().grader());
            e.put("desired", x.plan().desired());
            e.put("apdmCount", x.apdmCount());
            e.put("masterReady", x.masterReady());
            e.put("accepted", oldNew(x.plan().accepted(), x.newAccepted()));
            e.put("acquired", oldNew(x.plan().acquired(), x.newAcquired()));
            e.put("note", x.note());
            if (r != null && x.changes()) {
                e.put("written", r.written().written().contains(x));
            }
            plans.add(e);
        }
        m.put("plans", plans);
        List<Object> states = new ArrayList<>();
        for (SyncPlan.StateChange s : plan.states()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("projectId", s.project().id());
            e.put("project", s.project().name());
            e.put("state", oldNew(s.oldState(), s.newState()));
            e.put("stages", s.stages());
            if (r != null) {
                e.put("written", r.written().statesWritten().contains(s));
            }
            states.add(e);
        }
        m.put("states", states);
        m.put("backup", r == null || r.written().backup() == null ? null : r.written().backup().toString());
        m.put("exitCode", code);
        return m;
    }

    private static List<Object> statusJson(SchedulerStatus s) {
        List<Object> projects = new ArrayList<>();
        for (SchedulerStatus.ProjectStatus p : s.projects()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("id", p.id());
            pm.put("name", p.name());
            pm.put("state", p.state());
            pm.put("suggestedState", p.suggestedState());
            pm.put("rig", p.rig());
            pm.put("grader", p.grader());
            pm.put("mosaic", p.mosaic());
            List<Object> targets = new ArrayList<>();
            for (SchedulerStatus.TargetStatus t : p.targets()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("id", t.id());
                tm.put("name", t.name());
                tm.put("target", t.target());
                tm.put("panel", t.panel());
                tm.put("stages", t.stages());
                tm.put("readyForMaster", t.readyForMaster());
                List<Object> plans = new ArrayList<>();
                for (SchedulerStatus.PlanStatus x : t.plans()) {
                    Map<String, Object> xm = new LinkedHashMap<>();
                    xm.put("id", x.id());
                    xm.put("template", x.template());
                    xm.put("filter", x.filter());
                    xm.put("exposure", x.exposure());
                    xm.put("desired", x.desired());
                    xm.put("acquired", x.acquired());
                    xm.put("accepted", x.accepted());
                    xm.put("apdmCount", x.apdmCount());
                    xm.put("status", x.status().name().toLowerCase(Locale.ROOT));
                    xm.put("masterReady", x.masterReady());
                    xm.put("syncAccepted", x.syncAccepted());
                    xm.put("syncAcquired", x.syncAcquired());
                    xm.put("note", x.note());
                    plans.add(xm);
                }
                tm.put("plans", plans);
                targets.add(tm);
            }
            pm.put("targets", targets);
            projects.add(pm);
        }
        return projects;
    }

    private static Map<String, Object> oldNew(Integer old, Integer now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", old);
        m.put("new", now);
        return m;
    }
}
