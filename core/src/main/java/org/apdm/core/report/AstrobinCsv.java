package org.apdm.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code astrobin_csv.txt}: a target's acquisitions in AstroBin's CSV import format (peers-and-formats §4):
 * a header line, then one line per night, filter and exposure (mosaic panels of one night add up), with the
 * filter's AstroBin id. A night of unknown exposure is left out: AstroBin requires a duration. Columns in AstroBinUploader's order; a value apdm does not know is left empty, which
 * AstroBin accepts.
 */
public final class AstrobinCsv {

    public static final List<String> HEADER = List.of("date", "filter", "number", "duration", "gain", "sensorCooling",
            "fNumber", "darks", "flats", "bias", "bortle");

    /** One line of the file. */
    public record Line(String date, String filter, Integer astrobinId, int number, double duration, Double gain,
                       Integer sensorCooling, String fNumber, Integer darks, Integer flats, Integer bias,
                       Integer bortle) {
    }

    private AstrobinCsv() {
    }

    /** The lines for the rows of one target, sorted by night, filter and exposure. */
    public static List<Line> lines(List<ReportRow> rows) {
        Map<List<Object>, List<ReportRow>> groups = new LinkedHashMap<>();
        for (ReportRow r : rows) {
            if (r.exposure() == null) {
                continue;
            }
            groups.computeIfAbsent(java.util.Arrays.asList(r.night(), r.filter(), r.exposure()), k -> new ArrayList<>())
                    .add(r);
        }
        List<Line> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new Line(g.get(0).night(), g.get(0).filter(), g.get(0).astrobinId(),
                g.stream().mapToInt(ReportRow::frames).sum(), g.get(0).exposure(),
                mostCommon(g.stream().map(ReportRow::gain).toList()),
                mostCommon(g.stream().map(ReportRow::sensorCooling).toList()),
                mostCommon(g.stream().map(ReportRow::focalRatio).toList()),
                max(g.stream().map(ReportRow::darks).toList()), max(g.stream().map(ReportRow::flats).toList()),
                max(g.stream().map(ReportRow::bias).toList()), mostCommon(g.stream().map(ReportRow::bortle).toList()))));
        out.sort(Comparator.comparing(Line::date).thenComparing(l -> l.filter() == null ? "" : l.filter())
                .thenComparingDouble(Line::duration));
        return out;
    }

    /** The file's text. */
    public static String format(List<Line> lines) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (Line l : lines) {
            csv.row(l.date(), l.astrobinId(), l.number(), Numbers.plain(l.duration(), 4), Numbers.plain(l.gain(), 2),
                    l.sensorCooling(), l.fNumber() == null ? null : Numbers.plain(Double.valueOf(l.fNumber()), 2),
                    l.darks(), l.flats(), l.bias(), l.bortle());
        }
        return csv.toString();
    }

    /** "M 45 2024-03-10": the nights {@link #lines} leaves out because their exposure is unknown. */
    public static List<String> nightsWithoutExposure(List<ReportRow> rows) {
        return rows.stream().filter(r -> r.exposure() == null).map(r -> r.target() + " " + r.night()).distinct()
                .sorted().toList();
    }

    /** Filters of these rows without an AstroBin id (their lines have an empty filter column). */
    public static List<String> filtersWithoutId(List<ReportRow> rows) {
        return rows.stream().filter(r -> r.astrobinId() == null).map(r -> r.filter() == null ? "(unknown)" : r.filter())
                .distinct().sorted().toList();
    }

    static <T> T mostCommon(List<T> values) {
        Map<T, Integer> n = new HashMap<>();
        T best = null;
        int bestCount = 0;
        for (T v : values) {
            if (v == null) {
                continue;
            }
            int c = n.merge(v, 1, Integer::sum);
            if (c > bestCount) {
                best = v;
                bestCount = c;
            }
        }
        return best;
    }

    private static Integer max(List<Integer> values) {
        return values.stream().filter(Objects::nonNull).max(Integer::compare).orElse(null);
    }
}
