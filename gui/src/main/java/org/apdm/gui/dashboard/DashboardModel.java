package org.apdm.gui.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apdm.core.layout.ArchiveLayout;

/**
 * The dashboard's numbers, computed on a worker thread from an {@link ArchiveSummary}: per rig, per stage,
 * per target, and the "what to do next" queue. Pure and immutable.
 */
public record DashboardModel(Path dataRoot, List<RigRow> rigs, List<String> stageColumns, List<NextStep> queue,
                             List<String> problems, Totals totals) {

    /** Everything in the archive. */
    public record Totals(int rigs, int targets, long frames, double hours) {
    }

    /** A rig and its stages in order (known stages first, then unknown ones). */
    public record RigRow(String rig, long frames, double hours, List<StageRow> stages) {
        public StageRow stage(String name) {
            return stages.stream().filter(s -> s.stage().equals(name)).findFirst().orElse(null);
        }
    }

    /** A stage of a rig; {@code known} is false for folders such as 70_Abandon. */
    public record StageRow(String rig, String stage, boolean known, long frames, double hours, List<TargetRow> targets) {
    }

    /**
     * A target in one stage.
     *
     * @param filters        filters in the rig's priority order
     * @param readyNights    nights whose lights are accepted and have master darks and flats
     * @param plannedPercent completion against what the Target Scheduler plans, as {@code apdm report} gives it
     *                       (the least complete planned filter and panel, 0..100), or null when nothing is planned
     */
    public record TargetRow(String rig, String stage, String target, long frames, double hours, int nights,
                            List<String> filters, List<String> panels, int readyNights, Double plannedPercent) {

        /**
         * 0..1: the planned completion where something is planned, else (the fallback, labelled as such) the share of
         * nights accepted and calibrated.
         */
        public double completion() {
            if (plannedPercent != null) {
                return plannedPercent / 100.0;
            }
            return nights == 0 ? 0 : (double) readyNights / nights;
        }

        public boolean planned() {
            return plannedPercent != null;
        }
    }

    /**
     * The model: the folders counted per rig, stage and target, and the queue: files waiting in RAW, the core's work
     * queue, then warnings, files not read and unknown stages.
     *
     * @param filterOrder a rig's filters in priority order (from the configuration)
     */
    public static DashboardModel of(ArchiveSummary summary, WorkspaceFacts facts, Function<String, List<String>> filterOrder) {
        Map<String, Map<String, Map<String, List<ArchiveFolder>>>> tree = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ArchiveFolder f : summary.folders()) {
            tree.computeIfAbsent(f.rig(), k -> new TreeMap<>(DashboardModel::compareStages))
                    .computeIfAbsent(f.stage(), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                    .computeIfAbsent(f.target(), k -> new ArrayList<>()).add(f);
        }
        List<RigRow> rigs = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>(ArchiveLayout.STAGES.subList(1, ArchiveLayout.STAGES.size()));
        long frames = 0;
        double hours = 0;
        int targets = 0;
        for (var rigEntry : tree.entrySet()) {
            List<String> order = filterOrder.apply(rigEntry.getKey());
            List<StageRow> stages = new ArrayList<>();
            long rigFrames = 0;
            double rigHours = 0;
            for (var stageEntry : rigEntry.getValue().entrySet()) {
                List<TargetRow> rows = new ArrayList<>();
                for (var targetEntry : stageEntry.getValue().entrySet()) {
                    rows.add(target(rigEntry.getKey(), stageEntry.getKey(), targetEntry.getKey(), targetEntry.getValue(),
                            order, summary.planned()));
                }
                long sf = rows.stream().mapToLong(TargetRow::frames).sum();
                double sh = rows.stream().mapToDouble(TargetRow::hours).sum();
                boolean known = ArchiveLayout.STAGES.contains(stageEntry.getKey());
                stages.add(new StageRow(rigEntry.getKey(), stageEntry.getKey(), known, sf, sh, rows));
                columns.add(stageEntry.getKey());
                rigFrames += sf;
                rigHours += sh;
                targets += rows.size();
            }
            rigs.add(new RigRow(rigEntry.getKey(), rigFrames, rigHours, stages));
            frames += rigFrames;
            hours += rigHours;
        }
        List<String> cols = new ArrayList<>(columns);
        cols.sort(DashboardModel::compareStages);
        List<String> problems = summary.problems().stream()
                .map(p -> summary.dataRoot().relativize(p.file()).toString().replace('\\', '/') + ": " + p.reason())
                .toList();
        return new DashboardModel(summary.dataRoot(), rigs, cols, queue(summary, facts), problems,
                new Totals(rigs.size(), targets, frames, hours));
    }

    /** Known stages in their order, then unknown ones by name. */
    static int compareStages(String a, String b) {
        int ia = ArchiveLayout.STAGES.indexOf(a);
        int ib = ArchiveLayout.STAGES.indexOf(b);
        if (ia >= 0 && ib >= 0) {
            return Integer.compare(ia, ib);
        }
        if (ia >= 0 || ib >= 0) {
            return ia >= 0 ? -1 : 1;
        }
        return a.compareToIgnoreCase(b);
    }

    private static TargetRow target(String rig, String stage, String target, List<ArchiveFolder> folders,
                                    List<String> filterOrder, Map<ArchiveSummary.TargetKey, Double> planned) {
        ArchiveFolder first = folders.get(0);
        long frames = 0;
        double hours = 0;
        Set<String> filters = new LinkedHashSet<>();
        Set<String> panels = new java.util.TreeSet<>();
        Map<String, Boolean> nightReady = new LinkedHashMap<>();
        for (ArchiveFolder f : folders) {
            frames += f.frames();
            hours += f.hours();
            if (f.filter() != null) {
                filters.add(f.filter());
            }
            if (f.panel() != null) {
                panels.add(f.panel());
            }
            String night = f.night() == null ? "" : f.night();
            boolean ready = f.accepted() && f.hasDarks() && f.hasFlats();
            nightReady.merge(night, ready, Boolean::logicalAnd);
        }
        List<String> ordered = new ArrayList<>(filters);
        ordered.sort(Comparator.comparingInt((String f) -> {
            int i = filterOrder.indexOf(f);
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(String.CASE_INSENSITIVE_ORDER));
        int ready = (int) nightReady.values().stream().filter(Boolean::booleanValue).count();
        Double percent = planned.get(new ArchiveSummary.TargetKey(first.rig(), first.stage(), first.target()));
        return new TargetRow(rig, stage, target, frames, hours, nightReady.size(), ordered, List.copyOf(panels), ready,
                percent);
    }

    /** Files waiting in RAW, the core's work queue, then what the dashboard could not read or place. */
    static List<NextStep> queue(ArchiveSummary summary, WorkspaceFacts facts) {
        List<NextStep> out = new ArrayList<>();
        if (facts.rawFiles() > 0) {
            out.add(new NextStep(NextStep.Kind.INGEST, plural(facts.rawFiles(), "image file") + " in RAW",
                    "Sort them into the archive by rig, target, night and filter; files that cannot be placed are listed with the reason.",
                    "Ingest", org.apdm.gui.shell.PageCatalog.INGEST, null));
        }
        out.addAll(summary.work());
        for (String w : summary.warnings()) {
            out.add(new NextStep(NextStep.Kind.WARNING, w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1), "",
                    null, null, null));
        }
        if (!summary.problems().isEmpty()) {
            out.add(new NextStep(NextStep.Kind.PROBLEM, plural(summary.problems().size(), "file") + " not read",
                    "Each is listed with the reason under the table; they are not counted.", null, null, null));
        }
        for (String unknown : summary.unknownStages()) {
            out.add(new NextStep(NextStep.Kind.UNKNOWN_STAGE, "Unknown stage " + unknown,
                    "Not one of " + String.join(", ", ArchiveLayout.STAGES) + "; counted, but no step moves frames there.",
                    null, null, null));
        }
        return out;
    }

    static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
