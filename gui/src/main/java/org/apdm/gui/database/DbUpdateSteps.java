package org.apdm.gui.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AcceptedRow;
import org.apdm.db.AstroDatabase;
import org.apdm.db.update.AcceptedDataPlanner;
import org.apdm.db.update.DbUpdateOperation;
import org.apdm.db.update.DbUpdateSummary;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Folders;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/**
 * {@code apdm db update} in the window: {@link DbUpdateOperation#plan} scans 20_Data and later stages and plans the
 * changes to {@code accepted_data}; approving writes exactly that plan ({@link DbUpdateOperation#write}) in one
 * transaction. The database is open only while planning and while writing, not while the plan waits for the user.
 */
public final class DbUpdateSteps implements OperationSteps<DbUpdateSteps.Prepared> {

    /** The planned changes and the database they are for. */
    public record Prepared(DbUpdateOperation.Result planned, Path database) {
    }

    /** The page's choices: rig folders (empty for all) and whether rows of vanished folders are deleted. */
    public record Choice(List<String> rigs, boolean delete) {
        public Choice {
            rigs = List.copyOf(rigs);
        }
    }

    private final AppContext context;
    private volatile Choice choice = new Choice(List.of(), false);

    public DbUpdateSteps(AppContext context) {
        this.context = context;
    }

    /** Set on the FX thread before planning. */
    public void choose(Choice c) {
        choice = c;
    }

    /** {@code apdm db update} without a mode is {@code --create --update}; the page adds {@code --delete} when ticked. */
    public static DbUpdateOperation.Request request(ApdmConfig config, Choice c) {
        return new DbUpdateOperation.Request(Folders.existing(config.roots().data(), "roots.data"), Set.copyOf(c.rigs()),
                true, true, c.delete(), true);
    }

    @Override
    public String title() {
        return "Database update";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        DbUpdateOperation.Request request = request(config, choice);
        Path file = DatabaseAccess.file(config);
        DbUpdateOperation.Result planned;
        try (AstroDatabase db = DatabaseAccess.open(context, config, true, listener)) {
            planned = new DbUpdateOperation(config, db).plan(request, listener, cancel);
        }
        AcceptedDataPlanner.Plan p = planned.plan();
        List<String> notes = new ArrayList<>(planned.warnings());
        if (!planned.problems().isEmpty()) {
            notes.add(planned.problems().size() + " folder(s) or file(s) could not be read; the Not read tab lists them. "
                    + "Rows below a folder that could not be read are never deleted.");
        }
        if (p.changes().isEmpty()) {
            notes.add("The database already matches the archive; nothing to write.");
        }
        List<PlanPreview.Sheet> sheets = new ArrayList<>();
        sheets.add(changes(p.changes()));
        if (!planned.problems().isEmpty()) {
            sheets.add(notRead(planned.problems()));
        }
        PlanPreview preview = PlanPreview.ofSheets(title(), tiles(planned), sheets, notes,
                DbUpdateSummary.lines(planned, file, true), p.changes().size());
        return new Planned<>(new Prepared(planned, file), preview);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        cancel.throwIfCancelled();
        ApdmConfig config = context.config();
        DbUpdateOperation.Result written;
        try (AstroDatabase db = DatabaseAccess.open(context, config, true, listener)) {
            written = new DbUpdateOperation(config, db).write(p.planned(), listener);
        }
        int n = written.plan().changes().size();
        String sentence = written.written()
                ? String.format(Locale.ROOT, "Wrote %,d change%s to %s in one transaction.", n, n == 1 ? "" : "s", p.database())
                : "Nothing to write; the database already matches the archive.";
        return RunResult.ofSheets(title(), false, written.problems().isEmpty() ? "good" : "warn", sentence, tiles(written),
                List.of(changes(written.plan().changes())), DbUpdateSummary.lines(written, p.database(), true));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.actions();
        return "Write " + n + (n == 1 ? " change" : " changes") + " to the database";
    }

    /** The command line's counts, in its words. */
    static List<PlanPreview.Tile> tiles(DbUpdateOperation.Result r) {
        AcceptedDataPlanner.Plan p = r.plan();
        boolean dry = r.request().dryRun();
        return List.of(PlanPreview.Tile.count(p.count(AcceptedDataPlanner.Change.Insert.class), dry ? "to insert" : "inserted", "good"),
                PlanPreview.Tile.count(p.count(AcceptedDataPlanner.Change.Update.class), dry ? "to update" : "updated", "good"),
                PlanPreview.Tile.count(p.count(AcceptedDataPlanner.Change.Move.class), dry ? "to move (target changed stage)"
                        : "moved (target changed stage)", "good"),
                PlanPreview.Tile.count(p.count(AcceptedDataPlanner.Change.Delete.class), dry ? "to delete" : "deleted", "warn"),
                PlanPreview.Tile.count(p.unchanged(), "unchanged", "quiet"),
                PlanPreview.Tile.count(r.scan().inventory().folders().size(), "folders scanned", "quiet"),
                PlanPreview.Tile.count(r.scan().inventory().frames(), "frames", "quiet"),
                PlanPreview.Tile.count(r.problems().size(), "not read", "bad"));
    }

    /** One row per change: the accepted frames it is about, the count before and after. */
    static PlanPreview.Sheet changes(List<AcceptedDataPlanner.Change> changes) {
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (AcceptedDataPlanner.Change ch : changes) {
            DbUpdateSummary.Change words = DbUpdateSummary.change(ch);
            AcceptedRow old = ch instanceof AcceptedDataPlanner.Change.Update u ? u.old()
                    : ch instanceof AcceptedDataPlanner.Change.Move m ? m.old()
                    : ch instanceof AcceptedDataPlanner.Change.Delete d ? d.old() : null;
            AcceptedRow now = ch instanceof AcceptedDataPlanner.Change.Insert i ? i.row()
                    : ch instanceof AcceptedDataPlanner.Change.Update u ? u.row()
                    : ch instanceof AcceptedDataPlanner.Change.Move m ? m.row() : null;
            AcceptedRow shown = now != null ? now : old;
            String count = (old == null ? "–" : Integer.toString(old.count())) + " → "
                    + (now == null ? "–" : Integer.toString(now.count()));
            String target = shown.target() + (shown.panel() == null || shown.panel().isEmpty() ? "" : " panel " + shown.panel());
            rows.add(PlanPreview.SheetRow.of(ch instanceof AcceptedDataPlanner.Change.Delete, words.kind(), shown.rig(),
                    target, shown.filter() == null ? "?" : shown.filter(), shown.date(), count,
                    words.details().isEmpty() ? words.folder() : words.details() + "  " + words.folder()));
        }
        return new PlanPreview.Sheet("dbChanges", "Changes to accepted_data",
                List.of("Change", "Rig", "Target", "Filter", "Night", "Frames (old → new)", "What changes, folder"), rows);
    }

    static PlanPreview.Sheet notRead(List<LeftBehind> problems) {
        return new PlanPreview.Sheet("dbNotRead", "Not read", List.of("Folder or file", "Reason"),
                problems.stream().map(x -> PlanPreview.SheetRow.of(true, x.file().toString(), x.reason())).toList());
    }
}
