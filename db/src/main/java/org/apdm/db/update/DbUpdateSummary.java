package org.apdm.db.update;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.db.AcceptedRow;

/** The wording of {@code apdm db update}: what the terminal prints and the window's log shows. */
public final class DbUpdateSummary {

    /** One change in words: insert, update, move or delete, the folder, and what changes. */
    public record Change(String kind, String folder, String details) {
    }

    private DbUpdateSummary() {
    }

    /** Create, update, delete: the modes a run has. */
    public static List<String> modes(DbUpdateOperation.Request q) {
        List<String> modes = new ArrayList<>();
        if (q.create()) {
            modes.add("create");
        }
        if (q.update()) {
            modes.add("update");
        }
        if (q.delete()) {
            modes.add("delete");
        }
        return modes;
    }

    public static Change change(AcceptedDataPlanner.Change ch) {
        if (ch instanceof AcceptedDataPlanner.Change.Insert i) {
            AcceptedRow row = i.row();
            return new Change("insert", row.rawDirectory(), row.count() + " × " + AcceptedRow.fmt(row.shutterSeconds())
                    + " s " + (row.filter() == null ? "?" : row.filter()));
        }
        if (ch instanceof AcceptedDataPlanner.Change.Update u) {
            return new Change("update", u.row().rawDirectory(), u.row().changesFrom(u.old()));
        }
        if (ch instanceof AcceptedDataPlanner.Change.Move mv) {
            return new Change("move", mv.row().rawDirectory(), "from " + mv.old().rawDirectory());
        }
        AcceptedDataPlanner.Change.Delete d = (AcceptedDataPlanner.Change.Delete) ch;
        return new Change("delete", d.old().rawDirectory(), "folder is gone");
    }

    /**
     * @param verbose every change, else the first 20
     */
    public static List<String> lines(DbUpdateOperation.Result r, Path database, boolean verbose) {
        AcceptedDataPlanner.Plan p = r.plan();
        DbUpdateOperation.Request q = r.request();
        List<String> out = new ArrayList<>();
        out.add(String.format("Database update%s: %s -> %s (%s)", q.dryRun() ? " (dry run, nothing written)" : "",
                r.scan().inventory().dataRoot(), database, String.join(", ", modes(q))));
        out.add(String.format(Locale.ROOT, "  scanned    %,7d folders, %,d frames in %.2f s",
                r.scan().inventory().folders().size(), r.scan().inventory().frames(), r.scanTime().toMillis() / 1000.0));
        out.add(String.format("  inserted   %7d", p.count(AcceptedDataPlanner.Change.Insert.class)));
        out.add(String.format("  updated    %7d", p.count(AcceptedDataPlanner.Change.Update.class)));
        out.add(String.format("  moved      %7d  (target moved to another stage: the row follows its folder)",
                p.count(AcceptedDataPlanner.Change.Move.class)));
        out.add(String.format("  deleted    %7d", p.count(AcceptedDataPlanner.Change.Delete.class)));
        out.add(String.format("  unchanged  %7d", p.unchanged()));
        int shown = 0;
        for (AcceptedDataPlanner.Change ch : p.changes()) {
            if (!verbose && shown++ == 20) {
                out.add(String.format("    … %d more (--verbose lists all)", p.changes().size() - 20));
                break;
            }
            Change c = change(ch);
            out.add(String.format("    %-8s %s%s", c.kind(), c.folder(), c.details().isEmpty() ? "" : "  (" + c.details() + ")"));
        }
        for (String w : r.warnings()) {
            out.add("  warning: " + w);
        }
        if (!r.problems().isEmpty()) {
            out.add(String.format("  not read (%d):", r.problems().size()));
            for (LeftBehind x : r.problems()) {
                out.add(String.format("    %s: %s", x.file(), x.reason()));
            }
        }
        return out;
    }
}
