package org.apdm.core.inventory;

import java.util.List;

/**
 * What to do next, across all rigs ({@code apdm status}).
 *
 * @param waitingForBlink    nights in {@code 10_Blink} with frames not yet blinked (not in {@code accept/})
 * @param missingCalibration accepted nights up to {@code 30_Master} without a matching master dark or flat
 * @param readyToPromote     nights in {@code 10_Blink} fully blinked and calibrated: ready for {@code 20_Data}
 * @param readyForMaster     targets in {@code 20_Data} with every desired filter and panel collected
 * @param desiredAvailable   false when no desired-frames source exists, so {@code readyForMaster} is unknown
 * @param bakeReminders      targets resting in {@code 50_Bake} longer than the configured days
 * @param lowDisk            drives with less free space than the configured share
 */
public record WorkQueue(List<Night> waitingForBlink, List<Night> missingCalibration, List<Night> readyToPromote,
                        List<TargetProgress> readyForMaster, boolean desiredAvailable, List<BakeReminder> bakeReminders,
                        List<DiskSpace> lowDisk) {

    public WorkQueue {
        waitingForBlink = List.copyOf(waitingForBlink);
        missingCalibration = List.copyOf(missingCalibration);
        readyToPromote = List.copyOf(readyToPromote);
        readyForMaster = List.copyOf(readyForMaster);
        bakeReminders = List.copyOf(bakeReminders);
        lowDisk = List.copyOf(lowDisk);
    }

    /**
     * One night of one target.
     *
     * @param detail what is missing ("master flat H; master dark 300.00 s"), or ""
     */
    public record Night(String rig, String stage, String target, String night, int frames, String detail) {
    }

    /** A target's collected share of what is wanted; {@code percent} is the least complete filter/panel. */
    public record TargetProgress(String rig, String stage, String target, double haveHours, double wantHours,
                                 double percent) {
    }

    /** A target untouched in {@code 50_Bake} for {@code days}. */
    public record BakeReminder(String rig, String target, java.nio.file.Path folder, long days) {
    }

    public boolean isEmpty() {
        return waitingForBlink.isEmpty() && missingCalibration.isEmpty() && readyToPromote.isEmpty()
                && readyForMaster.isEmpty() && bakeReminders.isEmpty() && lowDisk.isEmpty();
    }
}
