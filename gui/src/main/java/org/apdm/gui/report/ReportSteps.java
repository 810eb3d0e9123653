package org.apdm.gui.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.report.SummaryReport;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.report.ReportFileWriter;
import org.apdm.db.report.ReportOperation;
import org.apdm.db.report.ReportSummary;
import org.apdm.gui.AppContext;
import org.apdm.gui.database.DatabaseAccess;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/**
 * {@code apdm report} in the window: its dry run is the plan (the cross-rig summary per target, and what would happen
 * to each report file); approving runs it through the same {@link ReportFileWriter}, which replaces only files apdm
 * wrote and moves any other file aside first, never overwriting it.
 */
public final class ReportSteps implements OperationSteps<ReportSteps.Prepared> {

    /** The request the preview was made with; the run makes it again without the dry run. */
    public record Prepared(ReportOperation.Request request) {
    }

    /**
     * The page's choices: the per-target files ({@code --no-target-files} when off), and the summary as an HTML page
     * and as CSV, written into the data root ({@link #HTML}, {@link #CSV}).
     */
    public record Choice(boolean targetFiles, boolean html, boolean csv) {
    }

    public static final String HTML = "apdm-report.html";
    public static final String CSV = "apdm-report.csv";

    private final AppContext context;
    private volatile Choice choice = new Choice(true, false, false);

    public ReportSteps(AppContext context) {
        this.context = context;
    }

    public void choose(Choice c) {
        choice = c;
    }

    /** Where the HTML or CSV summary goes: the data root, or null when it is not set. */
    public static Path summaryFile(ApdmConfig config, String name) {
        return config.roots().data() == null ? null : config.roots().data().toAbsolutePath().normalize().resolve(name);
    }

    static ReportOperation.Request request(ApdmConfig config, Choice c, boolean dryRun) {
        Path html = c.html() ? summaryFile(config, HTML) : null;
        Path csv = c.csv() ? summaryFile(config, CSV) : null;
        if ((c.html() && html == null) || (c.csv() && csv == null)) {
            throw new IllegalStateException("The HTML and CSV summaries go into the data folder; set roots.data in Settings → Folders.");
        }
        return new ReportOperation.Request(null, Set.of(), c.targetFiles(), html, csv, dryRun);
    }

    @Override
    public String title() {
        return "Report";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        ReportOperation.Request request = request(config, choice, true);
        List<String> warnings = new ArrayList<>();
        ReportOperation.Result r = report(config, request, listener, warnings);
        List<String> notes = new ArrayList<>(warnings);
        long aside = r.files().stream().filter(f -> f.status() == ReportFileWriter.Status.KEPT_ASIDE).count();
        if (aside > 0) {
            notes.add(aside + " file(s) apdm did not write are in the way: each is moved aside first "
                    + "(<name>-kept-<time>), never overwritten. The Files tab names them.");
        }
        if (r.lines().isEmpty()) {
            notes.add("The database has no accepted frames yet: run Database → Update accepted frames first.");
        }
        PlanPreview preview = PlanPreview.ofSheets(title(), tiles(r, true), List.of(targets(r), files(r)), notes,
                ReportSummary.lines(r, true, request.html(), warnings, true), changing(r));
        return new Planned<>(new Prepared(request), preview);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        cancel.throwIfCancelled();
        ApdmConfig config = context.config();
        ReportOperation.Request q = p.request();
        ReportOperation.Request request = new ReportOperation.Request(q.dataRoot(), q.rigs(), q.targetFiles(), q.html(),
                q.csv(), false);
        List<String> warnings = new ArrayList<>();
        ReportOperation.Result r = report(config, request, listener, warnings);
        return RunResult.ofSheets(title(), false, warnings.isEmpty() ? "good" : "warn", ReportSummary.filesLine(r, false),
                tiles(r, false), List.of(files(r), targets(r)), ReportSummary.lines(r, false, request.html(), warnings, true));
    }

    private ReportOperation.Result report(ApdmConfig config, ReportOperation.Request request, ProgressListener listener,
                                          List<String> warnings) throws Exception {
        listener.onMessage("reading the accepted frames and the Target Scheduler's plans");
        DesiredFrames desired = DesiredFrames.fromConfig(config, warnings::add);
        ReportOperation.Result r;
        try (AstroDatabase db = DatabaseAccess.open(context, config, false, listener)) {
            r = new ReportOperation(config, db, new ReportFileWriter(db, context.engine(config), context.clock()))
                    .run(request, desired);
        }
        warnings.addAll(r.warnings());
        return r;
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.actions();
        return "Write " + n + (n == 1 ? " report file" : " report files");
    }

    /** Files whose content changes (unchanged ones are left as they are). */
    static long changing(ReportOperation.Result r) {
        return r.files().stream().filter(f -> f.status() != ReportFileWriter.Status.UNCHANGED).count();
    }

    static List<PlanPreview.Tile> tiles(ReportOperation.Result r, boolean dryRun) {
        Map<ReportFileWriter.Status, Integer> c = ReportSummary.counts(r);
        double hours = r.lines().stream().mapToDouble(SummaryReport.Line::hours).sum();
        return List.of(PlanPreview.Tile.count(r.lines().size(), "targets", "quiet"),
                PlanPreview.Tile.count(r.lines().stream().mapToInt(SummaryReport.Line::frames).sum(), "accepted frames", "quiet"),
                new PlanPreview.Tile(String.format(Locale.ROOT, "%.1f", hours), "hours", "quiet"),
                PlanPreview.Tile.count(c.getOrDefault(ReportFileWriter.Status.WRITTEN, 0), dryRun ? "to write" : "written", "good"),
                PlanPreview.Tile.count(c.getOrDefault(ReportFileWriter.Status.REPLACED, 0), dryRun ? "to replace (apdm's own)"
                        : "replaced (apdm's own)", "good"),
                PlanPreview.Tile.count(c.getOrDefault(ReportFileWriter.Status.UNCHANGED, 0), "unchanged", "quiet"),
                PlanPreview.Tile.count(c.getOrDefault(ReportFileWriter.Status.KEPT_ASIDE, 0), "kept aside first", "warn"));
    }

    /** The cross-rig summary: per rig, stage and target the frames, hours, nights, hours per filter and completion. */
    static PlanPreview.Sheet targets(ReportOperation.Result r) {
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (SummaryReport.Line l : r.lines()) {
            List<String> byFilter = new ArrayList<>();
            l.hoursByFilter().forEach((f, h) -> byFilter.add(String.format(Locale.ROOT, "%s %.2f h", f, h)));
            rows.add(PlanPreview.SheetRow.of(false, l.rig(), l.stage(), l.target(), Integer.toString(l.frames()),
                    String.format(Locale.ROOT, "%.2f", l.hours()), Integer.toString(l.nights()),
                    l.completion() == null ? (r.desiredAvailable() ? "-" : "unknown")
                            : String.format(Locale.ROOT, "%.0f%%", l.completion()),
                    String.join(", ", byFilter)));
        }
        return new PlanPreview.Sheet("reportTargets", "Targets",
                List.of("Rig", "Stage", "Target", "Frames", "Hours", "Nights", "Complete", "Hours per filter"), rows);
    }

    static PlanPreview.Sheet files(ReportOperation.Result r) {
        return new PlanPreview.Sheet("reportFiles", "Files", List.of("File", "What happens"), r.files().stream()
                .map(f -> PlanPreview.SheetRow.of(f.status() == ReportFileWriter.Status.KEPT_ASIDE, f.file().toString(),
                        ReportSummary.status(f))).toList());
    }
}
