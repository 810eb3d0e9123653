package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.inventory.DiskSpace;
import org.apdm.core.inventory.Inventory;
import org.apdm.core.inventory.InventoryFolder;
import org.apdm.core.inventory.InventoryScan;
import org.apdm.core.inventory.InventoryScanner;
import org.apdm.core.inventory.WorkQueue;
import org.apdm.core.inventory.WorkQueuePlanner;
import org.apdm.core.report.TargetTotals;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.shell.PageCatalog;

/**
 * The dashboard's source: the core inventory ({@link InventoryScanner}, as {@code apdm status} scans), the work
 * queue ({@link WorkQueuePlanner}) as "what to do next" entries that open the page resolving them, and each
 * target's completion as {@code apdm report} computes it ({@link TargetTotals}) against the frames the Target
 * Scheduler plans ({@link DesiredFrames#fromConfig}). Nothing here decides anything the core does not.
 */
public final class InventorySummarySource implements ArchiveSummarySource {

    /** Nights or targets named in an entry's detail before "…". */
    static final int NAMED = 3;

    private final Clock clock;

    public InventorySummarySource(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ArchiveSummary scan(Path dataRoot, ApdmConfig config, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        Path root = dataRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return new ArchiveSummary(root, List.of(), List.of(), List.of(), List.of(), Map.of(), false,
                    List.of("the data folder " + root + " does not exist yet; ingest creates it"));
        }
        InventoryScan scan = new InventoryScanner(config).scan(root, InventoryScanner.Options.STATUS, listener, cancel);
        List<String> warnings = new ArrayList<>();
        DesiredFrames desired = DesiredFrames.fromConfig(config, warnings::add);
        return summarize(scan, config, desired, warnings, clock.instant());
    }

    /**
     * What the dashboard shows of a finished inventory: the folders copied, the work queue planned and mapped, the
     * completion of every target with plans. Pure (the benchmark times it from the inventory's end).
     */
    public static ArchiveSummary summarize(InventoryScan scan, ApdmConfig config, DesiredFrames desired,
                                           List<String> warnings, Instant now) {
        WorkQueue queue = WorkQueuePlanner.plan(scan, desired, WorkQueuePlanner.Settings.of(config), now);
        Function<String, List<String>> filterOrder = rig -> config.filters(rig).stream()
                .map(ApdmConfig.FilterDef::name).toList();
        Inventory inv = scan.inventory();
        List<ArchiveFolder> folders = new ArrayList<>(inv.folders().size());
        Map<ArchiveSummary.TargetKey, List<InventoryFolder>> byTarget = new LinkedHashMap<>();
        for (InventoryFolder f : inv.folders()) {
            folders.add(new ArchiveFolder(f.rig(), f.stage(), f.target(), f.panel(), f.night(), f.filter(), f.exposure(),
                    f.folder(), f.frames(), f.hours(), f.accepted(), f.hasDarks(), f.hasFlats(), f.hasBias()));
            byTarget.computeIfAbsent(new ArchiveSummary.TargetKey(f.rig(), f.stage(), f.target()), k -> new ArrayList<>())
                    .add(f);
        }
        Map<ArchiveSummary.TargetKey, Double> planned = new LinkedHashMap<>();
        if (desired.available()) {
            byTarget.forEach((k, g) -> {
                Double c = TargetTotals.ofFolders(k.target(), k.rig(), k.stage(), g, desired, filterOrder.apply(k.rig()))
                        .completion();
                if (c != null) {
                    planned.put(k, c);
                }
            });
        }
        return new ArchiveSummary(inv.dataRoot(), folders, inv.unknownStages(), inv.problems(), nextSteps(queue), planned,
                desired.available(), warnings);
    }

