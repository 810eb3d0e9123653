package org.apdm.core.cull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.fileops.RecoveryReport;
import org.apdm.core.image.AnalysisCache;
import org.apdm.core.image.AnalyzeOperation;
import org.apdm.core.image.PixelMetrics;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.sync.SyncServiceRunner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.OperationCancelledException;
import org.apdm.core.task.ProgressListener;

/**
 * The quality cull of {@code 10_Blink}, its restore and its purge; the command line and the window
 * both use this class.
 *
 * <p>Per rig, each pass in order: scan → propose per group → apply groups below the pass's auto-accept
 * share, ask the {@link Decider} about the others → move the rejects into the reject tree (keeping
 * rig, stage and the whole path) through the {@link FileEngine}. The next pass judges what is left.
 * Rigs are scanned in parallel; moves run one rig at a time under the engine's lock.
 */
public final class CullOperation {

    /** How a group's proposal was settled. */
    public enum Decision {
        /** Nothing to reject. */
        NOTHING,
        /** Below the auto-accept share (or the pass always applies): applied without asking. */
        AUTOMATIC,
        /** Asked, and the user said yes. */
        APPROVED,
        /** Asked, and the user said no (or nobody could be asked): nothing rejected. */
        DECLINED
    }

    /** Answers for groups whose rejected share is at or above the auto-accept percentage. The core never reads a terminal. */
    @FunctionalInterface
    public interface Decider {
        boolean approve(GroupProposal proposal);

        /**
         * The proposal to apply to the group, or null to reject nothing. The window answers with a proposal
         * re-planned by {@link CullPlanner#propose} for limits the user adjusted while reviewing the group.
         */
        default GroupProposal decide(GroupProposal proposal) {
            return approve(proposal) ? proposal : null;
        }
    }

    /**
     * @param data   data root
     * @param reject reject root
     * @param rigs   rig folders to cull; empty for every rig with a 10_Blink
     * @param pass   run only the pass of this name, or null for all
     * @param passes passes that replace the configured ones (command-line limits), or null
     * @param dryRun plan and ask nothing that changes files; later passes judge as if earlier ones were applied
     */
    public record Request(Path data, Path reject, List<String> rigs, String pass, List<CullPass> passes, boolean dryRun) {

        /** Why these folders cannot work together, or null: rejects inside the data would be culled again. */
        public String folderProblem() {
            return reject.startsWith(data) || data.startsWith(reject)
                    ? "the reject folder " + reject + " and the data folder " + data + " must not contain one another"
                    : null;
        }
    }

    /** One group in one pass. */
    public record GroupResult(GroupProposal proposal, Decision decision, List<OperationOutcome> outcomes) {
        public long moved() {
            return outcomes.stream().filter(o -> o.outcome() == Outcome.DONE).count();
        }
    }

    /** What a run did. */
    public record Result(List<GroupResult> groups, List<LeftBehind> unreadable, List<String> notes,
                         RecoveryReport recovery, boolean cancelled, boolean dryRun) {
    }

    private final ApdmConfig config;
    private final FileEngine engine;
    private final Clock clock;
    private final List<String> shownMetrics;

    public CullOperation(ApdmConfig config, FileEngine engine, Clock clock) {
        this(config, engine, clock, List.of());
    }

    private CullOperation(ApdmConfig config, FileEngine engine, Clock clock, List<String> shownMetrics) {
        this.config = config;
        this.engine = engine;
        this.clock = clock;
        this.shownMetrics = List.copyOf(shownMetrics);
    }

    /**
     * Also reads these metrics for every frame, to show them (the window charts HFR, RMS and stars);
     * they are judged only by passes that name them.
     */
    public CullOperation withShownMetrics(List<String> metrics) {
        return new CullOperation(config, engine, clock, metrics);
    }

