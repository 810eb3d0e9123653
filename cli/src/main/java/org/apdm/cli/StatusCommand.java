package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.inventory.DiskSpace;
import org.apdm.core.inventory.InventoryScan;
import org.apdm.core.inventory.InventoryScanner;
import org.apdm.core.inventory.TargetSummary;
import org.apdm.core.inventory.WorkQueue;
import org.apdm.core.inventory.WorkQueuePlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm status}: what is in the archive and what to do next. Reads only; changes nothing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"What is in the archive, and what to do next.",
                "Per rig and stage the targets with frames, hours and nights; then the work queue:",
                "nights waiting for blink, nights missing calibration, nights ready to promote to 20_Data,",
                "targets ready for master (with Target Scheduler plans), targets resting in 50_Bake, and free",
                "disk space. Reads the archive only; changes nothing."},
        footer = {"", "Exit codes: 0 done, 1 done but some files could not be read (listed), 2 usage or configuration "
                + "error, 3 aborted."})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;
    @Mixin
    SchedulerDbOption schedulerDb;

    @Option(names = "--data", paramLabel = "DIR", description = "The archive root (overrides roots.data).")
    Path data;
    @Option(names = "--rig", paramLabel = "R", description = "Only this rig (repeatable).")
    List<String> rigs = new ArrayList<>();

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = schedulerDb.applyTo(configOption.load(env));
        Path root = Engines.existingFolder(data, config.roots().data(), "--data", "roots.data", config);
        checkRigs(root, rigs);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InventoryScan scan;
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(err, env.interactive(), output.quiet() || output.json())) {
            scan = new InventoryScanner(config).scan(root, InventoryScanner.Options.STATUS.withRigs(Set.copyOf(rigs)),
                    progress, cancel.token());
        }
        List<String> warnings = new ArrayList<>();
        DesiredFrames desired = DesiredFrames.fromConfig(config, warnings::add);
        WorkQueue queue = WorkQueuePlanner.plan(scan, desired, WorkQueuePlanner.Settings.of(config), Instant.now());
        List<TargetSummary> targets = TargetSummary.of(scan.inventory().folders());
        int code = scan.inventory().problems().isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
        if (output.json()) {
            out.println(Json.write(json(scan, targets, queue, warnings, code)));
        } else {
            print(out, scan, targets, queue, warnings, config, output.verbose());
        }
        out.flush();
        return code;
    }

    /** Every {@code --rig} must name a rig folder below the root (compared with the focal ratio normalised). */
    static void checkRigs(Path root, List<String> rigs) throws IOException {
        if (rigs.isEmpty()) {
            return;
        }
        List<String> present = new ArrayList<>();
        try (var s = java.nio.file.Files.list(root)) {
            s.filter(java.nio.file.Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(present::add);
        }
        for (String r : rigs) {
            if (present.stream().noneMatch(p -> ApdmConfig.canonicalRig(p).equals(ApdmConfig.canonicalRig(r)))) {
                throw new UsageException("there is no rig folder '" + r + "' in " + root + " (rigs there: "
                        + String.join(", ", present.stream().filter(p -> !p.startsWith("_") && !p.startsWith(".")).toList())
                        + ")");
            }
        }
    }

    static String h(double hours) {
        return String.format(Locale.ROOT, "%.1f h", hours);
    }

    private static void print(PrintWriter out, InventoryScan scan, List<TargetSummary> targets, WorkQueue q,
                              List<String> warnings, ApdmConfig config, boolean verbose) {
        var inv = scan.inventory();
        out.printf(Locale.ROOT, "Archive %s: %d rig(s), %d target folder(s), %,d frames, %s%n", inv.dataRoot(),
                targets.stream().map(TargetSummary::rig).distinct().count(), targets.size(), inv.frames(),
                h(inv.hours()));
        String rig = null;
        for (TargetSummary t : targets) {
            if (!t.rig().equals(rig)) {
                rig = t.rig();
                out.println();
                out.println(rig);
            }
            String acc = t.accepted() == t.frames() ? "" : String.format(Locale.ROOT, " (%d not blinked)",
                    t.frames() - t.accepted());
            out.printf(Locale.ROOT, "  %-11s %-40s %6d frames%s  %s  %d night(s)%n", t.stage(), t.target(), t.frames(),
                    acc, h(t.hours()), t.nights());
        }
        if (!scan.notRigs().isEmpty()) {
            out.printf("%nNot rig folders (<optic>@f<ratio>+<camera>), not scanned: %s%n",
                    String.join(", ", scan.notRigs().stream().map(p -> p.getFileName().toString()).toList()));
        }
        if (!inv.unknownStages().isEmpty()) {
            out.printf("%nStages apdm does not know (listed above, not changed): %s%n", String.join(", ", inv.unknownStages()));
        }
        out.println();
        out.println("What to do next");
        nights(out, "Waiting for blink", q.waitingForBlink(), verbose);
        nights(out, "Nights missing calibration", q.missingCalibration(), verbose);
        nights(out, "Ready to promote to 20_Data", q.readyToPromote(), verbose);
        if (!q.desiredAvailable()) {
            out.println("  Ready for master: unknown (no Target Scheduler plans are available)");
        } else if (q.readyForMaster().isEmpty()) {
            out.printf(Locale.ROOT, "  Ready for master: none (%.0f %% of every planned filter needed)%n",
                    config.scheduler().masterReadyPercent());
        } else {
            out.printf("  Ready for master (%d):%n", q.readyForMaster().size());
            for (WorkQueue.TargetProgress p : q.readyForMaster()) {
                out.printf(Locale.ROOT, "    %s  %s: %s of %s (%.0f %%)%n", p.rig(), p.target(), h(p.haveHours()),
                        h(p.wantHours()), p.percent());
            }
        }
        if (q.bakeReminders().isEmpty()) {
            out.printf("  Resting in 50_Bake: nothing older than %d days%n", config.status().bakeReminderDays());
        } else {
            out.printf("  Resting in 50_Bake for more than %d days (%d): publish and move on to 60_Done%n",
                    config.status().bakeReminderDays(), q.bakeReminders().size());
            for (WorkQueue.BakeReminder b : q.bakeReminders()) {
                out.printf("    %s  %s: %d days untouched%n", b.rig(), b.target(), b.days());
            }
        }
        for (DiskSpace d : scan.disks()) {
            boolean low = q.lowDisk().contains(d);
            out.printf(Locale.ROOT, "  Free space on %s (%s): %.0f %% (%s of %s)%s%n", d.drive(), d.path(), d.freePercent(),
                    bytes(d.usable()), bytes(d.total()), low ? "  LOW: below " + (int) config.status().lowDiskPercent()
                            + " %" : "");
        }
        for (String w : warnings) {
            out.println("warning: " + w);
        }
        if (!inv.problems().isEmpty()) {
            out.printf("%nNot read (%d):%n", inv.problems().size());
            for (LeftBehind p : inv.problems()) {
                out.printf("  %s: %s%n", p.file(), p.reason());
            }
        }
    }

    private static void nights(PrintWriter out, String title, List<WorkQueue.Night> nights, boolean verbose) {
        if (nights.isEmpty()) {
            out.printf("  %s: none%n", title);
            return;
        }
        int frames = nights.stream().mapToInt(WorkQueue.Night::frames).sum();
        out.printf("  %s (%d night(s), %d frames):%n", title, nights.size(), frames);
        int shown = 0;
        for (WorkQueue.Night n : nights) {
            if (!verbose && shown++ == 15) {
                out.printf("    … and %d more (--verbose lists all)%n", nights.size() - 15);
                break;
            }
            out.printf("    %s  %s / %s  %s: %d frames%s%n", n.rig(), n.stage(), n.target(),
                    n.night() == null ? "(no date)" : n.night(), n.frames(), n.detail().isEmpty() ? "" : "  (" + n.detail() + ")");
        }
    }

    static String bytes(long b) {
        double g = b / (1024.0 * 1024 * 1024);
        return g >= 1024 ? String.format(Locale.ROOT, "%.1f TB", g / 1024) : String.format(Locale.ROOT, "%.1f GB", g);
    }

    private static Map<String, Object> json(InventoryScan scan, List<TargetSummary> targets, WorkQueue q,
                                            List<String> warnings, int code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "status");
        m.put("data", scan.inventory().dataRoot().toString());
        m.put("frames", scan.inventory().frames());
        m.put("hours", scan.inventory().hours());
        m.put("targets", targets);
        m.put("unknownStages", scan.inventory().unknownStages());
        m.put("notRigs", scan.notRigs().stream().map(Path::toString).toList());
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("waitingForBlink", q.waitingForBlink());
        next.put("missingCalibration", q.missingCalibration());
        next.put("readyToPromote", q.readyToPromote());
        next.put("readyForMaster", q.desiredAvailable() ? q.readyForMaster() : null);
        next.put("bakeReminders", q.bakeReminders().stream().map(b -> Map.of("rig", b.rig(), "target", b.target(),
                "folder", b.folder().toString(), "days", b.days())).toList());
        next.put("disks", scan.disks().stream().map(d -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("drive", d.drive());
            x.put("path", d.path().toString());
            x.put("totalBytes", d.total());
            x.put("freeBytes", d.usable());
            x.put("freePercent", d.freePercent());
            x.put("low", q.lowDisk().contains(d));
            return x;
        }).toList());
        m.put("next", next);
        m.put("warnings", warnings);
        m.put("problems", scan.inventory().problems().stream().map(p -> Map.of("file", p.file().toString(),
                "reason", p.reason())).toList());
        m.put("exitCode", code);
        return m;
    }
}
