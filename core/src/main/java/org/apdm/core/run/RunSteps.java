package org.apdm.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apdm.core.calibration.ArchiveOperation;
import org.apdm.core.calibration.CleanOperation;
import org.apdm.core.calibration.DistributionOperation;
import org.apdm.core.calibration.FlatDecider;
import org.apdm.core.calibration.PromotionOperation;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.cull.GroupProposal;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.ingest.IngestOperation;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * The steps of {@code apdm run} (and the window's Run button): each one calls the core operation its own command
 * calls, with the same request the command builds from the configuration. Nothing here moves a file itself.
 */
public final class RunSteps {

    private RunSteps() {
    }

    /**
     * The steps in the documented order, for this configuration.
     *
     * @param dbUpdate  the db update step (SQL lives in the db module: {@code org.apdm.db.update.DbUpdateStep}), or null
     * @param afterRigs shared steps after every rig's steps and before clean, in order: the Target Scheduler sync
     *                  ({@code org.apdm.nina.SchedulerSyncStep}) and the reports ({@code org.apdm.db.report.ReportsStep})
     */
    public static List<RunStep> of(ApdmConfig config, RunStep dbUpdate, RunStep... afterRigs) {
        List<RunStep> steps = new ArrayList<>();
        ApdmConfig.Roots r = config.roots();
        if (r.raw() != null && r.data() != null) {
            steps.add(new Ingest(config));
        }
        // opt-in: masters made by Siril each morning would clash with the WBPP masters of a user who makes his own
        if (config.calibration().integrate().inRun() && r.calibrationOrRaw() != null && r.libraryOrData() != null) {
            steps.add(new Integrate(config));
        }
        if (r.pixinsightMasters() != null && r.data() != null) {
            steps.add(new Archive(config));
        }
        if (r.data() != null) {
            if (r.reject() != null) {
                steps.add(new Cull(config));
            }
            steps.add(new Distribute(config));
            steps.add(new Promote(config));
            if (dbUpdate != null) {
                steps.add(dbUpdate);
            }
        }
        for (RunStep s : afterRigs) {
            if (s != null) {
                steps.add(s);
            }
        }
        if (r.pixinsightMasters() != null && r.calibrationOrRaw() != null && r.data() != null) {
            steps.add(new Clean(config));
        }
        return steps;
    }

    /** The rig folders of the data root: those with a stage folder, named by {@code only} when given. */
    public static List<String> rigFolders(Path root, List<String> only) throws IOException {
        List<String> out = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return out;
        }
        try (java.util.stream.Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .filter(n -> !n.startsWith("_") && !n.startsWith("."))
                    .filter(n -> org.apdm.core.layout.ArchiveLayout.STAGES.stream()
                            .anyMatch(st -> Files.isDirectory(root.resolve(n).resolve(st))))
                    .filter(n -> only.isEmpty() || only.stream()
                            .anyMatch(r -> ApdmConfig.canonicalRig(r).equals(ApdmConfig.canonicalRig(n))))
                    .forEach(out::add);
        }
        return out;
    }

    /** The work queue of {@code apdm status} for these rigs: one inventory scan; the blink and masters gates. */
    public static org.apdm.core.inventory.WorkQueue queue(ApdmConfig config, List<String> rigs, ProgressListener l,
                                                         CancellationToken c) throws IOException {
        org.apdm.core.inventory.InventoryScan scan = new org.apdm.core.inventory.InventoryScanner(config).scan(
                config.roots().data(), org.apdm.core.inventory.InventoryScanner.Options.STATUS.withRigs(Set.copyOf(rigs)),
                l, c);
        return org.apdm.core.inventory.WorkQueuePlanner.plan(scan,
                org.apdm.core.inventory.DesiredFrames.fromConfig(config, w -> { }),
                org.apdm.core.inventory.WorkQueuePlanner.Settings.of(config), java.time.Instant.now(clockOf()));
    }

    private static Clock clockOf() {
        return Clock.systemDefaultZone();
    }

    /** The engine every command builds from the configuration. */
    static org.apdm.core.fileops.FileEngine engine(ApdmConfig config) {
        return new org.apdm.core.fileops.FileEngine(config.engineSettings());
    }

    public static int leftBehind(Plan plan, List<OperationOutcome> outcomes) {
        int n = plan.leftBehind().size();
        for (OperationOutcome o : outcomes) {
            if (o.outcome().leavesSourceBehind()) {
                n++;
            }
        }
        return n;
    }

    public static int done(List<OperationOutcome> outcomes) {
        return (int) outcomes.stream().filter(o -> o.outcome() == Outcome.DONE
                && !(o.operation() instanceof org.apdm.core.fileops.FileOperation.MakeDirectory)).count();
    }

    public static int files(Plan plan) {
        return (int) plan.fileCount();
    }

    private static RunStep.Outcome outcome(Plan plan, ExecutionResult ex) {
        return RunStep.Outcome.of(done(ex.outcomes()), leftBehind(plan, ex.outcomes()), ex.cancelled());
    }

    /** True when one of these nights is the rig's (rig folders are compared as written in the archive). */
    static boolean any(List<org.apdm.core.inventory.WorkQueue.Night> nights, String rig) {
        return nights.stream().anyMatch(n -> n.rig().equals(rig));
    }

    private static List<String> rigs(String rig) {
        return rig == null ? List.of() : List.of(rig);
    }

    /** sync-service stop → ingest BIAS, DARK, FLAT, LIGHT → sync-service start (the operation wraps the commands). */
    static final class Ingest implements RunStep {
        private final ApdmConfig config;

        Ingest(ApdmConfig config) {
            this.config = config;
        }

        public String id() {
            return "ingest";
        }

        public Scope scope() {
            return Scope.ALL;
        }

        public boolean usesEngine() {
            return true;
        }

        private IngestOperation.Request request() {
            ApdmConfig.Roots r = config.roots();
            return new IngestOperation.Request(r.raw(), r.data(), r.calibrationOrRaw());
        }

        public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
            if (!Files.isDirectory(config.roots().raw())) {
                return new Preview(0, "no RAW folder " + config.roots().raw());
            }
            IngestOperation.Prepared p = new IngestOperation(config, engine(config)).prepare(request(), l, c);
            return new Preview(files(p.planned().plan()), "");
        }

        public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
            if (!Files.isDirectory(config.roots().raw())) {
                return Outcome.of(0, 0, false);
            }
            IngestOperation op = new IngestOperation(config, engine(config));
            IngestOperation.Prepared p = op.prepare(request(), l, c);
            if (p.planned().plan().isEmpty()) {
                return Outcome.of(0, p.planned().plan().leftBehind().size(), false);
            }
            return outcome(p.planned().plan(), op.execute(p, l, c).execution());
        }
    }

    /** The configured cull passes; groups above the auto-accept share are not decided alone: they become gates. */
    static final class Cull implements RunStep {
        private final ApdmConfig config;

        Cull(ApdmConfig config) {
            this.config = config;
        }

        public String id() {
            return "cull";
        }

        public Scope scope() {
            return Scope.RIG;
        }

        public boolean usesEngine() {
            return true;
        }

        private CullOperation.Result run(String rig, boolean dryRun, List<Gate> gates, ProgressListener l,
                                         CancellationToken c) throws IOException {
            ApdmConfig.Roots r = config.roots();
            CullOperation.Request q = new CullOperation.Request(r.data(), r.reject(), rigs(rig), null, null, dryRun);
            if (q.folderProblem() != null) {
                throw new IOException(q.folderProblem());
            }
            return new CullOperation(config, engine(config), Clock.systemDefaultZone()).run(q, p -> {
                gates.add(gate(p));
                return false;
            }, l, c);
        }

        /** The cull only looks at frames outside accept/: exactly the nights waiting for blink. */
        @Override
        public boolean due(String rig, org.apdm.core.inventory.WorkQueue queue) {
            return any(queue.waitingForBlink(), rig);
        }

        private static Gate gate(GroupProposal p) {
            Path folder = p.group().folder();
            String night = null;
            String target = folder.getNameCount() > 2 ? folder.getName(2).toString() : folder.toString();
            for (Path part : folder) {
                String s = part.toString();
                if (s.startsWith("DATE_")) {
                    night = s.substring(5);
                }
            }
            return new Gate("cull review", p.group().rig(), target, night, p.rejects().size(),
                    p.rejects().size() + " of " + p.group().frames().size() + " frames would be rejected, above the "
                            + "auto-accept share",
                    "review with `apdm cull --rig " + p.group().rig() + "` or the Cull page");
        }

        public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
            List<Gate> gates = new ArrayList<>();
            CullOperation.Result res = run(rig, true, gates, l, c);
            int n = res.groups().stream().filter(g -> g.decision() == CullOperation.Decision.AUTOMATIC)
                    .mapToInt(g -> g.proposal().rejects().size()).sum();
            return new Preview(n, gates.isEmpty() ? "" : gates.size() + " group(s) wait for review");
        }

        public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
            List<Gate> gates = new ArrayList<>();
            CullOperation.Result res = run(rig, false, gates, l, c);
            int done = (int) res.groups().stream().mapToLong(CullOperation.GroupResult::moved).sum();
            int behind = res.unreadable().size() + (int) res.groups().stream()
                    .flatMap(g -> g.outcomes().stream()).filter(o -> o.outcome().leavesSourceBehind()).count();
            return new Outcome(done, behind, res.cancelled(), gates);
        }
    }

    /** calibration distribute: masters next to accepted lights; a flat of another night is never chosen alone. */
    static final class Distribute implements RunStep {
        private final ApdmConfig config;

        Distribute(ApdmConfig config) {
            this.config = config;
        }

        public String id() {
            return "distribute";
        }

        public Scope scope() {
            return Scope.RIG;
        }

        public boolean usesEngine() {
            return true;
        }

        /**
         * Due where an accepted night lacks a master, and where a night looks ready to promote (the inventory
         * compares masters by name, the matcher by every key, so it may still copy one there first).
         */
        @Override
        public boolean due(String rig, org.apdm.core.inventory.WorkQueue queue) {
            return any(queue.missingCalibration(), rig) || any(queue.readyToPromote(), rig);
        }

        private DistributionOperation.Prepared prepare(DistributionOperation op, String rig, ProgressListener l,
                                                       CancellationToken c) throws IOException {
            return op.prepare(new DistributionOperation.Request(config.roots().data(), config.roots().libraryOrData(),
                    rigs(rig), null, null), FlatDecider.UNANSWERED, l, c);
        }

        public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
            return new Preview(files(prepare(new DistributionOperation(config, engine(config)), rig, l, c)
                    .planned().plan()), "");
        }

        public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
            DistributionOperation op = new DistributionOperation(config, engine(config));
            DistributionOperation.Prepared p = prepare(op, rig, l, c);
            if (p.planned().plan().isEmpty()) {
                return Outcome.of(0, 0, false);
            }
            return outcome(p.planned().plan(), op.execute(p, l, c).execution());
        }
    }

    /** promote: fully blinked and calibrated nights from 10_Blink to 20_Data. */
    static final class Promote implements RunStep {
        private final ApdmConfig config;

        Promote(ApdmConfig config) {
            this.config = config;
        }

        public String id() {
            return "promote";
        }

        public Scope scope() {
            return Scope.RIG;
        }

        public boolean usesEngine() {
            return true;
        }

        /**
         * Due where a night is ready to promote; with dark scaling also where the inventory misses a dark of the
         * lights' exposure, because a scaled dark of another exposure (with its bias) may make that night ready.
         */
        @Override
        public boolean due(String rig, org.apdm.core.inventory.WorkQueue queue) {
            return any(queue.readyToPromote(), rig) || config.calibration().darkScaling()
                    && queue.missingCalibration().stream().anyMatch(n -> n.rig().equals(rig)
                    && n.stage().equals(org.apdm.core.layout.ArchiveLayout.BLINK));
        }

        public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
            PromotionOperation op = new PromotionOperation(config, engine(config));
            return new Preview(files(op.prepare(new PromotionOperation.Request(config.roots().data(), rigs(rig),
                    Set.of()), l, c).planned().plan()), "");
        }

        public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
            PromotionOperation op = new PromotionOperation(config, engine(config));
            PromotionOperation.Prepared p = op.prepare(new PromotionOperation.Request(config.roots().data(), rigs(rig),
                    Set.of()), l, c);
            if (p.planned().plan().isEmpty()) {
                return Outcome.of(0, 0, false);
            }
            return outcome(p.planned().plan(), op.execute(p, l, c).execution());
        }
    }

    /** calibration archive: masters waiting in PixInsight's output go to the library. */
    static final class Archive implements RunStep {
        private final ApdmConfig config;

        Archive(ApdmConfig config) {
            this.config = config;
        }

        public String id() {
            return "archive";
        }

        public Scope scope() {
            return Scope.ALL;
        }

        public boolean usesEngine() {
            return true;
        }

        private ArchiveOperation.Request request() {
            ApdmConfig.Roots r = config.roots();
            return new ArchiveOperation.Request(r.pixinsightMasters(), r.libraryOrData(), r.data());
        }

        public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
            if (!Files.isDirectory(config.roots().pixinsightMasters())) {
                return new Preview(0, "");
            }
            return new Preview(files(new ArchiveOperation(config, engine(config)).prepare(request(), l, c)
                    .planned().plan()), "");
        }

        public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
            if (!Files.isDirectory(config.roots().pixinsightMasters())) {
                return Outcome.of(0, 0, false);
            }
            ArchiveOperation op = new ArchiveOperation(config, engine(config));
            ArchiveOperation.Prepared p = op.prepare(request(), l, c);
            if (p.planned().plan().isEmpty()) {
                return Outcome.of(0, 0, false);
            }
            return outcome(p.planned().plan(), op.execute(p, l, c).execution());
        }
    }

    /** calibration clean: raw calibration frames whose master is archived, after everything else. */
    static final class Clean implements RunStep {
        private final ApdmConfig config;

        Clean(ApdmConfig config) {
            this.config = config;
        }

        public String id() {
            return "clean";
        }

        public Scope scope() {
            return Scope.ALL;
        }

        public boolean usesEngine() {
            return true;
        }

        private CleanOperation.Request request() {
            ApdmConfig.Roots r = config.roots();
            return new CleanOperation.Request(r.calibrationOrRaw(), r.libraryOrData(), r.data(), r.pixinsightTemp(),
                    r.pixinsightMasters());
        }

        public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
            if (!Files.isDirectory(config.roots().calibrationOrRaw())) {
                return new Preview(0, "");
            }
            return new Preview(files(new CleanOperation(config, engine(config)).prepare(request(), l, c)
                    .planned().plan()), "");
        }

        public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
            if (!Files.isDirectory(config.roots().calibrationOrRaw())) {
                return Outcome.of(0, 0, false);
            }
            CleanOperation op = new CleanOperation(config, engine(config));
            CleanOperation.Prepared p = op.prepare(request(), l, c);
            if (p.planned().plan().isEmpty()) {
                return Outcome.of(0, 0, false);
            }
            return outcome(p.planned().plan(), op.execute(p, l, c).execution());
        }
    }

    /** calibration integrate (opt-in, calibration.integrate.in_run): Siril makes the masters the library lacks. */
    static final class Integrate implements RunStep {
        private final ApdmConfig config;

        Integrate(ApdmConfig config) {
            this.config = config;
        }

        public String id() {
            return "integrate";
        }

        public Scope scope() {
            return Scope.ALL;
        }

        public boolean usesEngine() {
            return true;
        }

        private org.apdm.core.integrate.IntegrateOperation.Request request() {
            ApdmConfig.Roots r = config.roots();
            return new org.apdm.core.integrate.IntegrateOperation.Request(r.calibrationOrRaw(), r.libraryOrData(),
                    r.data(), Set.of(), null);
        }

        private org.apdm.core.integrate.IntegrateOperation op() {
            return new org.apdm.core.integrate.IntegrateOperation(config, engine(config), clockOf());
        }

        public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
            if (!Files.isDirectory(config.roots().calibrationOrRaw())) {
                return new Preview(0, "");
            }
            var p = op().prepare(request(), l, c);
            int frames = p.plan().groups().stream().mapToInt(g -> g.frames().size()).sum();
            String note = p.plan().groups().isEmpty() ? "" : p.plan().groups().size() + " master(s) to make with Siril";
            try {
                org.apdm.core.integrate.SirilRunner.find(config.calibration().integrate().siril(), System.getenv());
            } catch (org.apdm.core.integrate.SirilRunner.SirilMissingException e) {
                note = p.plan().groups().isEmpty() ? "" : "skipped: " + e.getMessage();
                frames = 0;
            }
            return new Preview(frames, note);
        }

        public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
            if (!Files.isDirectory(config.roots().calibrationOrRaw())) {
                return Outcome.of(0, 0, false);
            }
            var op = op();
            var p = op.prepare(request(), l, c);
            if (p.plan().groups().isEmpty()) {
                return Outcome.of(0, 0, false);
            }
            org.apdm.core.integrate.SirilRunner siril;
            try {
                siril = org.apdm.core.integrate.SirilRunner.find(config.calibration().integrate().siril(), System.getenv());
            } catch (org.apdm.core.integrate.SirilRunner.SirilMissingException e) {
                l.onMessage("integrate skipped: " + e.getMessage());
                return Outcome.of(0, 0, false);
            }
            var r = op.execute(p, siril, l, c);
            org.apdm.core.summary.IntegrateSummary.lines(p, r, false).forEach(l::onMessage);
            int frames = p.plan().groups().stream().filter(g -> r.failed().stream().noneMatch(f -> f.group().equals(g)))
                    .mapToInt(g -> g.frames().size()).sum();
            int failedFrames = r.failed().stream().mapToInt(f -> f.group().frames().size()).sum();
            return Outcome.of(frames, failedFrames, false);
        }
    }
}
