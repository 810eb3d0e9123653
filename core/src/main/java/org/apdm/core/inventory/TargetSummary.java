package org.apdm.core.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Frames, hours and nights of one target in one stage of one rig.
 *
 * @param accepted frames below {@code accept/}
 * @param nights   distinct nights with frames
 */
public record TargetSummary(String rig, String stage, String target, int frames, int accepted, double hours,
                            int nights) {

    /** Per rig, stage and target, in that order. */
    public static List<TargetSummary> of(List<InventoryFolder> folders) {
        Map<List<String>, int[]> counts = new LinkedHashMap<>();
        Map<List<String>, double[]> hours = new LinkedHashMap<>();
        Map<List<String>, Set<String>> nights = new LinkedHashMap<>();
        for (InventoryFolder f : folders) {
            List<String> key = List.of(f.rig(), f.stage(), f.target());
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0] += f.frames();
            if (f.accepted()) {
                c[1] += f.frames();
            }
            hours.computeIfAbsent(key, k -> new double[1])[0] += f.hours();
            if (f.night() != null) {
                nights.computeIfAbsent(key, k -> new HashSet<>()).add(f.night());
            }
        }
        List<TargetSummary> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new TargetSummary(k.get(0), k.get(1), k.get(2), c[0], c[1],
                hours.get(k)[0], nights.getOrDefault(k, Set.of()).size())));
        out.sort(Comparator.comparing(TargetSummary::rig).thenComparing(TargetSummary::stage)
                .thenComparing(TargetSummary::target));
        return out;
    }
}
