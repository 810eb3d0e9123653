package org.apdm.core.integrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apdm.core.calibration.ArchiveOperation;
import org.apdm.core.calibration.CalibrationRigs;
import org.apdm.core.calibration.LibraryScanner;
import org.apdm.core.calibration.MasterIndex;
import org.apdm.core.calibration.MasterKind;
import org.apdm.core.calibration.MasterScanner;
import org.apdm.core.calibration.MatchValues;
import org.apdm.core.calibration.NightFolderScanner;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.StateFiles;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.Progress;
import org.apdm.core.task.ProgressListener;

/**
 * {@code apdm calibration integrate}: the raw bias, darks and flats organised by ingest become masters made by
 * Siril, one per group of {@link IntegrationPlanner}, which then go into the library through the same archive
 * step and file engine as PixInsight's masters. Raw frames are only read: Siril works on links to them in a work
 * folder of apdm's state folder.
 */
public final class IntegrateOperation {

    /**
     * @param raw     the folder holding the raw BIAS, DARK and FLAT folders
     * @param library the library root
     * @param data    the data root, for its rig folders; may be null
     * @param kinds   the kinds to integrate (all when empty)
     * @param camera  only this camera's frames ({@code --rig}); null for all
     */
    public record Request(Path raw, Path library, Path data, Set<MasterKind> kinds, String camera) {
    }

    /**
     * @param library the library's masters as scanned, for the master bias of the flats
     * @param rigs    the rigs' matching keys
     */
    public record Prepared(Request request, IntegrationPlanner.Plan plan, int scanned, MasterIndex library,
                           CalibrationRigs rigs) {
    }

    /** A group Siril could not integrate; its raw frames are untouched. */
    public record Failure(IntegrationPlanner.Group group, String reason) {
    }

    /**
     * @param work    this run's work folder in the state folder (links, Siril's files), removed when complete
     * @param made    the masters Siril made (in the work folder), archived by {@code archive}
     * @param archive the archive of them into the library, or null when none was made
     */
    public record Result(Prepared prepared, Path work, List<Path> made, List<Failure> failed, ArchiveOperation.Result archive) {

        /** No group failed and every made master is in the library (then the work folder is gone). */
        public boolean complete() {
            if (!failed.isEmpty()) {
                return false;
            }
            return archive == null || (archive.execution().outcomes().stream().noneMatch(o -> o.outcome().leavesSourceBehind())
                    && archive.prepared().planned().plan().leftBehind().isEmpty());
        }
    }

    private final ApdmConfig config;
    private final FileEngine engine;
    private final Clock clock;

    public IntegrateOperation(ApdmConfig config, FileEngine engine, Clock clock) {
        this.config = config;
        this.engine = engine;
        this.clock = clock;
    }

    public Prepared prepare(Request request, ProgressListener listener, CancellationToken cancel) throws IOException {
        engine.recover();
        CalibrationRigs rigs = CalibrationRigs.of(config, NightFolderScanner.rigFolders(request.data()));
        MetadataReader reader = new MetadataReader(config.normalization());
        List<Path> files = new ArrayList<>();
        for (MasterKind k : MasterKind.values()) {
            for (Path f : FileWalker.files(request.raw().resolve(k.rawType().folderName()), d -> true, cancel)) {
                if (ImageFormat.of(f).isImage()) {
                    files.add(f);
                }
            }
        }
        listener.onMessage("reading " + files.size() + " raw calibration frames in " + request.raw());
        List<ScannedFrame> raw = new FrameScanner(reader).read(request.raw(), files, f -> FrameScanner.ReadSpec.RAW,
                listener, cancel);
        MasterScanner.Scan library = new LibraryScanner(reader, config.calibration().libraryLayout(), rigs)
                .scan(request.library(), listener, cancel);
        MasterIndex index = MasterIndex.of(library.masters());
        IntegrationPlanner.Plan plan = IntegrationPlanner.plan(raw, index, rigs,
                request.kinds(), config.calibration().integrate().minFrames()).onlyCamera(request.camera());
        return new Prepared(request, plan, files.size(), index, rigs);
    }

