package org.apdm.gui.operation;

import java.util.ArrayList;
import java.util.List;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.summary.PlanSummary;

/**
 * What a run did, as the window shows it afterwards: counts, every step with its outcome (problems first
 * to the eye through {@code problem}), and the files left behind with their reasons. Immutable.
 *
 * @param summaryLines the result in the command line's words, for the log
 */
public record RunResult(String title, boolean cancelled, Counts counts, List<Row> rows, List<PlanPreview.LeftRow> leftBehind,
                        List<String> summaryLines) {

    public RunResult {
        rows = List.copyOf(rows);
        leftBehind = List.copyOf(leftBehind);
        summaryLines = List.copyOf(summaryLines);
    }

    /** Counts of files (folders created are not counted). */
    public record Counts(long done, long alreadyDone, long duplicates, long conflicts, long failed, long notRun,
                         long leftBehind) {
        /** Files that are not where the plan wanted them. */
        public long problems() {
            return conflicts + failed + leftBehind;
        }
    }

    /** One step and what happened to it. */
    public record Row(String outcome, String action, String source, String destination, String detail, boolean problem) {
        public boolean matches(String needle) {
            return needle.isEmpty() || PlanPreview.contains(outcome, needle) || PlanPreview.contains(source, needle)
                    || PlanPreview.contains(destination, needle) || PlanPreview.contains(detail, needle);
        }
    }

    public static RunResult of(String title, boolean cancelled, List<OperationOutcome> outcomes, List<LeftBehind> left,
                               PathDisplay display, List<String> summaryLines) {
        long done = 0;
        long already = 0;
        long duplicates = 0;
        long conflicts = 0;
        long failed = 0;
        long notRun = 0;
        List<Row> rows = new ArrayList<>(outcomes.size());
        for (OperationOutcome o : outcomes) {
            FileOperation op = o.operation();
            if (op instanceof FileOperation.MakeDirectory) {
                continue;
            }
            switch (o.outcome()) {
                case DONE -> done++;
                case ALREADY_DONE -> already++;
                case DUPLICATE_KEPT, DUPLICATE_REMOVED -> duplicates++;
                case CONFLICT -> conflicts++;
                case FAILED -> failed++;
                case NOT_RUN -> notRun++;
            }
            boolean problem = o.outcome() == Outcome.CONFLICT || o.outcome() == Outcome.FAILED;
            String detail = o.detail() == null || o.detail().isEmpty() ? op.reason() : o.detail();
            rows.add(new Row(PlanSummary.label(o.outcome(), op), op.verb(), display.show(op.source()),
                    display.show(op.destination()), detail, problem));
        }
        List<PlanPreview.LeftRow> leftRows = left.stream()
                .map(l -> new PlanPreview.LeftRow(display.show(l.file()), l.reason())).toList();
        return new RunResult(title, cancelled,
                new Counts(done, already, duplicates, conflicts, failed, notRun, left.size()), rows, leftRows, summaryLines);
    }
}
