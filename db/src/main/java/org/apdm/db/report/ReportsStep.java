package org.apdm.db.report;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.run.RunStep;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseSetup;

/**
 * {@code apdm report} as the last step of {@code apdm run}: each target folder's astrobin_csv.txt and totals.txt
 * rewritten from the database, as the command does without --html or --csv. Skipped where there is no database.
 */
public final class ReportsStep implements RunStep {
    private final ApdmConfig config;

    public ReportsStep(ApdmConfig config) {
        this.config = config;
    }

    public String id() {
        return "reports";
    }

    public Scope scope() {
        return Scope.ALL;
    }

    public boolean usesEngine() {
        return true; // a file apdm did not write is set aside through the engine
    }

    private boolean noDatabase() {
        return config.database() == null || !Files.isRegularFile(config.database());
    }

    private ReportOperation.Result run(boolean dryRun, ProgressListener l) throws IOException {
        List<String> warnings = new ArrayList<>();
        DesiredFrames desired = DesiredFrames.fromConfig(config, warnings::add);
        org.apdm.core.fileops.FileEngine engine = new org.apdm.core.fileops.FileEngine(config.engineSettings());
        try (AstroDatabase db = DatabaseSetup.open(config, config.database(), engine, Clock.systemDefaultZone(), false)) {
            ReportOperation.Result r = new ReportOperation(config, db, new ReportFileWriter(db, engine,
                    Clock.systemDefaultZone())).run(new ReportOperation.Request(null, Set.of(), true, null, null, dryRun),
                    desired);
            warnings.forEach(l::onMessage);
            return r;
        } catch (org.apdm.db.DatabaseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static int changed(ReportOperation.Result r) {
        return (int) r.files().stream().filter(o -> o.status() != ReportFileWriter.Status.UNCHANGED).count();
    }

    public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
        if (noDatabase()) {
            return new Preview(0, "no apdm database yet (`apdm db update` makes it); skipped");
        }
        return new Preview(changed(run(true, ProgressListener.NONE)), "");
    }

    public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
        if (noDatabase()) {
            return Outcome.of(0, 0, false);
        }
        c.throwIfCancelled();
        return Outcome.of(changed(run(false, l)), 0, false);
    }
}
