package org.apdm.core.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.ingest.IngestOperation;
import org.apdm.core.metadata.FrameType;

/** The wording of an ingest's plan and result. */
public final class IngestSummary {

    private IngestSummary() {
    }

    /** Folders the paths of an ingest are shown relative to. */
    public static PathDisplay display(IngestOperation.Request request) {
        List<java.nio.file.Path> roots = new ArrayList<>(java.util.Arrays.asList(request.raw(), request.data(),
                request.calibration()));
        request.sources().forEach(s -> roots.add(s.path()));
        return new PathDisplay(roots);
    }

    /** Which capture program the frames were read as, when any is not N.I.N.A., and the sources not there now. */
    static List<String> sourceLines(IngestOperation.Prepared p) {
        List<String> out = new ArrayList<>();
        if (!p.programs().isEmpty() && !p.programs().keySet().equals(java.util.Set.of("N.I.N.A."))) {
            java.util.StringJoiner programs = new java.util.StringJoiner(", ", "  read as      ", "");
            p.programs().forEach((program, n) -> programs.add(program + " " + n));
            out.add(programs.toString());
        }
        if (p.ignored() > 0) {
            out.add(String.format("  not frames   %5d  (previews, logs and the programs' own stacks; left where they are)",
                    p.ignored()));
        }
        for (java.nio.file.Path missing : p.missing()) {
            out.add("  not found    " + missing + " (source folder skipped; connect it and run ingest again)");
        }
        return out;
    }

    /** The plan of a dry run: what was scanned, where files would go, what stays. */
    public static List<String> planLines(IngestOperation.Prepared p, List<OperationOutcome> predicted,
                                         PathDisplay display, boolean everyFile) {
        List<String> out = new ArrayList<>(PlanSummary.recoveryLines(p.recovery()));
        out.add(String.format("Ingest plan (dry run, nothing changed): %s", p.request().raw()));
        out.add(String.format("  scanned %d files in %.2f s; %d already in place", p.scanned(),
                p.scanTime().toMillis() / 1000.0, p.planned().alreadyInPlace()));
        out.addAll(sourceLines(p));
        out.addAll(PlanSummary.planLines(display, p.planned().plan(), predicted, everyFile));
        out.addAll(PlanSummary.leftBehindLines(display, p.planned().plan().leftBehind()));
        return out;
    }

    /** Files moved, in place, duplicates, conflicts, errors, left behind, as the command line prints them. */
    public static List<String> resultLines(IngestOperation.Result r, PathDisplay display, boolean verbose) {
        IngestOperation.Prepared p = r.prepared();
        ExecutionResult ex = r.execution();
        List<String> out = new ArrayList<>(PlanSummary.recoveryLines(ex.recovery()));
        out.addAll(PlanSummary.recoveryLines(p.recovery()));
        out.add(String.format("Ingest %s%s", p.request().raw(), ex.cancelled() ? " (cancelled)" : ""));
        out.add(String.format("  scanned      %5d files in %.2f s", p.scanned(), p.scanTime().toMillis() / 1000.0));
        out.addAll(sourceLines(p));
        Map<FrameType, Integer> byType = p.planned().byType();
        StringBuilder types = new StringBuilder();
        for (FrameType t : List.of(FrameType.BIAS, FrameType.DARK, FrameType.FLAT, FrameType.LIGHT)) {
            if (types.length() > 0) {
                types.append(", ");
            }
            types.append(t.folderName()).append(' ').append(byType.getOrDefault(t, 0));
        }
        out.add(String.format("  moved        %5d  (planned: %s) in %.2f s", moved(ex), types,
                r.runTime().toMillis() / 1000.0));
        out.add(String.format("  in place     %5d", p.planned().alreadyInPlace()));
        out.add(String.format("  duplicates   %5d", ex.count(Outcome.DUPLICATE_KEPT) + ex.count(Outcome.DUPLICATE_REMOVED)));
        out.add(String.format("  conflicts    %5d", ex.count(Outcome.CONFLICT)));
        out.add(String.format("  errors       %5d", ex.count(Outcome.FAILED)));
        if (ex.cancelled()) {
            out.add(String.format("  not run      %5d  (cancelled; run ingest again to continue)", ex.count(Outcome.NOT_RUN)));
        }
        out.addAll(PlanSummary.problemLines(display, ex));
        out.addAll(PlanSummary.leftBehindLines(display, p.planned().plan().leftBehind()));
        if (verbose) {
            for (OperationOutcome o : ex.outcomes()) {
                out.add(String.format("    %-14s %s", PlanSummary.label(o.outcome(), o.operation()),
                        display.show(o.operation().destination())));
            }
        }
        if (ex.removedDirectories() > 0) {
            out.add(String.format("  removed %d empty folders below %s", ex.removedDirectories(), p.request().raw()));
        }
        return out;
    }

    /** Files moved (not folders created). */
    public static long moved(ExecutionResult ex) {
        return ex.outcomes().stream().filter(o -> o.outcome() == Outcome.DONE
                && o.operation() instanceof FileOperation.Move).count();
    }
}
