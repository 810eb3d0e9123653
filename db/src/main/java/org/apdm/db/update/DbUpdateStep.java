package org.apdm.db.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.run.RunStep;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseSetup;

/** db update: accepted frames into the astrophotography database, when that database exists. */
public final class DbUpdateStep implements RunStep {
    private final ApdmConfig config;

    public DbUpdateStep(ApdmConfig config) {
        this.config = config;
    }

    public String id() {
        return "db-update";
    }

    public Scope scope() {
        return Scope.RIG;
    }

    public boolean usesEngine() {
        return true; // opening the database may take a backup through the engine
    }

    private Path file() {
        return config.database();
    }

    private DbUpdateOperation.Result run(String rig, boolean dryRun, ProgressListener l, CancellationToken c)
            throws IOException {
        try (AstroDatabase db = DatabaseSetup.open(config, file(), new org.apdm.core.fileops.FileEngine(config.engineSettings()), Clock.systemDefaultZone(),
                false)) {
            return new DbUpdateOperation(config, db).run(new DbUpdateOperation.Request(config.roots().data(),
                    rig == null ? Set.of() : Set.of(rig), true, true, false, dryRun), l, c);
        } catch (org.apdm.db.DatabaseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public Preview preview(String rig, ProgressListener l, CancellationToken c) throws IOException {
        if (file() == null || !Files.isRegularFile(file())) {
            return new Preview(0, "no database " + (file() == null ? "configured" : "at " + file())
                    + " (create it with `apdm db update`); skipped");
        }
        return new Preview(run(rig, true, l, c).plan().changes().size(), "");
    }

    public Outcome execute(String rig, ProgressListener l, CancellationToken c) throws IOException {
        if (file() == null || !Files.isRegularFile(file())) {
            return Outcome.of(0, 0, false);
        }
        DbUpdateOperation.Result r = run(rig, false, l, c);
        return Outcome.of(r.plan().changes().size(), r.problems().size(), false);
    }
}
