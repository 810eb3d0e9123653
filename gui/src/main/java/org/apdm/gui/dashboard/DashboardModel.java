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
     * @param filters     filters in the rig's priority order
     * @param readyNights nights whose lights are accepted and have master darks and flats
     */
    public record TargetRow(String rig, String stage, String target, long frames, double hours, int nights,
                            List<String> filters, List<String> panels, int readyNights) {

        /** Share of nights accepted and calibrated, 0..1. */
        public double completion() {
            return nights == 0 ? 0 : (double) readyNights / nights;
        }
    }

    /**
     * The model with the interim queue of {@link #queue}; see {@link ArchiveSummarySource#nextSteps}.
     *
     * @param filterOrder a rig's filters in priority order (from the configuration)
     * @param lowDiskPercent warn below this share of free space
     */
    public static DashboardModel of(ArchiveSummary summary, WorkspaceFacts facts,
                                    Function<String, List<String>> filterOrder, double lowDiskPercent) {
        return of(summary, queue(summary, facts, lowDiskPercent), filterOrder);
    }

    /**
     * @param queue       the "what to do next" entries, in the order to show them
     * @param filterOrder a rig's filters in priority order (from the configuration)
     */
    public static DashboardModel of(ArchiveSummary summary, List<NextStep> queue, Function<String, List<String>> filterOrder) {
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
                            order));
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
        return new DashboardModel(summary.dataRoot(), rigs, cols, List.copyOf(queue), problems,
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
                                    List<String> filterOrder) {
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
        return new TargetRow(rig, stage, target, frames, hours, nightReady.size(), ordered, List.copyOf(panels), ready);
    }

    /**
     * The interim "what to do next" queue, in the order of the user's process, from folder facts alone: RAW files
     * waiting, frames in 10_Blink not yet accepted, accepted nights without masters or ready for 20_Data, low disk,
     * files not counted, unknown stages. The core's {@code WorkQueuePlanner} (database issue) replaces it through
     * {@link ArchiveSummarySource#nextSteps}; it adds targets ready for master and bake reminders.
     */
    public static List<NextStep> queue(ArchiveSummary summary, WorkspaceFacts facts, double lowDiskPercent) {
        List<NextStep> out = new ArrayList<>();
        if (facts.rawFiles() > 0) {
            out.add(new NextStep(NextStep.Kind.INGEST, plural(facts.rawFiles(), "image file") + " in RAW",
                    "Sort them into the archive by rig, target, night and filter; files that cannot be placed are listed with the reason.",
                    "Ingest", "ingest", null));
        }
        Map<String, long[]> blink = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Set<String>> uncalibrated = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Set<String>> promotable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ArchiveFolder f : summary.folders()) {
            if (!f.stage().equals(ArchiveLayout.BLINK)) {
                continue;
            }
            String night = f.target() + " " + f.night();
            if (!f.accepted()) {
                blink.computeIfAbsent(f.rig(), k -> new long[2])[0] += f.frames();
            } else if (!f.hasDarks() || !f.hasFlats()) {
                uncalibrated.computeIfAbsent(f.rig(), k -> new java.util.TreeSet<>()).add(night);
            } else {
                promotable.computeIfAbsent(f.rig(), k -> new java.util.TreeSet<>()).add(night);
            }
        }
        uncalibrated.forEach((rig, nights) -> {
            Set<String> p = promotable.get(rig);
            if (p != null) {
                p.removeAll(nights);
            }
        });
        blink.forEach((rig, n) -> out.add(new NextStep(NextStep.Kind.CULL,
                plural(n[0], "frame") + " wait for cull and blink",
                rig + ": reject poor frames by HFR, guiding and stars, then blink the rest and move keepers to accept.",
                "Cull", "cull", rig)));
        uncalibrated.forEach((rig, nights) -> out.add(new NextStep(NextStep.Kind.CALIBRATE,
                plural(nights.size(), "night") + " without master darks or flats",
                rig + ": " + String.join(", ", first(nights, 3)), "Calibrate", "calibration", rig)));
        promotable.forEach((rig, nights) -> {
            if (!nights.isEmpty()) {
                out.add(new NextStep(NextStep.Kind.PROMOTE, plural(nights.size(), "night") + " ready for 20_Data",
                        rig + ": accepted and calibrated: " + String.join(", ", first(nights, 3)), "Promote", "promote", rig));
            }
        });
        if (facts.totalBytes() > 0 && facts.freePercent() < lowDiskPercent) {
            out.add(new NextStep(NextStep.Kind.DISK, String.format(Locale.ROOT, "Only %.0f %% free on the data drive",
                    facts.freePercent()), String.format(Locale.ROOT, "%.1f GB of %.1f GB free below %s.",
                    facts.freeBytes() / 1e9, facts.totalBytes() / 1e9, summary.dataRoot()), null, null, null));
        }
        if (!summary.problems().isEmpty()) {
            out.add(new NextStep(NextStep.Kind.PROBLEM, plural(summary.problems().size(), "file") + " not counted",
                    "They do not follow the archive layout; see the list under the table.", null, null, null));
        }
        for (String unknown : summary.unknownStages()) {
            out.add(new NextStep(NextStep.Kind.UNKNOWN_STAGE, "Unknown stage " + unknown,
                    "Not one of " + String.join(", ", ArchiveLayout.STAGES) + "; counted, but no step moves frames there.",
                    null, null, null));
        }
        return out;
    }

    private static List<String> first(Set<String> items, int n) {
        List<String> out = new ArrayList<>(items).subList(0, Math.min(n, items.size()));
        List<String> copy = new ArrayList<>(out);
        if (items.size() > n) {
            copy.add("…");
        }
        return copy;
    }

    static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
