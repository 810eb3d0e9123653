package org.apdm.cli;

import java.io.PrintWriter;
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

/**
 * Prints plans and their outcomes the same way for every command that changes files, and builds
 * the matching JSON. Paths are shown relative to the folders the user named.
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

    private final List<Path> bases;

    PlanReport(List<Path> bases) {
        this.bases = bases.stream().filter(b -> b != null).map(b -> b.toAbsolutePath().normalize()).toList();
    }

    String show(Path p) {
        if (p == null) {
            return "";
        }
        Path abs = p.toAbsolutePath().normalize();
        for (Path b : bases) {
            if (abs.startsWith(b) && !abs.equals(b)) {
                return b.getFileName() + "/" + b.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }

    static String label(Outcome o, FileOperation op) {
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

    List<FileEntry> entries(List<OperationOutcome> outcomes, Plan plan) {
        List<FileEntry> out = new ArrayList<>(outcomes.size() + plan.leftBehind().size());
        for (OperationOutcome o : outcomes) {
            FileOperation op = o.operation();
            out.add(new FileEntry(op.verb(), op.source().toString(),
                    op.destination() == null ? null : op.destination().toString(), label(o.outcome(), op),
                    o.detail() == null || o.detail().isEmpty() ? op.reason() : o.detail()));
        }
        for (LeftBehind l : plan.leftBehind()) {
            out.add(new FileEntry("none", l.file().toString(), null, "left-behind", l.reason()));
        }
        return out;
    }

    /** Destination folders with how many files go to each: the readable form of a big plan. */
    void printPlan(PrintWriter out, Plan plan, List<OperationOutcome> predicted, boolean everyFile) {
        Map<String, Integer> byFolder = new TreeMap<>();
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        for (OperationOutcome o : predicted) {
            FileOperation op = o.operation();
            byOutcome.merge(o.outcome(), 1, Integer::sum);
            if (op instanceof FileOperation.MakeDirectory) {
                continue;
            }
            Path target = op.destination() != null ? op.destination().getParent() : op.source().getParent();
            byFolder.merge(op.verb() + " → " + show(target), 1, Integer::sum);
            if (everyFile || o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED) {
                out.printf("  %-8s %s%s%n", label(o.outcome(), op).replace("moved", "move").replace("copied", "copy")
                                .replace("deleted", "delete"), show(op.source()),
                        op.destination() == null ? "" : "  →  " + show(op.destination()));
            }
        }
        if (!everyFile) {
            byFolder.forEach((folder, n) -> out.printf("  %5d  %s%n", n, folder));
        }
        out.println();
        out.printf("  would change %d files%s%n", predicted.stream()
                        .filter(o -> !(o.operation() instanceof FileOperation.MakeDirectory)
                                && o.outcome() == Outcome.DONE).count(),
                byOutcome.isEmpty() ? "" : "  (" + describeOutcomes(byOutcome) + ")");
    }

    static String describeOutcomes(Map<Outcome, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((o, n) -> parts.add(o.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + n));
        return String.join(", ", parts);
    }

    void printLeftBehind(PrintWriter out, List<LeftBehind> left) {
        if (left.isEmpty()) {
            return;
        }
        out.printf("  left behind  %5d  (the files stay where they are)%n", left.size());
        for (LeftBehind l : left) {
            out.printf("    %s: %s%n", show(l.file()), l.reason());
        }
    }

    void printProblems(PrintWriter out, ExecutionResult r) {
        for (OperationOutcome o : r.outcomes()) {
            Outcome x = o.outcome();
            if (x == Outcome.CONFLICT || x == Outcome.FAILED || x == Outcome.DUPLICATE_KEPT) {
                out.printf("    %s %s: %s%n", label(x, o.operation()), show(o.operation().source()), o.detail());
            }
        }
    }

    static void printRecovery(PrintWriter out, RecoveryReport r) {
        if (r == null || r.isEmpty()) {
            return;
        }
        out.printf("Recovered %d interrupted run(s): %d steps finished, %d rolled back.%n", r.batches(), r.completed(),
                r.rolledBack());
        for (String p : r.problems()) {
            out.println("  needs attention: " + p);
        }
    }
}
