package org.apdm.core.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.RecoveryReport;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.sync.SyncServiceRunner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * {@code apdm calibration archive}: copy PixInsight's master bias, darks and flats into the library. Scan → plan
 * ({@link ArchivePlanner}) → execute through the {@link FileEngine}, wrapped in the sync-service commands.
 */
public final class ArchiveOperation {

    /**
     * @param from    PixInsight's master output folder
     * @param library the library root
     * @param data    the data root (its rig folders tell which cameras belong to which rigs); may be null
     * @param move    move the masters instead of copying them (apdm's own masters from {@code calibration
     *                integrate}, which nothing else keeps); PixInsight's are always copied
     */
    public record Request(Path from, Path library, Path data, boolean move) {

        public Request(Path from, Path library, Path data) {
            this(from, library, data, false);
        }

        /** Why these folders cannot work together, or null: a library inside the master folder would archive itself. */
        public String folderProblem() {
            return library.startsWith(from)
                    ? "the library " + library + " must not lie inside the master folder " + from : null;
        }
    }

    public record Prepared(Request request, ArchivePlanner.Result planned, int scanned, Duration scanTime,
                           RecoveryReport recovery) {
    }

    public record Result(Prepared prepared, ExecutionResult execution) {
    }

    private final ApdmConfig config;
    private final FileEngine engine;

    public ArchiveOperation(ApdmConfig config, FileEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    public Prepared prepare(Request request, ProgressListener listener, CancellationToken cancel) throws IOException {
        RecoveryReport recovery = engine.recover();
        long start = System.nanoTime();
        CalibrationRigs rigs = CalibrationRigs.of(config, NightFolderScanner.rigFolders(request.data()));
        List<Path> files = FileWalker.files(request.from(), d -> true, cancel);
        listener.onMessage("reading " + files.size() + " files in " + request.from());
        MasterScanner.Scan scan = new MasterScanner(new MetadataReader(config.normalization()))
                .scan(request.from(), files, MasterScanner.NO_FOLDER_VALUES, listener, cancel);
        ArchivePlanner.Result planned = ArchivePlanner.plan(scan, request.library(),
                config.calibration().libraryLayout(), rigs, request.move());
        return new Prepared(request, planned, files.size(), Duration.ofNanos(System.nanoTime() - start), recovery);
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
