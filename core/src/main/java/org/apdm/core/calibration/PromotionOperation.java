package org.apdm.core.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.RecoveryReport;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.sync.SyncServiceRunner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * {@code apdm promote}: move reviewed, calibrated nights from {@code 10_Blink} to {@code 20_Data} (see
 * {@link PromotionPlanner}); moves go through the journaled {@link FileEngine}, wrapped in the sync-service commands.
 */
public final class PromotionOperation {

    /**
     * @param data    the data root
     * @param rigs    rig folders; empty for every rig with a 10_Blink
     * @param targets target folders; empty for all
     */
    public record Request(Path data, List<String> rigs, Set<String> targets) {
        public Request {
            rigs = List.copyOf(rigs);
            targets = Set.copyOf(targets);
        }
    }

    public record Prepared(Request request, PromotionPlanner.Result planned, List<String> notes, RecoveryReport recovery) {
    }

    public record Result(Prepared prepared, ExecutionResult execution) {
    }

    private final ApdmConfig config;
    private final FileEngine engine;

    public PromotionOperation(ApdmConfig config, FileEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    public Prepared prepare(Request request, ProgressListener listener, CancellationToken cancel) throws IOException {
        RecoveryReport recovery = engine.recover();
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
        NightFolderScanner scanner = new NightFolderScanner(new MetadataReader(config.normalization()));
        List<NightFolderScanner.RigScan> scans = scanner.scan(request.data(), rigs, listener, cancel);
        List<PromotionPlanner.RigInput> inputs = new ArrayList<>();
        for (NightFolderScanner.RigScan s : scans) {
            notes.addAll(s.notes());
            inputs.add(new PromotionPlanner.RigInput(s, calibrationRigs.keys(s.rig(), s.readout())));
        }
        PromotionPlanner.Result planned = PromotionPlanner.plan(inputs, config.calibration().darkScaling(),
                request.data(), request.targets());
        return new Prepared(request, planned, notes, recovery);
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