    /** Runs Siril for each group (bias first: a flat is calibrated with its master bias), then archives the masters. */
    public Result execute(Prepared prepared, SirilRunner siril, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        String batch = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                .format(clock.instant().atZone(clock.getZone()));
        Path work = config.stateDir().resolve("integrate").resolve(batch);
        Path masters = work.resolve("masters");
        List<Path> made = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        Map<IntegrationPlanner.Group, Path> biasMasters = new HashMap<>();
        int n = 0;
        long total = prepared.plan().groups().stream().mapToLong(g -> g.frames().size()).sum();
        long done = 0;
        for (IntegrationPlanner.Group g : prepared.plan().groups()) {
            cancel.throwIfCancelled();
            n++;
            listener.onProgress(new Progress("integrate", done, total, g.label()));
            done += g.frames().size();
            listener.onMessage(String.format(Locale.ROOT, "Siril: %s (%d frames), group %d of %d", g.label(),
                    g.frames().size(), n, prepared.plan().groups().size()));
            Path dir = work.resolve(String.format(Locale.ROOT, "%03d-%s", n, g.kind().label()));
            try {
                Path links = dir.resolve("frames");
                link(g.frames(), links);
                Path bias = null;
                if (g.kind() == MasterKind.FLAT) {
                    bias = biasFor(g, biasMasters, prepared);
                }
                Path out = dir.resolve("master");
                siril.run(SirilScript.of(g.kind(), links, dir.resolve("seq"), out, bias,
                        config.calibration().integrate().stack().get(g.kind()), bias == null ? null : siril.version()),
                        dir, dir.resolve("master.fit"), cancel); // only calibrating flats depends on the version
                Path master = masters.resolve(name(g, n));
                MasterHeaders.write(dir.resolve("master.fit"), master, g.kind(), g.sample(), g.frames().size());
                made.add(master);
                if (g.kind() == MasterKind.BIAS) {
                    biasMasters.put(g, master);
                }
            } catch (SirilRunner.SirilFailedException | java.nio.file.FileSystemException e) {
                failed.add(new Failure(g, e.getMessage()));
            }
        }
        listener.onProgress(new Progress("integrate", total, total, ""));
        ArchiveOperation.Result archived = null;
        if (!made.isEmpty()) {
            ArchiveOperation archive = new ArchiveOperation(config, engine);
            ArchiveOperation.Prepared p = archive.prepare(new ArchiveOperation.Request(masters,
                    prepared.request().library(), prepared.request().data(), true), listener, cancel);
            archived = archive.execute(p, listener, cancel);
        }
        Result result = new Result(prepared, work, made, failed, archived);
        if (result.complete()) {
            StateFiles.removeTree(work, config.stateDir()); // links and Siril's files; a failed run's stay to be read
        }
        return result;
    }

    /** A master bias for the flats: one made in this run, else the library's, with the flats' bias values. */
    private static Path biasFor(IntegrationPlanner.Group flats, Map<IntegrationPlanner.Group, Path> made,
                                Prepared prepared) {
        MatchValues v = MatchValues.of(flats.sample());
        for (Map.Entry<IntegrationPlanner.Group, Path> e : made.entrySet()) {
            if (v.sameAs(MatchValues.of(e.getKey().sample()), e.getKey().keys())) {
                return e.getValue();
            }
        }
        List<Field> keys = prepared.rigs().keysFor(MasterKind.BIAS, flats.sample());
        for (MasterIndex.Entry e : prepared.library().candidates(MasterKind.BIAS, keys, v)) {
            if (v.sameAs(e.values(), keys)) {
                return e.master().file();
            }
        }
        return null; // Siril then stacks the flats uncalibrated, as WBPP does without a bias
    }

    /** masterDark_… names the archive step reads (it renames into the library's own names). */
    private static String name(IntegrationPlanner.Group g, int n) {
        String base = g.kind().prefix();
        if (g.kind() == MasterKind.FLAT && g.sample().has(Field.DATE)) {
            base += "_DATE_" + g.sample().get(Field.DATE);
        }
        return String.format(Locale.ROOT, "%s_%03d.fits", base, n);
    }

    /** Links to the frames in the work folder, so Siril reads them in place and writes only there. */
    private static void link(List<Path> frames, Path dir) throws IOException {
        Files.createDirectories(dir);
        int i = 0;
        for (Path f : frames) {
            String ext = ImageFormat.extension(f.getFileName().toString());
            StateFiles.link(dir.resolve(String.format(Locale.ROOT, "raw_%05d%s", ++i, ext.toLowerCase(Locale.ROOT))), f);
        }
    }
}