    /** The work queue as entries, per rig for nights and per target for targets, in the order of the process. */
    static List<NextStep> nextSteps(WorkQueue q) {
        List<NextStep> out = new ArrayList<>();
        byRig(q.waitingForBlink()).forEach((rig, nights) -> out.add(new NextStep(NextStep.Kind.CULL,
                plural(frames(nights), "frame") + " wait for cull and blink",
                rig + ": reject poor frames by HFR, guiding and stars, then blink the rest and move keepers to accept. "
                        + names(nights, false), "Cull", PageCatalog.CULL, rig)));
        // distribute serves 10_Blink; a night further along without masters is told, not linked
        Map<Boolean, List<WorkQueue.Night>> inBlink = q.missingCalibration().stream()
                .collect(java.util.stream.Collectors.partitioningBy(
                        n -> n.stage().equals(org.apdm.core.layout.ArchiveLayout.BLINK)));
        List<WorkQueue.Night> blink = inBlink.get(true);
        List<WorkQueue.Night> later = inBlink.get(false);
        byRig(blink).forEach((rig, nights) -> out.add(new NextStep(NextStep.Kind.CALIBRATE,
                plural(nights.size(), "night") + " without master darks or flats",
                rig + ": " + names(nights, true), "Calibrate", PageCatalog.CALIBRATION, rig)));
        byRig(later).forEach((rig, nights) -> out.add(new NextStep(NextStep.Kind.CALIBRATE,
                plural(nights.size(), "night") + " past 10_Blink without master darks or flats",
                rig + ": " + names(nights, true) + ". Distribute works on 10_Blink: copy the masters into these nights "
                        + "by hand, or move them back to 10_Blink and distribute.", null, null, null)));
        byRig(q.readyToPromote()).forEach((rig, nights) -> out.add(new NextStep(NextStep.Kind.PROMOTE,
                plural(nights.size(), "night") + " ready for 20_Data",
                rig + ": accepted and calibrated: " + names(nights, false), "Promote", PageCatalog.PROMOTE, rig)));
        for (WorkQueue.TargetProgress t : q.readyForMaster()) {
            out.add(new NextStep(NextStep.Kind.MASTER, t.target() + " is ready for master",
                    String.format(Locale.ROOT, "%s: %.1f h of %.1f h planned (the least complete filter at %.0f %%). "
                            + "Integrate it and move it on to 30_Master.", t.rig(), t.haveHours(), t.wantHours(), t.percent()),
                    "Show", PageCatalog.DASHBOARD, t.target()));
        }
        for (WorkQueue.BakeReminder b : q.bakeReminders()) {
            out.add(new NextStep(NextStep.Kind.BAKE, b.target() + " has rested in 50_Bake for " + plural(b.days(), "day"),
                    b.rig() + ": publish it and move it on to 60_Done.", "Show", PageCatalog.DASHBOARD, b.target()));
        }
        for (DiskSpace d : q.lowDisk()) {
            out.add(new NextStep(NextStep.Kind.DISK, String.format(Locale.ROOT, "Only %.0f %% free on %s", d.freePercent(),
                    d.drive()), String.format(Locale.ROOT, "%.1f GB of %.1f GB free below %s.", d.usable() / 1e9,
                    d.total() / 1e9, d.path()), null, null, null));
        }
        return out;
    }

    private static Map<String, List<WorkQueue.Night>> byRig(List<WorkQueue.Night> nights) {
        Map<String, List<WorkQueue.Night>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        nights.forEach(n -> m.computeIfAbsent(n.rig(), k -> new ArrayList<>()).add(n));
        return m;
    }

    private static long frames(List<WorkQueue.Night> nights) {
        return nights.stream().mapToLong(WorkQueue.Night::frames).sum();
    }

    /** "M 31 2025-01-03 (master flat H), M 33 2025-01-04, …". */
    private static String names(List<WorkQueue.Night> nights, boolean detail) {
        List<String> parts = new ArrayList<>();
        for (WorkQueue.Night n : nights.subList(0, Math.min(NAMED, nights.size()))) {
            String stage = n.stage().equals(org.apdm.core.layout.ArchiveLayout.BLINK) ? "" : n.stage() + " ";
            parts.add(stage + n.target() + " " + (n.night() == null ? "(no date)" : n.night())
                    + (detail && !n.detail().isEmpty() ? " (" + n.detail() + ")" : ""));
        }
        if (nights.size() > NAMED) {
            parts.add("…");
        }
        return String.join(", ", parts);
    }

    static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
