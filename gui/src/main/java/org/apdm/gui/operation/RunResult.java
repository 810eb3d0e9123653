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
 * What a run did, as the window shows it afterwards: a sentence and tiles with the counts, the operation's own
 * tables (database rows written, plans changed), every file step with its outcome (problems first to the eye
 * through {@code problem}), and the files left behind with their reasons. Immutable.
 *
 * @param tone         good, warn or bad, for the sentence
 * @param summaryLines the result in the command line's words, for the log
 */
public record RunResult(String title, boolean cancelled, Counts counts, List<Row> rows, List<PlanPreview.LeftRow> leftBehind,
                        List<PlanPreview.Sheet> sheets, List<PlanPreview.Tile> tiles, String tone, String sentence,
                        List<String> summaryLines) {

    public RunResult {
        rows = List.copyOf(rows);
        leftBehind = List.copyOf(leftBehind);
        sheets = List.copyOf(sheets);
        tiles = List.copyOf(tiles);
        summaryLines = List.copyOf(summaryLines);
    }

    /** A result that changed no file (database rows, plans, report files written by their own writer). */
    public static RunResult ofSheets(String title, boolean cancelled, String tone, String sentence,
                                     List<PlanPreview.Tile> tiles, List<PlanPreview.Sheet> sheets, List<String> summaryLines) {
        return new RunResult(title, cancelled, new Counts(0, 0, 0, 0, 0, 0, 0), List.of(), List.of(), sheets, tiles, tone,
                sentence, summaryLines);
    }

    /** The same result with tables of its own shown first. */
    public RunResult withSheets(List<PlanPreview.Sheet> more) {
        List<PlanPreview.Sheet> all = new ArrayList<>(more);
        all.addAll(sheets);
        return new RunResult(title, cancelled, counts, rows, leftBehind, all, tiles, tone, sentence, summaryLines);
    }

    /** The same result with a sentence of the operation's own (what it means, not only the counts). */
    public RunResult withSentence(String newTone, String newSentence) {
        return new RunResult(title, cancelled, counts, rows, leftBehind, sheets, tiles, newTone, newSentence, summaryLines);
    }

    /** The sentence a file run gets: cancelled, done with files left, or all done. */
    static String[] sentence(boolean cancelled, Counts c) {
        if (cancelled) {
            return new String[] {"warn", String.format(java.util.Locale.ROOT, "Cancelled after %,d files. Nothing is half done: "
                    + "%,d files were not started and stay where they were. Plan again to continue.", c.done(), c.notRun())};
        }
        if (c.problems() > 0) {
            return new String[] {"warn", String.format(java.util.Locale.ROOT,
                    "Done: %,d files. %,d stay where they were; each is listed with the reason.", c.done(), c.problems())};
        }
        return new String[] {"good", String.format(java.util.Locale.ROOT, "Done: %,d files, nothing left behind.", c.done())};
    }

    static List<PlanPreview.Tile> fileTiles(Counts c) {
        List<PlanPreview.Tile> t = new ArrayList<>(List.of(
                PlanPreview.Tile.count(c.done(), "done", "good"),
                PlanPreview.Tile.count(c.duplicates(), "duplicates", "warn"),
                PlanPreview.Tile.count(c.conflicts(), "conflicts", "bad"),
                PlanPreview.Tile.count(c.failed(), "failed", "bad"),
                PlanPreview.Tile.count(c.leftBehind(), "left behind", "warn")));
        if (c.notRun() > 0) {
            t.add(PlanPreview.Tile.count(c.notRun(), "not started", "warn"));
        }
        return t;
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
        Counts counts = new Counts(done, already, duplicates, conflicts, failed, notRun, left.size());
        String[] sentence = sentence(cancelled, counts);
        return new RunResult(title, cancelled, counts, rows, leftRows, List.of(), fileTiles(counts), sentence[0], sentence[1],
                summaryLines);
    }
}
