package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.Plan;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.inventory.InventoryScan;
import org.apdm.core.inventory.InventoryScanner;
import org.apdm.core.inventory.WorkQueue;
import org.apdm.core.inventory.WorkQueuePlanner;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.profiles.ProfileImportOperation;
import org.apdm.db.update.AcceptedDataPlanner;
import org.apdm.db.update.DbUpdateOperation;
import org.apdm.db.report.ReportFileWriter;
import org.apdm.db.report.ReportOperation;

/**
 * The database part of {@code apdm demo}: stands in for the blink (every frame still in {@code 10_Blink}
 * is accepted, moved into its target's {@code accept/} through the file engine), then runs
 * {@code apdm db update}, {@code apdm status} and {@code apdm report} on the workspace.
 */
final class DatabaseDemoStep {

    private DatabaseDemoStep() {
    }

    /** Records the accepted frames (after the calibration step's blink and promotion). */
    static int record(ApdmConfig config, DemoWorkspace.Layout layout, OutputOptions output, PrintWriter out, PrintWriter err,
                      DemoSteps steps) throws IOException {
        boolean text = !output.json();
        Path dbFile = config.database();
        try (AstroDatabase db = new DatabaseOption().open(config, true, err)) {
            if (text) {
                out.println();
                out.println(steps.title("db import-profiles (the rigs and filter wheels of N.I.N.A.'s profiles)"));
            }
            ProfileImportOperation.Result profiles = ProfileImportOperation.run(db, config, config.ninaProfiles(), Map.of(),
                    false);
            if (text) {
                profiles.imported().forEach(p -> out.printf("  %s: %s%n", p.name(), String.join(",", p.filters())));
                profiles.skipped().forEach(k -> out.printf("  skipped %s%n", k));
                profiles.sitesAdded().forEach(x -> out.printf("  site %s from the profiles' latitude and longitude%n",
                        x.name()));
                out.println();
                out.println(steps.title("db update (record the accepted frames in the database)"));
                out.flush();
            }
            DbUpdateOperation.Result r = new DbUpdateOperation(config, db).run(new DbUpdateOperation.Request(
                    layout.data(), Set.of(), true, true, false, false), ProgressListener.NONE, CancellationToken.none());
            if (text) {
                out.printf("  %d folders with %d frames; %d rows added to %s%n", r.scan().inventory().folders().size(),
                        r.scan().inventory().frames(), r.plan().count(AcceptedDataPlanner.Change.Insert.class), dbFile);
                r.warnings().forEach(w -> out.println("  warning: " + w));
                out.flush();
            }
            return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
        }
    }

    /** What to do next and the reports; after the scheduler step, so completion is known. */
    static int statusAndReport(ApdmConfig config, DemoWorkspace.Layout layout, OutputOptions output, PrintWriter out,
                               PrintWriter err, DemoSteps steps) throws IOException {
        boolean text = !output.json();
        DesiredFrames desired = DesiredFrames.fromConfig(config, w -> err.println("warning: " + w));
        if (text) {
            out.println();
            out.println(steps.title("status (what to do next)"));
        }
        try (AstroDatabase db = new DatabaseOption().open(config, true, err)) {
            InventoryScan scan = new InventoryScanner(config).scan(layout.data(), InventoryScanner.Options.STATUS,
                    ProgressListener.NONE, CancellationToken.none());
            WorkQueue q = WorkQueuePlanner.plan(scan, desired, WorkQueuePlanner.Settings.of(config), Instant.now());
            if (text) {
                out.printf("  waiting for blink: %d night(s); missing calibration: %d night(s); ready to promote: %d night(s);"
                                + " ready for master: %d target(s)%n", q.waitingForBlink().size(), q.missingCalibration().size(),
                        q.readyToPromote().size(), q.desiredAvailable() ? q.readyForMaster().size() : 0);
                out.println();
                out.println(steps.title("report (astrobin_csv.txt and totals.txt per target, and a summary page)"));
            }
            Path html = layout.root().resolve("report.html");
            ReportOperation.Result rep = new ReportOperation(config, db, new ReportFileWriter(db, Engines.of(config),
                    Clock.systemDefaultZone())).run(new ReportOperation.Request(layout.data(), Set.of(), true, html, null,
                    false), desired);
            if (text) {
                out.print(rep.text().lines().map(l -> "  " + l + "\n").reduce("", String::concat));
                out.printf("  %d report files written; open %s in a browser%n", rep.files().size(), html);
                out.println();
                out.println("Try the database commands on the workspace yourself, for example:");
                out.printf("  ./apdm status --config \"%s\"%n", layout.config());
                out.printf("  ./apdm db update --config \"%s\" --dry-run    (nothing to do: it is up to date)%n",
                        layout.config());
                out.printf("  ./apdm location list --config \"%s\"%n", layout.config());
                out.printf("  ./apdm filter list --config \"%s\" --rig \"%s\"%n", layout.config(), "SQA55@f5.3+ATR585M");
                out.flush();
            }
        }
        return ExitCodes.OK;
    }
}
