package org.apdm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.fileops.RecoveryReport;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.summary.PlanSummary;

/**
 * Prints plans and their outcomes the same way for every command that changes files, and builds
 * the matching JSON. Paths are shown relative to the folders the user named. The wording lives in
 * {@link PlanSummary}, shared with the window's log.
 */
final class PlanReport {

    /** One file in the JSON result. */
    record FileEntry(String action, String source, String destination, String outcome, String reason) {
    }

    /** Recovery in the JSON result. */
    record RecoveryEntry(int interruptedRuns, int completed, int rolledBack, List<String> problems) {
        static RecoveryEntry of(RecoveryReport r) {
            return new RecoveryEntry(r.batches(), r.completed(), r.rolledBack(), r.problems());
        }
    }

    private final PathDisplay display;

    PlanReport(List<Path> bases) {
        this.display = new PathDisplay(bases);
    }

    String show(Path p) {
        return display.show(p);
    }

    static String label(Outcome o, FileOperation op) {
        return PlanSummary.label(o, op);
    }

    /** The files of the JSON result; a dry run's outcomes are what would happen ("would-move", not "moved"). */
    List<FileEntry> entries(List<OperationOutcome> outcomes, Plan plan, boolean dryRun) {
        List<FileEntry> out = new ArrayList<>(outcomes.size() + plan.leftBehind().size());
        for (OperationOutcome o : outcomes) {
            FileOperation op = o.operation();
            out.add(new FileEntry(op.verb(), op.source().toString(),
                    op.destination() == null ? null : op.destination().toString(),
                    PlanSummary.label(o.outcome(), op, dryRun),
                    o.detail() == null || o.detail().isEmpty() ? op.reason() : o.detail()));
        }
        for (LeftBehind l : plan.leftBehind()) {
            out.add(new FileEntry("none", l.file().toString(), null, "left-behind", l.reason()));
        }
        return out;
    }

    /** Destination folders with how many files go to each: the readable form of a big plan. */
    void printPlan(PrintWriter out, Plan plan, List<OperationOutcome> predicted, boolean everyFile) {
        PlanSummary.planLines(display, plan, predicted, everyFile).forEach(out::println);
    }

    static String describeOutcomes(Map<Outcome, Integer> counts) {
        return PlanSummary.describeOutcomes(counts);
    }

    void printLeftBehind(PrintWriter out, List<LeftBehind> left) {
        PlanSummary.leftBehindLines(display, left).forEach(out::println);
    }

    void printProblems(PrintWriter out, ExecutionResult r) {
        PlanSummary.problemLines(display, r).forEach(out::println);
    }

    static void printRecovery(PrintWriter out, RecoveryReport r) {
        PlanSummary.recoveryLines(r).forEach(out::println);
    }
}
