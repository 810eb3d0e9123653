package org.apdm.core.calibration;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.fileops.RecoveryReport;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.sync.SyncServiceRunner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.OperationCancelledException;
import org.apdm.core.task.ProgressListener;

/**
 * {@code apdm calibration clean}: delete raw calibration frames the library covers, and empty PixInsight's temporary
 * calibration folder (see {@link CleanPlanner}). Whether a master in the temp folder is archived is decided by
 * content: the file engine's preview of its copy into the library must say "already done".
 */
public final class CleanOperation {

    /**
     * @param raw               the folder holding the raw BIAS, DARK and FLAT folders
     * @param library           the library root
     * @param data              the data root (rig folders; never emptied)
     * @param pixinsightTemp    PixInsight's temp root, or null to leave it alone
     * @param pixinsightMasters PixInsight's master output (inside the temp root), or null
     */
    public record Request(Path raw, Path library, Path data, Path pixinsightTemp, Path pixinsightMasters) {
    }

    /**
     * @param tempFolder the temp folder to empty, or null
     */
    public record Prepared(Request request, CleanPlanner.Result planned, Path tempFolder, int scanned,
                           RecoveryReport recovery) {
    }

    public record Result(Prepared prepared, ExecutionResult execution) {
    }

    private final ApdmConfig config;
    private final FileEngine engine;

    public CleanOperation(ApdmConfig config, FileEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    public Prepared prepare(Request request, ProgressListener listener, CancellationToken cancel) throws IOException {
        RecoveryReport recovery = engine.recover();
        CalibrationRigs rigs = CalibrationRigs.of(config, NightFolderScanner.rigFolders(request.data()));
        MetadataReader reader = new MetadataReader(config.normalization());
        List<Path> rawFiles = new ArrayList<>();
        for (MasterKind k : MasterKind.values()) {
            for (Path f : FileWalker.files(request.raw().resolve(k.rawType().folderName()), d -> true, cancel)) {
                if (ImageFormat.of(f).isImage()) {
                    rawFiles.add(f);
                }
            }
        }
        listener.onMessage("reading " + rawFiles.size() + " raw calibration frames in " + request.raw());
        List<ScannedFrame> raw = new FrameScanner(reader).read(request.raw(), rawFiles, f -> FrameScanner.ReadSpec.RAW,
                listener, cancel);
        LibraryLayout layout = config.calibration().libraryLayout();
        MasterScanner.Scan library = new LibraryScanner(reader, layout, rigs).scan(request.library(), listener, cancel);
        MasterIndex index = MasterIndex.of(library.masters());

        CleanPlanner.TempFolder temp = null;
        Path folder = CleanPlanner.temporaryFolder(request.pixinsightTemp(), request.pixinsightMasters());
        if (request.pixinsightTemp() != null) {
            List<Path> archiveRoots = new ArrayList<>();
            for (Path p : new Path[] {request.data(), request.library(), request.raw()}) {
                if (p != null) {
                    archiveRoots.add(p);
                }
            }
            String refusal = CleanPlanner.refusal(request.pixinsightTemp(), folder, archiveRoots);
            List<CleanPlanner.TempFile> files = refusal == null && Files.isDirectory(folder)
                    ? tempFiles(folder, request.library(), index, layout, rigs, reader, listener, cancel) : List.of();
            temp = new CleanPlanner.TempFolder(request.pixinsightTemp(), folder, refusal, files);
        }
        CleanPlanner.Result planned = CleanPlanner.plan(raw, request.raw(), index, rigs, temp);
        return new Prepared(request, planned, temp == null || temp.refusal() != null ? null : folder, rawFiles.size(),
                recovery);
    }

    private List<CleanPlanner.TempFile> tempFiles(Path folder, Path library, MasterIndex index, LibraryLayout layout,
                                                  CalibrationRigs rigs,
                                                  MetadataReader reader, ProgressListener listener,
                                                  CancellationToken cancel) throws IOException {
        List<Path> regular = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (cancel.isCancelled()) {
                    throw new OperationCancelledException();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // links are reported here, never followed (walkFileTree does not follow without FOLLOW_LINKS)
                if (attrs.isSymbolicLink() || attrs.isOther()) {
                    links.add(file);
                } else if (attrs.isRegularFile() && !FileWalker.isInternal(file.getFileName().toString())) {
                    regular.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        regular.sort(null);
        List<Path> images = regular.stream().filter(f -> ImageFormat.of(f).isImage()).toList();
        MasterScanner.Scan scan = new MasterScanner(reader).scan(folder, images, MasterScanner.NO_FOLDER_VALUES,
                listener, cancel);
        Map<Path, MasterFrame> masters = new HashMap<>();
        scan.masters().forEach(m -> masters.put(m.file(), m));
        // archived = an identical file in the library: under its archive name, or any library master with its keys
        List<FileOperation> probes = new ArrayList<>();
        for (MasterFrame m : scan.masters()) {
            java.util.Set<Path> candidates = new java.util.LinkedHashSet<>();
            ArchivePlanner.Target t = ArchivePlanner.target(m, library, layout, rigs);
            if (t.destination() != null && Files.exists(t.destination())) {
                candidates.add(t.destination());
            }
            List<org.apdm.core.metadata.Field> keys = rigs.keysFor(m.kind(), m.metadata());
            MatchValues mv = MatchValues.of(m.metadata());
            for (MasterIndex.Entry e : index.candidates(m.kind(), keys, mv)) {
                if (mv.sameAs(e.values(), keys)) {
                    candidates.add(e.master().file());
                }
            }
            for (Path c : candidates) {
                probes.add(new FileOperation.Copy(m.file(), c, "archived?"));
            }
        }
        Map<Path, Boolean> archived = new HashMap<>();
        for (OperationOutcome o : engine.preview(new Plan("archived?", probes, List.of(), List.of(library), List.of()))) {
            archived.merge(o.operation().source(), o.outcome() == Outcome.ALREADY_DONE, Boolean::logicalOr);
        }
        java.util.Set<Path> unreadableMasters = new java.util.HashSet<>();
        for (LeftBehind u : scan.unreadable()) {
            if (u.file().getFileName().toString().toLowerCase(Locale.ROOT).startsWith("master")) {
                unreadableMasters.add(u.file());
            }
        }
        List<CleanPlanner.TempFile> out = new ArrayList<>();
        for (Path f : regular) {
            MasterFrame m = masters.get(f);
            boolean otherMaster = m == null && (unreadableMasters.contains(f)
                    || (ImageFormat.of(f).isImage() && NightFolderScanner.isMasterName(f)));
            out.add(new CleanPlanner.TempFile(f, false, m, m != null && archived.getOrDefault(f, false), otherMaster));
        }
        for (Path l : links) {
            out.add(new CleanPlanner.TempFile(l, true, null, false, false));
        }
        return out;
    }

    public List<OperationOutcome> preview(Prepared prepared) {
        return engine.preview(prepared.planned().plan());
    }

    public Result execute(Prepared prepared, ProgressListener listener, CancellationToken cancel) throws IOException {
        SyncServiceRunner sync = new SyncServiceRunner(config.sync(), listener);
        ExecutionResult r = sync.around(() -> engine.execute(prepared.planned().plan(), listener, cancel));
        return new Result(prepared, r);
    }
}
