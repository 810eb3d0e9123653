package org.apdm.core.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.layout.ArchiveLayout;

/**
 * Plans the work queue of {@code apdm status} from a scan. Pure: the clock comes in as {@code now}.
 *
 * <ul>
 *   <li>waiting for blink: frames in {@code 10_Blink} outside {@code accept/}, per night;</li>
 *   <li>missing calibration: accepted folders in {@code 10_Blink} … {@code 30_Master} without a master dark of
 *       their exposure or a master flat of their filter, per night;</li>
 *   <li>ready to promote: nights in {@code 10_Blink} with accepted frames, nothing left to blink and all
 *       calibration present;</li>
 *   <li>ready for master: targets in {@code 20_Data} whose every desired filter and panel has at least
 *       {@code masterReadyPercent} of the desired hours (hours, so a changed exposure still counts);</li>
 *   <li>bake reminders: targets in {@code 50_Bake} not modified for more than {@code bakeReminderDays};</li>
 *   <li>low disk: drives with less than {@code lowDiskPercent} free.</li>
 * </ul>
 */
public final class WorkQueuePlanner {

    /** Thresholds, from the {@code status} and {@code scheduler} settings. */
    public record Settings(int bakeReminderDays, double lowDiskPercent, double masterReadyPercent) {

        /** The thresholds a configuration sets ({@code status.*}, {@code scheduler.master_ready_percent}). */
        public static Settings of(org.apdm.core.config.ApdmConfig config) {
            return new Settings(config.status().bakeReminderDays(), config.status().lowDiskPercent(),
                    config.scheduler().masterReadyPercent());
        }
    }

    private static final Set<String> CALIBRATED_STAGES =
            Set.of(ArchiveLayout.BLINK, ArchiveLayout.DATA, ArchiveLayout.MASTER);

    private WorkQueuePlanner() {
    }

    public static WorkQueue plan(InventoryScan scan, DesiredFrames desired, Settings settings, Instant now) {
        List<InventoryFolder> folders = scan.inventory().folders();

        Map<List<String>, int[]> blink = new LinkedHashMap<>();
        Map<List<String>, Set<String>> missing = new LinkedHashMap<>();
        Map<List<String>, int[]> missingFrames = new HashMap<>();
        Map<List<String>, int[]> accepted = new LinkedHashMap<>();
        for (InventoryFolder f : folders) {
            List<String> night = List.of(f.rig(), f.stage(), f.target(), f.night() == null ? "" : f.night());
            if (f.stage().equals(ArchiveLayout.BLINK) && !f.accepted()) {
                blink.computeIfAbsent(night, k -> new int[1])[0] += f.frames();
            }
            if (f.accepted() && CALIBRATED_STAGES.contains(f.stage())) {
                if (!f.hasDarks() || !f.hasFlats()) {
                    Set<String> what = missing.computeIfAbsent(night, k -> new LinkedHashSet<>());
                    if (!f.hasDarks()) {
                        what.add("master dark " + (f.exposure() == null ? "?" : f.exposure()) + " s");
                    }
                    if (!f.hasFlats()) {
                        what.add("master flat " + (f.filter() == null ? "?" : f.filter()));
                    }
                    missingFrames.computeIfAbsent(night, k -> new int[1])[0] += f.frames();
                }
                if (f.stage().equals(ArchiveLayout.BLINK)) {
                    accepted.computeIfAbsent(night, k -> new int[1])[0] += f.frames();
                }
            }
        }
        List<WorkQueue.Night> waiting = new ArrayList<>();
        blink.forEach((k, n) -> waiting.add(night(k, n[0], "")));
        List<WorkQueue.Night> uncalibrated = new ArrayList<>();
        missing.forEach((k, what) -> uncalibrated.add(night(k, missingFrames.get(k)[0], String.join("; ", what))));
        List<WorkQueue.Night> promote = new ArrayList<>();
        accepted.forEach((k, n) -> {
            if (!blink.containsKey(k) && !missing.containsKey(k) && !k.get(3).isEmpty()) {
                promote.add(night(k, n[0], ""));
            }
        });

        List<WorkQueue.TargetProgress> ready = new ArrayList<>();
        if (desired.available()) {
            Map<List<String>, Map<String, Double>> have = new LinkedHashMap<>();
            for (InventoryFolder f : folders) {
                if (f.stage().equals(ArchiveLayout.DATA) && f.accepted()) {
                    have.computeIfAbsent(List.of(f.rig(), f.target()), k -> new HashMap<>())
                            .merge(f.filter() + "\u0000" + f.panel(), f.hours(), Double::sum);
                }
            }
            have.forEach((k, byFilter) -> {
                List<DesiredFrames.Desired> want = desired.desired(k.get(0), k.get(1));
                double least = Double.POSITIVE_INFINITY;
                double wantHours = 0;
                for (DesiredFrames.Desired d : want) {
                    if (d.hours() <= 0) {
                        continue;
                    }
                    wantHours += d.hours();
                    double got = byFilter.getOrDefault(d.filter() + "\u0000" + d.panel(), 0.0);
                    least = Math.min(least, got * 100.0 / d.hours());
                }
                if (wantHours > 0 && least + 1e-9 >= settings.masterReadyPercent()) { // hours are sums of fractions
                    double haveHours = byFilter.values().stream().mapToDouble(Double::doubleValue).sum();
                    ready.add(new WorkQueue.TargetProgress(k.get(0), ArchiveLayout.DATA, k.get(1), haveHours, wantHours,
                            least));
                }
            });
        }

        List<WorkQueue.BakeReminder> bake = new ArrayList<>();
        for (TargetFolder t : scan.targets()) {
            if (t.stage().equals(ArchiveLayout.BAKE)) {
                long days = Duration.between(t.lastModified(), now).toDays();
                if (days > settings.bakeReminderDays()) {
                    bake.add(new WorkQueue.BakeReminder(t.rig(), t.target(), t.folder(), days));
                }
            }
        }
        bake.sort(Comparator.comparingLong(WorkQueue.BakeReminder::days).reversed());

        List<DiskSpace> low = scan.disks().stream().filter(d -> d.freePercent() < settings.lowDiskPercent()).toList();
        return new WorkQueue(waiting, uncalibrated, promote, ready, desired.available(), bake, low);
    }

    private static WorkQueue.Night night(List<String> k, int frames, String detail) {
        return new WorkQueue.Night(k.get(0), k.get(1), k.get(2), k.get(3).isEmpty() ? null : k.get(3), frames, detail);
    }
}
