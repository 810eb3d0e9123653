package org.apdm.core.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.RecoveryReport;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.sync.SyncServiceRunner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * {@code apdm calibration distribute}: copy matching masters from the library into every night of lights in the
 * rigs' {@code 10_Blink}. The library is read once; rigs are scanned (and, unless the user may be asked, matched)
 * in parallel; the copies run through the {@link FileEngine}, wrapped in the sync-service commands.
 */
public final class DistributionOperation {

    /**
     * @param data         the data root
     * @param library      the library root
     * @param rigs         rig folders; empty for every rig with a 10_Blink
     * @param flatFallback replaces the configured policy, or null
     * @param darkScaling  replaces the configured setting, or null
     */
    public record Request(Path data, Path library, List<String> rigs, FlatFallback flatFallback, Boolean darkScaling) {
        public Request {
            rigs = List.copyOf(rigs);
        }
    }

    /**
     * @param masters    masters in the library
     * @param unreadable library files that could not be read
     */
    public record Prepared(Request request, DistributionPlanner.Result planned, CalibrationMatcher.Policy policy,
                           int masters, List<LeftBehind> unreadable, List<String> notes, Duration scanTime,
                           RecoveryReport recovery) {
    }

    public record Result(Prepared prepared, ExecutionResult execution) {
    }

    private final ApdmConfig config;
    private final FileEngine engine;

    public DistributionOperation(ApdmConfig config, FileEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    public Prepared prepare(Request request, FlatDecider decider, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        RecoveryReport recovery = engine.recover();
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        List<String> rigs = new ArrayList<>();
        if (request.rigs().isEmpty()) {
            rigs.addAll(NightFolderScanner.rigsWithBlink(request.data()));
        } else {
            for (String r : request.rigs()) {
                if (Files.isDirectory(request.data().resolve(r).resolve(ArchiveLayout.BLINK))) {
                    rigs.add(r);
                } else {
                    notes.add(r + ": no " + ArchiveLayout.BLINK + " folder in " + request.data() + "; skipped");
                }
            }
        }
        CalibrationRigs calibrationRigs = CalibrationRigs.of(config, NightFolderScanner.rigFolders(request.data()));
        MetadataReader reader = new MetadataReader(config.normalization());
        MasterScanner.Scan library = new LibraryScanner(reader, config.calibration().libraryLayout(), calibrationRigs)
                .scan(request.library(), listener, cancel);
        MasterIndex index = MasterIndex.of(library.masters());
        NightFolderScanner scanner = new NightFolderScanner(reader);
        listener.onMessage("scanning 10_Blink of " + rigs.size() + " rig(s)");
        List<NightFolderScanner.RigScan> scans = scanner.scan(request.data(), rigs, listener, cancel);
        List<DistributionPlanner.RigInput> inputs = new ArrayList<>();
        for (NightFolderScanner.RigScan s : scans) {
            notes.addAll(s.notes());
            inputs.add(new DistributionPlanner.RigInput(s, calibrationRigs.keys(s.rig(), s.readout()),
                    config.rigChanges(s.rig())));
        }
        CalibrationMatcher.Policy policy = new CalibrationMatcher.Policy(
                request.flatFallback() != null ? request.flatFallback() : config.calibration().flatFallback(),
                request.darkScaling() != null ? request.darkScaling() : config.calibration().darkScaling());
        CalibrationMatcher matcher = new CalibrationMatcher(index, policy, decider);
        DistributionPlanner.Result planned = DistributionPlanner.plan(inputs, matcher, request.data(),
                policy.flatFallback() != FlatFallback.ASK);
        return new Prepared(request, planned, policy, index.size(), library.unreadable(), notes,
                Duration.ofNanos(System.nanoTime() - start), recovery);
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
