package org.apdm.db.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The wording of {@code apdm report}: what the terminal prints and the window's log shows. */
public final class ReportSummary {

    private ReportSummary() {
    }

    public static Map<ReportFileWriter.Status, Integer> counts(ReportOperation.Result r) {
        Map<ReportFileWriter.Status, Integer> counts = new EnumMap<>(ReportFileWriter.Status.class);
        r.files().forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        return counts;
    }

    /** "Report files: 3 written, 0 replaced, 1 unchanged, 0 kept aside first". */
    public static String filesLine(ReportOperation.Result r, boolean dryRun) {
        Map<ReportFileWriter.Status, Integer> counts = counts(r);
        return String.format("Report files%s: %d written, %d replaced, %d unchanged, %d kept aside first",
                dryRun ? " (dry run, nothing written)" : "", counts.getOrDefault(ReportFileWriter.Status.WRITTEN, 0),
                counts.getOrDefault(ReportFileWriter.Status.REPLACED, 0),
                counts.getOrDefault(ReportFileWriter.Status.UNCHANGED, 0),
                counts.getOrDefault(ReportFileWriter.Status.KEPT_ASIDE, 0));
    }

    /** What happens to one file: "written", "replaced", "unchanged", or that the file there is kept aside first. */
    public static String status(ReportFileWriter.Outcome f) {
        return f.status() == ReportFileWriter.Status.KEPT_ASIDE ? "written; the file apdm did not write is kept as "
                + f.keptAs() : f.status().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The summary table, then the files.
     *
     * @param html     the HTML page asked for (always listed), or null
     * @param warnings the report's warnings and any about the plans
     * @param verbose  list every file, else only those kept aside and the page
     */
    public static List<String> lines(ReportOperation.Result r, boolean dryRun, Path html, List<String> warnings,
                                     boolean verbose) {
        List<String> out = new ArrayList<>(r.text().lines().toList());
        out.add("");
        out.add(filesLine(r, dryRun));
        for (ReportFileWriter.Outcome f : r.files()) {
            if (f.status() == ReportFileWriter.Status.KEPT_ASIDE) {
                out.add(String.format("  %s was not written by apdm: kept as %s", f.file(), f.keptAs()));
            } else if (verbose || f.file().equals(html)) {
                out.add(String.format("  %-9s %s", f.status().name().toLowerCase(Locale.ROOT), f.file()));
            }
        }
        warnings.forEach(w -> out.add("warning: " + w));
        return out;
    }
}
