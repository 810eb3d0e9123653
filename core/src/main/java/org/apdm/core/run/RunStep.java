package org.apdm.core.run;

import java.io.IOException;
import java.util.List;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * One step of {@code apdm run}. Each implementation calls the same core operation its own command calls
 * (ingest, cull, calibration distribute, promote, db update, scheduler sync, reports, archive, clean); the run
 * never moves a file itself. Steps that need the database or the Target Scheduler are implemented in the
 * adapter layer, so core stays free of SQL.
 */
public interface RunStep {

    /** Once for all rigs (ingest reads one RAW folder) or once per rig. */
    enum Scope { ALL, RIG }

    /** Short stable name: the checkpoint key and what {@code --dry-run} prints ("ingest", "cull", ...). */
    String id();

    Scope scope();

    /**
     * True when the step moves files through the file engine. The engine allows one run at a time per state
     * folder, so such steps of parallel rigs take turns; scanning and planning still overlap.
     */
    boolean usesEngine();

    /**
     * False when the work queue of the run's one inventory scan shows that this rig has nothing for this step, so
     * the run does not scan and plan it at all (what keeps a run with nothing to do near the cost of
     * {@code apdm status}). Only asked while no earlier step of the rig changed anything in this run. Default: due.
     */
    default boolean due(String rig, org.apdm.core.inventory.WorkQueue queue) {
        return true;
    }

    /** What the step would do now; changes no file. {@code rig} is null for {@link Scope#ALL}. */
    Preview preview(String rig, ProgressListener listener, CancellationToken cancel) throws IOException;

    /** Does the step. {@code rig} is null for {@link Scope#ALL}. */
    Outcome execute(String rig, ProgressListener listener, CancellationToken cancel) throws IOException;

    /**
     * @param files files (or rows) the step would touch now
     * @param note  what else the step waits for or skips ("no database configured"), or ""
     */
    record Preview(int files, String note) {
    }

    /**
     * @param done       files (or rows) done
     * @param leftBehind files that stayed where they were, with a reason the step printed
     * @param cancelled  the user cancelled inside the step
     * @param gates      questions the step could not answer alone (a cull group above the auto-accept share)
     */
    record Outcome(int done, int leftBehind, boolean cancelled, List<Gate> gates) {
        public Outcome {
            gates = List.copyOf(gates);
        }

        public static Outcome of(int done, int leftBehind, boolean cancelled) {
            return new Outcome(done, leftBehind, cancelled, List.of());
        }
    }
}
