package org.apdm.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apdm.core.inventory.WorkQueue;

/**
 * Puts the plan of {@code apdm run} together. Pure: it gets the steps' previews, the checkpoint's finished
 * steps and the work queue of {@code apdm status}, and reads no file.
 */
public final class RunPlanner {

    /** The documented order: ingest, cull, (blink), distribute, promote, db update, scheduler sync, reports, masters. */
    public static final List<String> ORDER = List.of("ingest", "cull", "distribute", "promote", "db-update",
            "scheduler-sync", "reports", "integrate", "archive", "clean");

    private RunPlanner() {
    }

    /** The checkpoint key of a step: "ingest" for a shared step, "rig/step" for a rig's. */
    public static String key(String rig, String step) {
        return rig == null ? step : rig + "/" + step;
    }

    /**
     * @param steps    the steps, in {@link #ORDER}
     * @param rigs     rig folders to run
     * @param previews per {@link #key}, what the step would do now (missing: not previewed)
     * @param finished keys the checkpoint of an interrupted run lists as finished
     * @param queue    the work queue (blink and masters gates), may be null
     */
    public static RunPlan plan(List<RunStep> steps, List<String> rigs, Map<String, RunStep.Preview> previews,
                               java.util.Set<String> finished, WorkQueue queue) {
        List<RunPlan.PlannedStep> shared = new ArrayList<>();
        Map<String, List<RunPlan.PlannedStep>> byRig = new LinkedHashMap<>();
        Map<String, List<Gate>> gates = gates(queue, rigs);
        for (RunStep s : steps) {
            if (s.scope() == RunStep.Scope.ALL) {
                shared.add(planned(s, null, previews, finished, List.of()));
            }
        }
        for (String rig : rigs) {
            List<RunPlan.PlannedStep> list = new ArrayList<>();
            for (RunStep s : steps) {
                if (s.scope() == RunStep.Scope.RIG) {
                    list.add(planned(s, rig, previews, finished, gates.getOrDefault(rig, List.of())));
                }
            }
            byRig.put(rig, list);
        }
        return new RunPlan(shared, byRig, gates, !finished.isEmpty());
    }

    private static RunPlan.PlannedStep planned(RunStep s, String rig, Map<String, RunStep.Preview> previews,
                                               java.util.Set<String> finished, List<Gate> rigGates) {
        String key = key(rig, s.id());
        RunStep.Preview p = previews.get(key);
        String waits = p == null ? "" : p.note();
        // steps after the blink only see accepted frames: say which nights they cannot reach yet
        if (waits.isEmpty() && ORDER.indexOf(s.id()) > ORDER.indexOf("cull")) {
            long blink = rigGates.stream().filter(g -> g.kind().equals("blink")).count();
            long masters = rigGates.stream().filter(g -> g.kind().equals("masters")).count();
            if (s.id().equals("distribute") || s.id().equals("promote")) {
                List<String> w = new ArrayList<>();
                if (blink > 0) {
                    w.add(blink + " night(s) wait for blink");
                }
                if (masters > 0 && s.id().equals("promote")) {
                    w.add(masters + " night(s) wait for masters");
                }
                waits = String.join("; ", w);
            }
        }
        return new RunPlan.PlannedStep(s.id(), p == null ? -1 : p.files(), finished.contains(key), waits);
    }

    /** The manual gates of the work queue, per rig, with what resolves each one. */
    public static Map<String, List<Gate>> gates(WorkQueue queue, List<String> rigs) {
        Map<String, List<Gate>> out = new TreeMap<>();
        if (queue == null) {
            return out;
        }
        for (WorkQueue.Night n : queue.waitingForBlink()) {
            if (rigs.isEmpty() || rigs.contains(n.rig())) {
                out.computeIfAbsent(n.rig(), k -> new ArrayList<>()).add(new Gate("blink", n.rig(), n.target(),
                        n.night(), n.frames(), "",
                        "blink the frames and move the keepers into accept/ (window: Cull page; then `apdm run` again)"));
            }
        }
        for (WorkQueue.Night n : queue.missingCalibration()) {
            if (rigs.isEmpty() || rigs.contains(n.rig())) {
                out.computeIfAbsent(n.rig(), k -> new ArrayList<>()).add(new Gate("masters", n.rig(), n.target(),
                        n.night(), n.frames(), n.detail(),
                        "make the masters (WBPP or `apdm calibration integrate`), then `apdm calibration archive` "
                                + "or the Calibration page; then `apdm run` again"));
            }
        }
        return out;
    }
}
