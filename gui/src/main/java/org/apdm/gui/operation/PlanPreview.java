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
 * A plan as the window shows it before the user approves it: counts as tiles, tables of what the operation found
 * (its own "sheets": nights and masters, database rows, Target Scheduler plans), one row per file step with its
 * reason and what the engine predicts (move, duplicate, conflict), destination folders with counts, and the files
 * left behind with their reasons. Built on a worker thread from the core operation's plan; immutable.
 *
 * @param notes        what the user must know before approving (nights that stay, where a backup goes)
 * @param summaryLines the plan in the command line's words, for the log
 * @param actions      what approving would do (files, rows, plans); approving nothing is not offered
 */
public record PlanPreview(String title, Counts counts, List<Tile> tiles, List<Sheet> sheets, List<Row> rows,
                          List<FolderRow> folders, List<LeftRow> leftBehind, List<String> notes,
                          List<String> summaryLines, long actions) {

    public PlanPreview {
        tiles = List.copyOf(tiles);
        sheets = List.copyOf(sheets);
        rows = List.copyOf(rows);
        folders = List.copyOf(folders);
        leftBehind = List.copyOf(leftBehind);
        notes = List.copyOf(notes);
        summaryLines = List.copyOf(summaryLines);
    }

    /** A number with its label; {@code tone} is good, warn, bad, quiet or "". */
    public record Tile(String value, String label, String tone) {
        public static Tile count(long n, String label, String toneIfAny) {
            return new Tile(String.format(java.util.Locale.ROOT, "%,d", n), label, n > 0 ? toneIfAny : "quiet");
        }
    }

    /** A table of what the operation found, shown as a tab of its own before the files. */
    public record Sheet(String id, String title, List<String> columns, List<SheetRow> rows) {
        public Sheet {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** One row of a sheet; {@code problem} marks it (missing, conflict, not ready). */
    public record SheetRow(List<String> cells, boolean problem) {
        public SheetRow {
            cells = cells.stream().map(c -> c == null ? "" : c).toList();
        }

        public static SheetRow of(boolean problem, String... cells) {
            return new SheetRow(java.util.Arrays.asList(cells), problem);
        }

        public boolean matches(String needle) {
            return needle.isEmpty() || cells.stream().anyMatch(c -> contains(c, needle));
        }
    }

    /** A plan with no file steps: what the operation will write elsewhere (database rows, plans), as sheets. */
    public static PlanPreview ofSheets(String title, List<Tile> tiles, List<Sheet> sheets, List<String> notes,
                                       List<String> summaryLines, long actions) {
        return new PlanPreview(title, new Counts(0, 0, 0, 0, 0, 0, 0, 0), tiles, sheets, List.of(), List.of(), List.of(),
                notes, summaryLines, actions);
    }

    /** The same plan with tables of its own shown first. */
    public PlanPreview withSheets(List<Sheet> more) {
        List<Sheet> all = new ArrayList<>(more);
        all.addAll(sheets);
        return new PlanPreview(title, counts, tiles, all, rows, folders, leftBehind, notes, summaryLines, actions);
    }

    public PlanPreview withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new PlanPreview(title, counts, tiles, sheets, rows, folders, leftBehind, all, summaryLines, actions);
    }

    /** The same plan with different tiles (an operation that counts other things than moves). */
    public PlanPreview withTiles(List<Tile> replaced) {
        return new PlanPreview(title, counts, replaced, sheets, rows, folders, leftBehind, notes, summaryLines, actions);
    }

    /** The standard tiles of a file plan. */
    public static List<Tile> fileTiles(Counts c) {
        List<Tile> t = new ArrayList<>();
        if (c.moves() > 0 || (c.copies() == 0 && c.deletes() == 0)) {
            t.add(Tile.count(c.moves(), "to move", "good"));
        }
        if (c.copies() > 0) {
            t.add(Tile.count(c.copies(), "to copy", "good"));
        }
        if (c.deletes() > 0) {
            t.add(Tile.count(c.deletes(), "to delete", "warn"));
        }
        t.add(Tile.count(c.folders(), "folders to create", "quiet"));
        t.add(Tile.count(c.duplicates(), "already there (duplicates)", "warn"));
        t.add(Tile.count(c.conflicts(), "conflicts (nothing overwritten)", "bad"));
        t.add(Tile.count(c.leftBehind(), "left behind", "warn"));
        return t;
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
        return new PlanPreview(title, counts, fileTiles(counts), List.of(), rows, folderRows, leftRows, List.of(),
                summaryLines, counts.steps());
    }
}
