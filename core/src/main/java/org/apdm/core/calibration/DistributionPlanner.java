package org.apdm.core.calibration;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;
import org.apdm.core.metadata.Field;

/**
 * Plans copying the matching masters into every night of lights: each goes into the {@code DATE_} folder under its
 * key-carrying name, so that loading {@code accept/} in WBPP finds lights and masters together. Pure: scans and a
 * matcher in, copies and a per-group table out. Nights that already hold their masters get no copy.
 */
public final class DistributionPlanner {

    /** One rig: its nights, keys and rig-change dates. */
    public record RigInput(NightFolderScanner.RigScan scan, CalibrationKeys keys, List<LocalDate> rigChanges) {
    }

    /**
     * A row of the table: one group of lights.
     *
     * @param destinations where each matched library master is copied, by kind
     */
    public record Row(String rig, NightFolder night, NightFolder.LightGroup group, GroupMatch match,
                      Map<MasterKind, Path> destinations) {

        public String filter() {
            return group.light().get(Field.FILTER);
        }

        public String exposure() {
            return group.light().get(Field.EXPOSURE);
        }
    }

    /**
     * @param plan copies into the DATE folders; unreadable lights left behind
     * @param rows one per group of lights, by rig, target and night
     */
    public record Result(Plan plan, List<Row> rows) {

        public long missing() {
            return rows.stream().filter(r -> !r.match().satisfied()).count();
        }
    }

    private DistributionPlanner() {
    }

    /**
     * @param parallel plan rigs at the same time (not when the matcher may ask the user)
     */
    public static Result plan(List<RigInput> rigs, CalibrationMatcher matcher, Path data, boolean parallel) {
        List<RigPart> parts = (parallel ? rigs.parallelStream() : rigs.stream()).map(r -> planRig(r, matcher)).toList();
        List<FileOperation> ops = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<LeftBehind> left = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ops.addAll(parts.get(i).copies);
            rows.addAll(parts.get(i).rows);
            left.addAll(rigs.get(i).scan().unreadable());
        }
        return new Result(new Plan("calibration distribute", ops, left, List.of(data), List.of()), rows);
    }

    private record RigPart(List<FileOperation> copies, List<Row> rows) {
    }

    private static RigPart planRig(RigInput in, CalibrationMatcher matcher) {
        List<FileOperation> copies = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String rig = in.scan().rig();
        for (NightFolder night : in.scan().nights()) {
            Map<Path, Path> planned = new LinkedHashMap<>(); // destination → source, one copy per master and night
            for (NightFolder.LightGroup g : night.groups()) {
                GroupMatch gm = matcher.match(rig, g.light(), in.keys(), in.rigChanges(), night.mastersFor(g),
                        night.label());
                Map<MasterKind, Path> destinations = new EnumMap<>(MasterKind.class);
                for (MasterMatch mm : gm.all()) {
                    if (!mm.needsCopy()) {
                        continue;
                    }
                    MasterFrame m = mm.master();
                    Path dst = night.folder().resolve(MasterNames.fileName(m.kind(), m.metadata(), m.name(),
                            m.kind().keys(in.keys())));
                    destinations.put(mm.kind(), dst);
                    Path earlier = planned.putIfAbsent(dst, m.file());
                    if (earlier == null || !earlier.equals(m.file())) {
                        // a second, different master under the same name becomes the engine's conflict, not a silent skip
                        copies.add(new FileOperation.Copy(m.file(), dst, reason(mm, g)));
                    }
                }
                rows.add(new Row(rig, night, g, gm, destinations));
            }
        }
        return new RigPart(copies, rows);
    }

    private static String reason(MasterMatch mm, NightFolder.LightGroup g) {
        String what = "master " + mm.kind().label() + " for " + g.folder().getFileName();
        return mm.detail().isEmpty() ? what : what + " (" + mm.detail() + ")";
    }
}
