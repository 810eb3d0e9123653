package org.apdm.core.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;
import org.apdm.core.layout.ArchiveLayout;

/**
 * Plans moving reviewed nights from {@code {rig}/10_Blink/{target}/accept/DATE_…} to
 * {@code {rig}/20_Data/{target}/accept/DATE_…} (the user's "2f MANUAL move BLINK to DATA"). Pure.
 *
 * <p>A night moves as a whole, lights and masters together, only when every group of its lights has its dark and
 * flat (and, when a dark is scaled, its bias) inside the night's folder, so that what arrives in {@code 20_Data}
 * is self-contained. A night already present in {@code 20_Data} is merged with (the engine never replaces a file).
 * Nights that are not ready stay, each with its reasons.
 */
public final class PromotionPlanner {

    /** One rig's scan and keys. */
    public record RigInput(NightFolderScanner.RigScan scan, CalibrationKeys keys) {
    }

    /**
     * @param night       the night
     * @param ready       it moves
     * @param reasons     why it stays (empty when ready)
     * @param destination its folder in 20_Data
     */
    public record NightResult(NightFolder night, boolean ready, List<String> reasons, Path destination) {
    }

    public record Result(Plan plan, List<NightResult> nights) {
    }

    private PromotionPlanner() {
    }

    /**
     * @param targets only these target folders; empty for all
     */
    public static Result plan(List<RigInput> rigs, boolean darkScaling, Path data, Set<String> targets) {
        List<FileOperation> ops = new ArrayList<>();
        List<LeftBehind> left = new ArrayList<>();
        List<NightResult> nights = new ArrayList<>();
        Set<Path> prune = new LinkedHashSet<>();
        for (RigInput in : rigs) {
            left.addAll(in.scan().unreadable());
            String rig = in.scan().rig();
            Path blink = data.resolve(rig).resolve(ArchiveLayout.BLINK);
            Path dataStage = data.resolve(rig).resolve(ArchiveLayout.DATA);
            for (NightFolder night : in.scan().nights()) {
                if (!night.accepted() || (!targets.isEmpty() && !targets.contains(night.target()))) {
                    continue;
                }
                Path target = blink.resolve(night.target());
                Path destination = dataStage.resolve(night.target()).resolve(target.relativize(night.folder()).toString());
                List<String> reasons = new ArrayList<>();
                for (NightFolder.LightGroup g : night.groups()) {
                    GroupMatch gm = CalibrationMatcher.present(g.light(), in.keys(), night.mastersFor(g), darkScaling);
                    for (MasterMatch problem : gm.problems()) {
                        reasons.add(night.folder().relativize(g.folder()) + ": " + problem.detail()
                                + " in the night's folder (run `apdm calibration distribute`)");
                    }
                }
                if (!reasons.isEmpty()) {
                    nights.add(new NightResult(night, false, reasons, destination));
                    left.add(new LeftBehind(night.folder(), "not ready: " + String.join("; ", reasons)));
                    continue;
                }
                for (Path f : night.files()) {
                    Path dst = dataStage.resolve(night.target()).resolve(target.relativize(f).toString());
                    ops.add(new FileOperation.Move(f, dst, "reviewed night " + night.label()));
                }
                prune.add(target.resolve(ArchiveLayout.ACCEPT));
                nights.add(new NightResult(night, true, List.of(), destination));
            }
        }
        return new Result(new Plan("promote", ops, left, List.of(data), new ArrayList<>(prune)), nights);
    }
}
