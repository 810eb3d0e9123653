package org.apdm.core.blink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apdm.core.cull.RejectManifest;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * The decisions of the blink page: accept, reject and undo, one frame at a time, each a plan run by the journaled
 * {@link FileEngine}. A reject is recorded in the reject tree's manifest with the pass {@code blink}, so
 * {@code apdm cull restore --pass blink} finds it.
 */
public final class BlinkOperation {

    public enum Verdict { ACCEPTED, REJECTED }

    /**
     * A decision that was carried out.
     *
     * @param original where the frame was
     * @param now      where it is now (the same place when nothing had to move)
     */
    public record Decision(Path original, Path now, Verdict verdict) {
    }

    private final Path data;
    private final Path calibration;
    private final Path reject;
    private final FileEngine engine;
    private final Clock clock;

    /** @param calibration the root of the raw BIAS, DARK and FLAT folders, or null */
    public BlinkOperation(Path data, Path calibration, Path reject, FileEngine engine, Clock clock) {
        this.data = data.toAbsolutePath().normalize();
        this.calibration = calibration == null ? null : calibration.toAbsolutePath().normalize();
        this.reject = reject.toAbsolutePath().normalize();
        this.engine = engine;
        this.clock = clock;
    }

    public BlinkOperation(Path data, Path reject, FileEngine engine, Clock clock) {
        this(data, null, reject, engine, clock);
    }

    public Path data() {
        return data;
    }

    /** The frames of a folder to blink, in name (capture) order; frames already below {@code accept/} are left out. */
    public static List<Path> frames(Path folder, CancellationToken cancel) throws IOException {
        List<Path> out = new ArrayList<>();
        boolean insideAccept = folder.getFileName() != null
                && folder.getFileName().toString().equalsIgnoreCase(ArchiveLayout.ACCEPT);
        for (Path f : FileWalker.files(folder, d -> insideAccept
                || !d.getFileName().toString().equalsIgnoreCase(ArchiveLayout.ACCEPT), cancel)) {
            ImageFormat fmt = ImageFormat.of(f);
            if (fmt == ImageFormat.FITS || fmt == ImageFormat.XISF) {
                out.add(f);
            }
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return out;
    }

    /** Why the frame cannot be accepted or rejected here, or null. */
    public String problem(Path frame) {
        return BlinkPlanner.problem(data, calibration, frame);
    }

    public Decision accept(Path frame) throws IOException {
        require(frame);
        if (BlinkPlanner.isRawCalibration(calibration, frame)) {
            return new Decision(frame, frame, Verdict.ACCEPTED); // kept where integration reads it
        }
        Plan plan = BlinkPlanner.accept(data, frame);
        Path to = BlinkPlanner.acceptedPath(data, frame);
        if (!plan.isEmpty()) {
            run(plan);
        }
        return new Decision(frame, to, Verdict.ACCEPTED);
    }

    public Decision reject(Path frame, Map<String, Double> metrics) throws IOException {
        require(frame);
        boolean raw = BlinkPlanner.isRawCalibration(calibration, frame);
        Path to = raw ? BlinkPlanner.rejectedCalibrationPath(calibration, reject, frame)
                : BlinkPlanner.rejectedPath(data, reject, frame);
        Path rel = reject.relativize(to);
        // the manifest first, as the cull does: a frame in the tree always has its reason
        RejectManifest.append(to.getParent(), List.of(new RejectManifest.Entry("rejected", slash(rel), "blink",
                List.of("rejected in blink"), metrics, Instant.now(clock).toString())));
        run(raw ? BlinkPlanner.rejectCalibration(calibration, reject, frame) : BlinkPlanner.reject(data, reject, frame));
        return new Decision(frame, to, Verdict.REJECTED);
    }

    /** Puts the frame back where it was before the decision. */
    public void undo(Decision d) throws IOException {
        if (d.now().equals(d.original())) {
            return;
        }
        run(BlinkPlanner.undo(d.now(), d.original(),
                BlinkPlanner.isRawCalibration(calibration, d.original()) ? calibration : data, reject));
        if (d.verdict() == Verdict.REJECTED) {
            RejectManifest.append(d.now().getParent(), List.of(new RejectManifest.Entry("restored",
                    slash(reject.relativize(d.now())), null, null, null, Instant.now(clock).toString())));
        }
    }

    private void require(Path frame) throws IOException {
        String p = problem(frame);
        if (p != null) {
            throw new IOException(p);
        }
    }

    private void run(Plan plan) throws IOException {
        ExecutionResult r = engine.execute(plan, ProgressListener.NONE, CancellationToken.none());
        for (OperationOutcome o : r.outcomes()) {
            if (o.outcome() != Outcome.DONE && o.outcome() != Outcome.ALREADY_DONE) {
                throw new IOException(o.operation().source().getFileName() + ": " + o.outcome().name().toLowerCase()
                        + (o.detail() == null ? "" : " (" + o.detail() + ")") + "; the frame stays where it was");
            }
        }
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
