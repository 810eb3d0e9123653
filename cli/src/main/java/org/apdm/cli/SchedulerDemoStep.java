package org.apdm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.nina.AcceptedFramesRepository;
import org.apdm.nina.ProjectState;
import org.apdm.nina.SampleSchedulerDatabase;
import org.apdm.nina.SchedulerDatabaseException;
import org.apdm.nina.SchedulerSyncOperation;

/**
 * The Target Scheduler step of {@code apdm demo}: a sample scheduler database with a project per demo
 * target and rig (as the user's own scripts created them), then the sync. Runs after {@code db update}.
 */
final class SchedulerDemoStep {

    /** A demo rig's N.I.N.A. profile; its id is used when apdm's database has no profile for the rig. */
    private record DemoProfile(String rig, String id) {
    }

    private static final DemoProfile C8E = new DemoProfile("C8E@f10.0+ZWO ASI2600MM Pro", DemoWorkspace.C8E_PROFILE_ID);
    private static final DemoProfile SQA55 = new DemoProfile("SQA55@f5.3+ATR585M", DemoWorkspace.SQA55_PROFILE_ID);

    private SchedulerDemoStep() {
    }

    /** The sample scheduler database of a demo workspace. */
    static Path database(DemoWorkspace.Layout layout) {
        return layout.root().resolve("NINA").resolve("SchedulerPlugin").resolve("schedulerdb.sqlite");
    }

    static int run(ApdmConfig config, DemoWorkspace.Layout layout, OutputOptions output, PrintWriter out, PrintWriter err) {
        return run(config, layout, output, out, err, new DemoSteps());
    }

    static int run(ApdmConfig config, DemoWorkspace.Layout layout, OutputOptions output, PrintWriter out, PrintWriter err,
                   DemoSteps steps) {
        Path ts = database(layout);
        if (!output.json()) {
            out.println();
            out.println(steps.title("N.I.N.A. Target Scheduler (a sample schedulerdb.sqlite, then `apdm scheduler sync`)"));
            out.flush();
        }
        AcceptedFramesRepository.Contents apdm = null;
        if (Files.isRegularFile(config.database())) {
            try {
                apdm = new AcceptedFramesRepository(config.database(), config.scheduler().busyTimeout()).read();
            } catch (SchedulerDatabaseException e) {
                err.println("  apdm's database cannot be read: " + e.getMessage());
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        try (SampleSchedulerDatabase db = SampleSchedulerDatabase.create(ts)) {
            String c8e = profileId(C8E, apdm, extra);
            long m81 = db.target(db.project(c8e, "M 81+LRGB", ProjectState.ACTIVE, false, false), "M 81", 9.926, 69.065);
            for (String f : List.of("L", "R", "G", "B")) {
                db.plan(c8e, m81, db.template(c8e, f, f, 120), -1, f.equals("L") ? 20 : 10, 0, 0);
            }
            db.throttle(c8e, 125);
            String sqa = profileId(SQA55, apdm, extra);
            long heart = db.project(sqa, "Heart Nebula+SHO", ProjectState.ACTIVE, true, true);
            long p1 = db.target(heart, "Heart Nebula Panel 1", 2.555, 61.45);
            long p2 = db.target(heart, "Heart Nebula Panel 2", 2.62, 61.2);
            // templates named as the filter wheel names the filters (Ha, O3, S2); apdm's aliases make them H, O, S
            for (String f : List.of("Ha", "O3", "S2")) {
                long t = db.template(sqa, f + " 300s", f, 300);
                db.plan(sqa, p1, t, -1, 4, 0, 0);
                db.plan(sqa, p2, t, -1, 4, 0, 0);
            }
        } catch (Exception e) {
            err.println("  could not create the sample scheduler database " + ts + ": " + e.getMessage());
            return ExitCodes.ABORTED;
        }
        if (!output.json()) {
            out.printf("  sample Target Scheduler database: %s%n", ts);
        }
        if (apdm == null || apdm.frames().isEmpty()) {
            if (!output.json()) {
                out.println("  no accepted frames in apdm's database yet; run `apdm db update` (then `apdm scheduler sync`)");
                out.flush();
            }
            return ExitCodes.OK;
        }
        // the demo shows project states following the data; a user's configuration decides (scheduler.update_project_state)
        ApdmConfig demo = config.withScheduler(new ApdmConfig.SchedulerSettings(ts, config.scheduler().masterReadyPercent(),
                true, config.scheduler().backups(), config.scheduler().busyTimeout()));
        int code = SchedulerCommand.run(demo, new SchedulerSyncOperation.Request(ts, config.database(),
                SchedulerSyncOperation.defaultBackupDir(config), extra), output, false, out, err);
        if (!output.json()) {
            out.printf("  try: ./apdm scheduler status --config \"%s\" --db \"%s\"%n", layout.config(), ts);
            out.flush();
        }
        return code;
    }

    /** The rig's profile id in apdm's database, else the demo's own (then mapped to the rig for the sync). */
    private static String profileId(DemoProfile p, AcceptedFramesRepository.Contents apdm, Map<String, String> extra) {
        if (apdm != null) {
            String rig = ApdmConfig.canonicalRig(p.rig());
            for (AcceptedFramesRepository.Profile known : apdm.profilesById().values()) {
                if (rig.equalsIgnoreCase(known.rig())) {
                    return known.id();
                }
            }
        }
        extra.put(p.id(), p.rig());
        return p.id();
    }
}
