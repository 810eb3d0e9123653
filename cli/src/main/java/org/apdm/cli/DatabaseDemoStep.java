package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    static int run(ApdmConfig config, DemoWorkspace.Layout layout, OutputOptions output, PrintWriter out, PrintWriter err)
            throws IOException {
        boolean text = !output.json();
        int code = ExitCodes.OK;
        if (text) {
            out.println();
            out.println("Step 3: blink (here every frame left in 10_Blink is accepted, as you would after looking at them)");
            out.flush();
        }
        ExecutionResult accepted = Engines.of(config).execute(acceptAll(layout.data()), ProgressListener.NONE,
                CancellationToken.none());
        if (accepted.outcomes().stream().anyMatch(o -> o.outcome().leavesSourceBehind())) {
            code = ExitCodes.LEFT_BEHIND;
        }
        if (text) {
            out.printf("  moved %d frames into their targets' accept/ folders%n", accepted.outcomes().size());
            out.println();
            out.println("Step 4: db update (record the accepted frames in the database)");
            out.flush();
        }
        Path dbFile = config.database();
        try (AstroDatabase db = new DatabaseOption().open(config, true, err)) {
            DbUpdateOperation.Result r = new DbUpdateOperation(config, db).run(new DbUpdateOperation.Request(
                    layout.data(), Set.of(), true, true, false, false), ProgressListener.NONE, CancellationToken.none());
            if (text) {
                out.printf("  %d folders with %d frames; %d rows added to %s%n", r.scan().inventory().folders().size(),
                        r.scan().inventory().frames(), r.plan().count(AcceptedDataPlanner.Change.Insert.class), dbFile);
                r.warnings().forEach(w -> out.println("  warning: " + w));
                out.println();
                out.println("Step 5: status (what to do next)");
            }
            InventoryScan scan = new InventoryScanner(config).scan(layout.data(), InventoryScanner.Options.STATUS,
                    ProgressListener.NONE, CancellationToken.none());
            WorkQueue q = WorkQueuePlanner.plan(scan, DesiredFrames.NONE, new WorkQueuePlanner.Settings(
                    config.status().bakeReminderDays(), config.status().lowDiskPercent(),
                    config.scheduler().masterReadyPercent()), Instant.now());
            if (text) {
                out.printf("  waiting for blink: %d night(s); missing calibration: %d night(s); ready to promote: %d night(s)%n",
                        q.waitingForBlink().size(), q.missingCalibration().size(), q.readyToPromote().size());
                out.println();
                out.println("Step 6: report (astrobin_csv.txt and totals.txt per target, and a summary page)");
            }
            Path html = layout.root().resolve("report.html");
            ReportOperation.Result rep = new ReportOperation(config, db, new ReportFileWriter(db, Engines.of(config),
                    Clock.systemDefaultZone())).run(new ReportOperation.Request(layout.data(), Set.of(), true, html, null,
                    false), DesiredFrames.NONE);
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
            if (!r.problems().isEmpty()) {
                code = Math.max(code, ExitCodes.LEFT_BEHIND);
            }
        }
        return code;
    }

    /** Moves every frame in {@code 10_Blink} outside {@code accept/} to {@code {target}/accept/<same path>}. */
    static Plan acceptAll(Path data) throws IOException {
        List<FileOperation> ops = new ArrayList<>();
        List<Path> prune = new ArrayList<>();
        if (Files.isDirectory(data)) {
            try (Stream<Path> rigs = Files.list(data)) {
                for (Path rig : rigs.sorted().toList()) {
                    Path blink = rig.resolve(ArchiveLayout.BLINK);
                    if (!Files.isDirectory(blink)) {
                        continue;
                    }
                    try (Stream<Path> targets = Files.list(blink)) {
                        for (Path target : targets.filter(Files::isDirectory).sorted().toList()) {
                            prune.add(target);
                            try (Stream<Path> files = Files.walk(target)) {
                                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                                    Path rel = target.relativize(f);
                                    if (rel.getName(0).toString().equals(ArchiveLayout.ACCEPT)
                                            || !ImageFormat.of(f).isImage()) {
                                        continue;
                                    }
                                    ops.add(new FileOperation.Move(f, target.resolve(ArchiveLayout.ACCEPT).resolve(rel),
                                            "accepted in the demo's blink"));
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Plan("demo blink", ops, List.of(), List.of(data), prune);
    }
}
