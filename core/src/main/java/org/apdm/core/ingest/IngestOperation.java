package org.apdm.core.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.RecoveryReport;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.sync.SyncServiceRunner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * "Prep of RAW data": scan the N.I.N.A. dump, plan, and (after approval) carry the plan out through
 * the {@link FileEngine}, wrapped in the sync-service commands. The command line and the window
 * both use this class; neither has its own implementation.
 */
public final class IngestOperation {

    /** The folders of one run. */
    public record Request(Path raw, Path data, Path calibration) {

        /** Why these folders cannot work together, or null: ingest would sort its own output again. */
        public String folderProblem() {
            return data.startsWith(raw) || raw.startsWith(data)
                    ? "the data folder " + data + " and the RAW folder " + raw + " must not contain one another" : null;
        }
    }

    /** A plan ready to show and approve. */
    public record Prepared(Request request, IngestPlanner.Result planned, int scanned, Duration scanTime,
                           RecoveryReport recovery) {
    }

    /** What a run did. */
    public record Result(Prepared prepared, ExecutionResult execution, Duration runTime) {
    }

    private final ApdmConfig config;
    private final FileEngine engine;

    public IngestOperation(ApdmConfig config, FileEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    /** Recovers any interrupted run, scans the RAW folder and plans. Changes no file except recovery's. */
    public Prepared prepare(Request request, ProgressListener listener, CancellationToken cancel) throws IOException {
        RecoveryReport recovery = engine.recover();
        long start = System.nanoTime();
        FrameScanner scanner = new FrameScanner(new MetadataReader(config.normalization()));
        List<Path> files = FrameScanner.list(request.raw(), cancel);
        listener.onMessage("scanning " + files.size() + " files in " + request.raw());
        List<ScannedFrame> frames = scanner.read(request.raw(), files, f -> FrameScanner.ReadSpec.RAW, listener, cancel);
        Duration scanTime = Duration.ofNanos(System.nanoTime() - start);
        IngestPlanner.Result planned = IngestPlanner.plan(frames,
                new IngestPlanner.Roots(request.raw(), request.data(), request.calibration()),
                targetsWithoutAccept(request.data()));
        return new Prepared(request, planned, files.size(), scanTime, recovery);
    }

    /** {@code {data}/{rig}/10_Blink/{target}} folders that lack {@code accept/}: folders only, no file reads. */
    static List<Path> targetsWithoutAccept(Path data) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        if (!Files.isDirectory(data)) {
            return out;
        }
        try (DirectoryStream<Path> rigs = Files.newDirectoryStream(data, Files::isDirectory)) {
            for (Path rig : rigs) {
                Path blink = rig.resolve(ArchiveLayout.BLINK);
                if (!Files.isDirectory(blink)) {
                    continue;
                }
                try (DirectoryStream<Path> targets = Files.newDirectoryStream(blink, Files::isDirectory)) {
                    for (Path target : targets) {
                        if (!Files.isDirectory(target.resolve(ArchiveLayout.ACCEPT))) {
                            out.add(target.toAbsolutePath().normalize());
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** What the run would do, reading but not changing any file (the dry run). */
    public List<OperationOutcome> preview(Prepared prepared) {
        return engine.preview(prepared.planned().plan());
    }

    /** Carries out an approved plan. */
    public Result execute(Prepared prepared, ProgressListener listener, CancellationToken cancel) throws IOException {
        long start = System.nanoTime();
        SyncServiceRunner sync = new SyncServiceRunner(config.sync(), listener);
        ExecutionResult execution = sync.around(() -> engine.execute(prepared.planned().plan(), listener, cancel));
        return new Result(prepared, execution, Duration.ofNanos(System.nanoTime() - start));
    }
}
