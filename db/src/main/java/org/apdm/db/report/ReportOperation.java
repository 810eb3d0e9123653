package org.apdm.db.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.report.AstrobinCsv;
import org.apdm.core.report.CsvWriter;
import org.apdm.core.report.ReportRow;
import org.apdm.core.report.SummaryReport;
import org.apdm.core.report.TargetTotals;
import org.apdm.db.AstroDatabase;
import org.apdm.db.FilterRepository;
import org.apdm.db.ReportRepository;
import org.apdm.db.RigFilterRepository;

/**
 * {@code apdm report}: from the database, per target folder {@code astrobin_csv.txt} and {@code totals.txt}
 * in the folder itself, and the cross-rig summary as text, as an HTML page and as CSV.
 */
public final class ReportOperation {

    /**
     * @param dataRoot    only folders below this root; null for every recorded folder
     * @param rigs        only these rigs; empty for all
     * @param targetFiles write the two files into each target folder
     * @param html        write the HTML summary here, or null
     * @param csv         write the summary as CSV here, or null
     * @param dryRun      say what would be written; write nothing
     */
    public record Request(Path dataRoot, Set<String> rigs, boolean targetFiles, Path html, Path csv, boolean dryRun) {
        public Request {
            rigs = Set.copyOf(rigs);
        }
    }

    public record Result(List<SummaryReport.Line> lines, String text, List<ReportFileWriter.Outcome> files,
                         List<String> warnings, boolean desiredAvailable) {
    }

    private final ApdmConfig config;
    private final AstroDatabase db;
    private final ReportFileWriter writer;

    public ReportOperation(ApdmConfig config, AstroDatabase db, ReportFileWriter writer) {
        this.config = config;
        this.db = db;
        this.writer = writer;
    }

    public Result run(Request request, DesiredFrames desired) throws IOException {
        List<ReportRow> all = db.read("reading accepted_data", c -> new ReportRepository(c).rows());
        Map<String, Integer> dbIds = db.read("reading filters", c -> new FilterRepository(c).astrobinIds());
        Set<String> rigs = request.rigs().stream().map(ApdmConfig::canonicalRig).collect(Collectors.toSet());
        Path root = request.dataRoot() == null ? null : request.dataRoot().toAbsolutePath().normalize();
        List<ReportRow> rows = new ArrayList<>();
        for (ReportRow r : all) {
            if (!rigs.isEmpty() && !rigs.contains(ApdmConfig.canonicalRig(r.rig()))) {
                continue;
            }
            if (root != null && !below(root, r.targetFolder())) {
                continue;
            }
            rows.add(withAstrobinId(r, dbIds));
        }
        List<String> warnings = new ArrayList<>();
        List<ReportFileWriter.Outcome> files = new ArrayList<>();
        if (request.targetFiles()) {
            Map<String, List<ReportRow>> byFolder = new LinkedHashMap<>();
            rows.forEach(r -> byFolder.computeIfAbsent(r.targetFolder(), k -> new ArrayList<>()).add(r));
            int missing = 0;
            for (Map.Entry<String, List<ReportRow>> e : byFolder.entrySet()) {
                Path folder = path(e.getKey());
                if (folder == null || !Files.isDirectory(folder)) {
                    missing++;
                    continue;
                }
                List<ReportRow> g = e.getValue();
                ReportRow first = g.get(0);
                files.add(writer.write(folder.resolve("astrobin_csv.txt"), AstrobinCsv.format(AstrobinCsv.lines(g)),
                        request.dryRun()));
                List<String> order = db.read("reading filters", c -> new RigFilterRepository(c, config).get(first.rig()))
                        .filters().stream().map(RigFilterRepository.RigFilter::name).toList();
                files.add(writer.write(folder.resolve("totals.txt"),
                        TargetTotals.format(TargetTotals.of(first.target(), first.rig(), first.stage(), g, desired, order)),
                        request.dryRun()));
            }
            if (missing > 0) {
                warnings.add(missing + " recorded target folder(s) are not on this computer (moved, or recorded "
                        + "elsewhere); their files were not written. `apdm db update --delete` forgets folders that are gone");
            }
            List<String> noExposure = AstrobinCsv.nightsWithoutExposure(rows);
            if (!noExposure.isEmpty()) {
                warnings.add("nights of unknown exposure left out of astrobin_csv.txt (AstroBin needs a duration): "
                        + String.join(", ", noExposure) + "; name the exposure in the night's folder (EXP_120) and run "
                        + "`apdm db update --update`");
            }
            List<String> noId = AstrobinCsv.filtersWithoutId(rows);
            if (!noId.isEmpty()) {
                warnings.add("filters without an AstroBin id (empty filter column in astrobin_csv.txt): "
                        + String.join(", ", noId) + "; set one with `apdm filter edit NAME --astrobin-id N`");
            }
        }
        List<SummaryReport.Line> lines = SummaryReport.lines(rows, desired);
        String text = SummaryReport.text(lines, desired.available());
        if (request.html() != null) {
            files.add(writer.write(request.html(), SummaryReport.html(lines, "Astrophotography data", desired.available()),
                    request.dryRun()));
        }
        if (request.csv() != null) {
            CsvWriter csv = new CsvWriter().row("rig", "stage", "target", "folder", "frames", "hours", "nights",
                    "complete_percent");
            for (SummaryReport.Line l : lines) {
                csv.row(l.rig(), l.stage(), l.target(), l.targetFolder(), l.frames(),
                        String.format(java.util.Locale.ROOT, "%.2f", l.hours()), l.nights(),
                        l.completion() == null ? null : String.format(java.util.Locale.ROOT, "%.0f", l.completion()));
            }
            files.add(writer.write(request.csv(), csv.toString(), request.dryRun()));
        }
        return new Result(lines, text, files, warnings, desired.available());
    }

    /** The AstroBin id from the database, else the rig's configured list, else the defaults. */
    private ReportRow withAstrobinId(ReportRow r, Map<String, Integer> dbIds) {
        if (r.astrobinId() != null || r.filter() == null) {
            return r;
        }
        Integer id = dbIds.get(r.filter());
        if (id == null) {
            id = config.filters(r.rig()).stream().filter(f -> f.name().equals(r.filter()))
                    .map(ApdmConfig.FilterDef::astrobinId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        if (id == null) {
            return r;
        }
        return new ReportRow(r.rig(), r.stage(), r.target(), r.targetFolder(), r.panel(), r.night(), r.filter(), id,
                r.frames(), r.exposure(), r.focalRatio(), r.gain(), r.sensorCooling(), r.darks(), r.flats(), r.bias(),
                r.bortle());
    }

    private static Path path(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean below(Path root, String folder) {
        Path p = path(folder);
        return p != null && p.toAbsolutePath().normalize().startsWith(root);
    }
}