    public Result run(Request request, Decider decider, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        RecoveryReport recovery = engine.recover();
        List<String> rigs = request.rigs().isEmpty() ? CullScanner.rigsWithBlink(request.data()) : request.rigs();
        Map<String, List<CullPass>> passesByRig = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Set<String> metrics = new java.util.LinkedHashSet<>();
        for (String rig : rigs) {
            List<CullPass> passes = request.passes() != null ? request.passes() : config.cullPasses(rig);
            if (request.pass() != null) {
                passes = passes.stream().filter(p -> p.name().equals(request.pass())).toList();
                if (passes.isEmpty()) {
                    notes.add(rig + ": has no pass named '" + request.pass() + "'; skipped");
                    continue;
                }
            }
            passesByRig.put(rig, passes);
            passes.forEach(p -> metrics.addAll(CullPlanner.metricsOf(p)));
        }
        metrics.addAll(shownMetrics);
        MetadataReader reader = new MetadataReader(config.normalization().withExtraKeys(metrics));
        // pixel metrics only when a pass (or the window) asks for one: measuring costs a read of every frame
        AnalyzeOperation pixels = metrics.stream().anyMatch(PixelMetrics::isToken)
                ? new AnalyzeOperation(new AnalysisCache(config.stateDir())) : null;
        CullScanner scanner = new CullScanner(new FrameScanner(reader), pixels);
        listener.onMessage("scanning 10_Blink of " + passesByRig.size() + " rig(s)");
        List<CullScanner.Scan> scans = passesByRig.keySet().parallelStream().map(rig -> {
            try {
                List<String> rigMetrics = new ArrayList<>();
                passesByRig.get(rig).forEach(p -> CullPlanner.metricsOf(p).forEach(m -> {
                    if (!rigMetrics.contains(m)) {
                        rigMetrics.add(m);
                    }
                }));
                shownMetrics.stream().filter(m -> !rigMetrics.contains(m)).forEach(rigMetrics::add);
                return scanner.scan(request.data(), rig, rigMetrics, listener, cancel);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();

        List<GroupResult> results = new ArrayList<>();
        List<LeftBehind> unreadable = new ArrayList<>();
        boolean cancelled = false;
        SyncServiceRunner sync = new SyncServiceRunner(config.sync(), listener);
        try {
            cancelled = sync.around(() -> {
                for (CullScanner.Scan scan : scans) {
                    unreadable.addAll(scan.unreadable());
                    if (cullRig(request, scan, passesByRig.get(scan.rig()), decider, results, listener, cancel)) {
                        return true;
                    }
                }
                return false;
            });
        } catch (OperationCancelledException e) {
            cancelled = true;
        }
        return new Result(results, unreadable, notes, recovery, cancelled, request.dryRun());
    }

    /** Runs every pass over one rig; true when cancelled. */
    private boolean cullRig(Request request, CullScanner.Scan scan, List<CullPass> passes, Decider decider,
                            List<GroupResult> results, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        List<CullGroup> groups = scan.groups();
        for (CullPass pass : passes) {
            if (cancel.isCancelled()) {
                return true;
            }
            List<GroupProposal> proposals = groups.stream().map(g -> CullPlanner.propose(g, pass)).toList();
            List<GroupProposal> applied = new ArrayList<>();
            Map<GroupProposal, Decision> decisions = new LinkedHashMap<>();
            for (GroupProposal p : proposals) {
                Decision d;
                GroupProposal settled = p;
                if (p.rejects().isEmpty()) {
                    d = Decision.NOTHING;
                } else if (p.automatic()) {
                    d = Decision.AUTOMATIC;
                } else {
                    GroupProposal answer = decider.decide(p);
                    if (answer != null && !answer.group().equals(p.group())) {
                        throw new IllegalArgumentException("the decider answered for another group: "
                                + answer.group().folder() + " instead of " + p.group().folder());
                    }
                    d = answer != null && !answer.rejects().isEmpty() ? Decision.APPROVED : Decision.DECLINED;
                    settled = d == Decision.APPROVED ? answer : p;
                }
                decisions.put(settled, d);
                if (d == Decision.AUTOMATIC || d == Decision.APPROVED) {
                    applied.add(settled);
                }
            }
            Plan plan = rejectPlan(request, scan.rig(), pass, applied);
            Map<Path, OperationOutcome> outcomes = new LinkedHashMap<>();
            if (!plan.isEmpty()) {
                List<OperationOutcome> list;
                if (request.dryRun()) {
                    list = engine.preview(plan);
                } else {
                    writeManifests(request, pass, applied);
                    ExecutionResult r = engine.execute(plan, listener, cancel);
                    list = r.outcomes();
                    if (r.cancelled()) {
                        record(results, decisions, index(list));
                        return true;
                    }
                }
                outcomes = index(list);
            }
            record(results, decisions, outcomes);
            Set<Path> gone = new HashSet<>();
            for (OperationOutcome o : outcomes.values()) {
                if (o.outcome() == Outcome.DONE) {
                    gone.add(o.operation().source());
                }
            }
            groups = groups.stream().map(g -> new CullGroup(g.rig(), g.folder(),
                    g.frames().stream().filter(f -> !gone.contains(f.file())).toList())).toList();
        }
        return false;
    }

    private static Map<Path, OperationOutcome> index(List<OperationOutcome> list) {
        Map<Path, OperationOutcome> m = new LinkedHashMap<>();
        list.forEach(o -> m.put(o.operation().source(), o));
        return m;
    }

    private static void record(List<GroupResult> results, Map<GroupProposal, Decision> decisions,
                               Map<Path, OperationOutcome> outcomes) {
        decisions.forEach((p, d) -> {
            List<OperationOutcome> mine = new ArrayList<>();
            if (d == Decision.AUTOMATIC || d == Decision.APPROVED) {
                for (GroupProposal.Reject r : p.rejects()) {
                    OperationOutcome o = outcomes.get(r.frame().file());
                    if (o != null) {
                        mine.add(o);
                    }
                }
            }
            results.add(new GroupResult(p, d, mine));
        });
    }

    /** Moves to {@code {reject}/{rig}/10_Blink/{target}/.../{file}}: the whole path below the data root. */
    static Plan rejectPlan(Request request, String rig, CullPass pass, List<GroupProposal> applied) {
        List<FileOperation> ops = new ArrayList<>();
        for (GroupProposal p : applied) {
            for (GroupProposal.Reject r : p.rejects()) {
                ops.add(new FileOperation.Move(r.frame().file(), request.reject().resolve(r.frame().relative().toString()),
                        pass.name() + ": " + String.join(", ", r.reasons())));
            }
        }
        return new Plan("cull " + rig + " " + pass.name(), ops, List.of(), List.of(request.reject()), List.of());
    }

    private void writeManifests(Request request, CullPass pass, List<GroupProposal> applied) throws IOException {
        String now = Instant.now(clock).toString();
        for (GroupProposal p : applied) {
            List<RejectManifest.Entry> entries = new ArrayList<>();
            for (GroupProposal.Reject r : p.rejects()) {
                entries.add(new RejectManifest.Entry("rejected", slash(r.frame().relative()), pass.name(), r.reasons(),
                        r.frame().metrics(), now));
            }
            RejectManifest.append(request.reject().resolve(p.group().folder().toString()), entries);
        }
    }

    static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }

    // ---- the reject tree ----

    /** Every frame in the reject tree, with its pass and rejection time from the manifests. */
    public List<RejectedFile> rejectedFiles(Path reject, CancellationToken cancel) throws IOException {
        List<RejectedFile> out = new ArrayList<>();
        Map<String, RejectManifest.Entry> lastRejected = new LinkedHashMap<>();
        List<Path> files = FileWalker.files(reject, d -> true, cancel);
        for (Path f : files) {
            if (f.getFileName().toString().equals(RejectManifest.NAME)) {
                for (RejectManifest.Entry e : RejectManifest.read(f)) {
                    if ("rejected".equals(e.event()) && e.file() != null) {
                        lastRejected.put(e.file(), e);
                    }
                }
            }
        }
        for (Path f : files) {
            if (!ImageFormat.of(f).isImage()) {
                continue;
            }
            Path rel = reject.relativize(f);
            RejectManifest.Entry e = lastRejected.get(slash(rel));
            Instant at = null;
            if (e != null && e.at() != null) {
                try {
                    at = Instant.parse(e.at());
                } catch (java.time.format.DateTimeParseException ex) {
                    at = null;
                }
            }
            if (at == null) {
                at = Files.getLastModifiedTime(f).toInstant();
            }
            out.add(new RejectedFile(f, rel, e == null ? null : e.pass(), at));
        }
        return out;
    }

    public Plan restorePlan(Path data, Path reject, String rig, String target, String pass, CancellationToken cancel)
            throws IOException {
        Path calibration = config.roots().calibrationOrRaw();
        return RejectTreePlanner.restore(rejectedFiles(reject, cancel), data,
                calibration == null ? null : calibration.toAbsolutePath().normalize(), reject, rig, target, pass);
    }

    /** The restore of these rejected files (the window's selection). */
    public Plan restorePlan(List<RejectedFile> files, Path data, Path reject) {
        Path calibration = config.roots().calibrationOrRaw();
        return RejectTreePlanner.restore(files, data, calibration == null ? null : calibration.toAbsolutePath().normalize(),
                reject, null, null, null);
    }

    public Plan purgePlan(Path reject, Duration olderThan, String rig, CancellationToken cancel) throws IOException {
        return RejectTreePlanner.purge(rejectedFiles(reject, cancel), reject, olderThan, Instant.now(clock), rig);
    }

    public List<OperationOutcome> preview(Plan plan) {
        return engine.preview(plan);
    }

    /** Runs a restore or purge plan and records what happened in the manifests. */
    public ExecutionResult execute(Plan plan, Path reject, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        SyncServiceRunner sync = new SyncServiceRunner(config.sync(), listener);
        ExecutionResult r = sync.around(() -> engine.execute(plan, listener, cancel));
        String event = plan.title().endsWith("purge") ? "purged" : "restored";
        Map<Path, List<RejectManifest.Entry>> byFolder = new LinkedHashMap<>();
        for (OperationOutcome o : r.outcomes()) {
            if (o.outcome() == Outcome.DONE) {
                Path rel = reject.relativize(o.operation().source());
                byFolder.computeIfAbsent(reject.resolve(rel).getParent(), k -> new ArrayList<>())
                        .add(new RejectManifest.Entry(event, slash(rel), null, null, null, Instant.now(clock).toString()));
            }
        }
        for (Map.Entry<Path, List<RejectManifest.Entry>> e : byFolder.entrySet()) {
            RejectManifest.append(e.getKey(), e.getValue());
        }
        return r;
    }
}
