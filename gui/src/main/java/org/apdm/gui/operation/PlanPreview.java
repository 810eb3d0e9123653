package org.apdm.gui.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.summary.PlanSummary;

/**
 * A plan as the window shows it before the user approves it: counts, one row per step with its reason and
 * what the engine predicts (move, duplicate, conflict), destination folders with counts, and the files left
 * behind with their reasons. Built on a worker thread from the engine's {@code preview}; immutable.
 *
 * @param summaryLines the plan in the command line's words, for the log
 */
public record PlanPreview(String title, Counts counts, List<Row> rows, List<FolderRow> folders, List<LeftRow> leftBehind,
                          List<String> summaryLines) {

    public PlanPreview {
        rows = List.copyOf(rows);
        folders = List.copyOf(folders);
        leftBehind = List.copyOf(leftBehind);
        summaryLines = List.copyOf(summaryLines);
    }

    /**
     * @param changes     files that would change
     * @param duplicates  identical files already at their destination
     * @param conflicts   different files already at their destination (nothing is overwritten)
     */
    public record Counts(long moves, long copies, long deletes, long folders, long leftBehind, long duplicates,
                         long conflicts, long changes) {
        public long steps() {
            return moves + copies + deletes;
        }
    }

    /** One step; {@code outcome} is the engine's prediction ("move", "duplicate-kept", "conflict"). */
    public record Row(String action, String source, String destination, String reason, String outcome,
                      boolean problem) {
        public boolean matches(String needle) {
            return needle.isEmpty() || contains(action, needle) || contains(source, needle)
                    || contains(destination, needle) || contains(reason, needle) || contains(outcome, needle);
        }
    }

    /** A destination folder (or the folder of deletes) with how many files the plan sends there. */
    public record FolderRow(String action, String folder, int files) {
        public boolean matches(String needle) {
            return needle.isEmpty() || contains(folder, needle) || contains(action, needle);
        }
    }

    /** A file the plan does not touch, and why. */
    public record LeftRow(String file, String reason) {
        public boolean matches(String needle) {
            return needle.isEmpty() || contains(file, needle) || contains(reason, needle);
        }
    }

    static boolean contains(String haystack, String lowerNeedle) {
        return haystack != null && haystack.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
    }

    /** Builds the preview from the engine's predicted outcomes (one per step, in plan order). */
    public static PlanPreview of(String title, List<OperationOutcome> predicted, List<LeftBehind> left,
                                 PathDisplay display, List<String> summaryLines) {
        long moves = 0;
        long copies = 0;
        long deletes = 0;
        long folders = 0;
        long duplicates = 0;
        long conflicts = 0;
        List<Row> rows = new ArrayList<>(predicted.size());
        Map<String, int[]> byFolder = new TreeMap<>();
        for (OperationOutcome o : predicted) {
            FileOperation op = o.operation();
            if (op instanceof FileOperation.MakeDirectory) {
                folders++;
                continue;
            }
            if (op instanceof FileOperation.Move) {
                moves++;
            } else if (op instanceof FileOperation.Copy) {
                copies++;
            } else {
                deletes++;
            }
            Outcome x = o.outcome();
            if (x == Outcome.DUPLICATE_KEPT || x == Outcome.DUPLICATE_REMOVED) {
                duplicates++;
            } else if (x == Outcome.CONFLICT) {
                conflicts++;
            }
            boolean problem = x == Outcome.CONFLICT || x == Outcome.FAILED;
            String reason = o.detail() != null && !o.detail().isEmpty() && problem ? o.detail() : op.reason();
            rows.add(new Row(op.verb(), display.show(op.source()), display.show(op.destination()), reason,
                    PlanSummary.predictedLabel(x, op), problem));
            byFolder.computeIfAbsent(op.verb() + "\u0000" + display.show(PlanSummary.targetFolder(op)), k -> new int[1])[0]++;
        }
        List<FolderRow> folderRows = new ArrayList<>(byFolder.size());
        byFolder.forEach((k, n) -> {
            int cut = k.indexOf('\u0000');
            folderRows.add(new FolderRow(k.substring(0, cut), k.substring(cut + 1), n[0]));
        });
        List<LeftRow> leftRows = left.stream().map(l -> new LeftRow(display.show(l.file()), l.reason())).toList();
        Counts counts = new Counts(moves, copies, deletes, folders, left.size(), duplicates, conflicts,
                PlanSummary.changedFiles(predicted));
        return new PlanPreview(title, counts, rows, folderRows, leftRows, summaryLines);
    }
}
