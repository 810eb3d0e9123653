package org.apdm.core.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.fileops.RecoveryReport;

/** Lines describing any plan and what running it did, as the command line prints them. */
public final class PlanSummary {

    private PlanSummary() {
    }

    /** What happened to one step, in one word ("moved", "duplicate-kept"). */
    public static String label(Outcome o, FileOperation op) {
        return switch (o) {
            case DONE -> switch (op.verb()) {
                case "move" -> "moved";
                case "copy" -> "copied";
                case "delete" -> "deleted";
                default -> "created";
            };
            case ALREADY_DONE -> "already-done";
            case DUPLICATE_KEPT -> "duplicate-kept";
            case DUPLICATE_REMOVED -> "duplicate-removed";
            case CONFLICT -> "conflict";
            case FAILED -> "failed";
            case NOT_RUN -> "not-run";
        };
    }

    /** As {@link #label(Outcome, FileOperation)}, but a dry run's work is "would-move", never "moved". */
    public static String label(Outcome o, FileOperation op, boolean dryRun) {
        return dryRun && o == Outcome.DONE ? "would-" + op.verb() : label(o, op);
    }

    /** What a step would do, in one word ("move", "conflict"), for previews. */
    public static String predictedLabel(Outcome o, FileOperation op) {
        return label(o, op).replace("moved", "move").replace("copied", "copy").replace("deleted", "delete");
    }

    /**
     * Destination folders with how many files go to each (or every file), then the count of files the
     * plan would change.
     */
    public static List<String> planLines(PathDisplay display, Plan plan, List<OperationOutcome> predicted,
                                         boolean everyFile) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> byFolder = new TreeMap<>();
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        for (OperationOutcome o : predicted) {
            FileOperation op = o.operation();
            byOutcome.merge(o.outcome(), 1, Integer::sum);
            if (op instanceof FileOperation.MakeDirectory) {
                continue;
            }
            byFolder.merge(op.verb() + " → " + display.show(targetFolder(op)), 1, Integer::sum);
            if (everyFile || o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED) {
                out.add(String.format("  %-8s %s%s", predictedLabel(o.outcome(), op), display.show(op.source()),
                        op.destination() == null ? "" : "  →  " + display.show(op.destination())));
            }
        }
        if (!everyFile) {
            byFolder.forEach((folder, n) -> out.add(String.format("  %5d  %s", n, folder)));
        }
        out.add("");
        out.add(String.format("  would change %d files%s", changedFiles(predicted),
                byOutcome.isEmpty() ? "" : "  (" + describeOutcomes(byOutcome) + ")"));
        return out;
    }

    /** The folder a step writes to, or acts in for a delete. */
    public static Path targetFolder(FileOperation op) {
        return op.destination() != null ? op.destination().getParent() : op.source().getParent();
    }

    /** Files (not folders) a preview says would change. */
    public static long changedFiles(List<OperationOutcome> predicted) {
        return predicted.stream().filter(o -> !(o.operation() instanceof FileOperation.MakeDirectory)
                && o.outcome() == Outcome.DONE).count();
    }

    public static String describeOutcomes(Map<Outcome, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((o, n) -> parts.add(o.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + n));
        return String.join(", ", parts);
    }

    public static List<String> leftBehindLines(PathDisplay display, List<LeftBehind> left) {
        List<String> out = new ArrayList<>();
        if (left.isEmpty()) {
            return out;
        }
        out.add(String.format("  left behind  %5d  (the files stay where they are)", left.size()));
        for (LeftBehind l : left) {
            out.add(String.format("    %s: %s", display.show(l.file()), l.reason()));
        }
        return out;
    }

    /** Conflicts, failures and kept duplicates, each with its detail. */
    public static List<String> problemLines(PathDisplay display, ExecutionResult r) {
        List<String> out = new ArrayList<>();
        for (OperationOutcome o : r.outcomes()) {
            Outcome x = o.outcome();
            if (x == Outcome.CONFLICT || x == Outcome.FAILED || x == Outcome.DUPLICATE_KEPT) {
                out.add(String.format("    %s %s: %s", label(x, o.operation()), display.show(o.operation().source()),
                        o.detail()));
            }
        }
        return out;
    }

    public static List<String> recoveryLines(RecoveryReport r) {
        List<String> out = new ArrayList<>();
        if (r == null || r.isEmpty()) {
            return out;
        }
        out.add(String.format("Recovered %d interrupted run(s): %d steps finished, %d rolled back.", r.batches(),
                r.completed(), r.rolledBack()));
        for (String p : r.problems()) {
            out.add("  needs attention: " + p);
        }
        return out;
    }

    /** The one-line result of a restore or purge ({@code cull restore: 12 done, 0 conflicts, 0 failed}). */
    public static String treeResultLine(String title, ExecutionResult r) {
        return String.format("%s: %d done, %d conflicts, %d failed", title, r.count(Outcome.DONE),
                r.count(Outcome.CONFLICT) + r.count(Outcome.DUPLICATE_KEPT), r.count(Outcome.FAILED));
    }
}
