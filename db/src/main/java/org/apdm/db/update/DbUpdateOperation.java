package org.apdm.db.update;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.inventory.InventoryScan;
import org.apdm.core.inventory.InventoryScanner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AcceptedDataRepository;
import org.apdm.db.AcceptedRow;
import org.apdm.db.AstroDatabase;
import org.apdm.db.LocationRepository;

/**
 * {@code apdm db update}: scan the archive (all rigs in parallel), plan how {@code accepted_data} follows it,
 * and write the plan in one transaction (all of it or none). Used by the command line and the window.
 */
public final class DbUpdateOperation {

    /**
     * @param dataRoot the archive root
     * @param rigs     rig folder names to update; empty for all
     * @param dryRun   plan only; write nothing
     */
    public record Request(Path dataRoot, Set<String> rigs, boolean create, boolean update, boolean delete,
                          boolean dryRun) {
        public Request {
            rigs = Set.copyOf(rigs);
        }
    }

    /** What a run found and did. */
    public record Result(Request request, AcceptedDataPlanner.Plan plan, InventoryScan scan, List<String> warnings,
                         List<LeftBehind> problems, Duration scanTime, Duration writeTime, boolean written) {
    }

    private final ApdmConfig config;
    private final AstroDatabase db;

    public DbUpdateOperation(ApdmConfig config, AstroDatabase db) {
        this.config = config;
        this.db = db;
    }

    /** Scans, plans and (unless a dry run) writes the plan in one transaction. */
    public Result run(Request request, ProgressListener listener, CancellationToken cancel) throws IOException {
        Result planned = plan(request, listener, cancel);
        cancel.throwIfCancelled();
        return request.dryRun() ? planned : write(planned, listener);
    }

    /** Scans the archive and plans the changes to {@code accepted_data}; writes nothing. */
    public Result plan(Request request, ProgressListener listener, CancellationToken cancel) throws IOException {
        if (!request.create() && !request.update() && !request.delete()) {
            throw new IllegalArgumentException("at least one of create, update, delete");
        }
        long start = System.nanoTime();
        InventoryScan scan = new InventoryScanner(config).scan(request.dataRoot(),
                InventoryScanner.Options.DATABASE.withRigs(request.rigs()), listener, cancel);
        Duration scanTime = Duration.ofNanos(System.nanoTime() - start);
        List<LocationRepository.Row> locations = db.read("reading the sites",
                c -> new LocationRepository(c).all());
        List<AcceptedRow> existing = db.read("reading accepted_data", c -> new AcceptedDataRepository(c).all());
        AcceptedRowBuilder.Rows rows = AcceptedRowBuilder.rows(scan, locations, config.locations().matchWithinKm());
        List<Path> unreadable = scan.inventory().problems().stream().filter(p -> p.reason().startsWith("cannot read folder"))
                .map(LeftBehind::file).toList();
        Set<String> rigs = request.rigs().stream().map(ApdmConfig::canonicalRig).collect(Collectors.toSet());
        AcceptedDataPlanner.Plan plan = AcceptedDataPlanner.plan(new AcceptedDataPlanner.Input(scan.inventory().dataRoot(),
                rigs, rows.rows(), existing, unreadable, request.create(), request.update(), request.delete()));
        List<String> warnings = new ArrayList<>(rows.warnings());
        warnings.addAll(plan.notes());
        return new Result(request, plan, scan, warnings, scan.inventory().problems(), scanTime, Duration.ZERO, false);
    }

    /**
     * Writes a plan made by {@link #plan} in one transaction (all of it or none): the window shows the plan, the user
     * approves, and exactly those changes are written.
     */
    public Result write(Result planned, ProgressListener listener) throws IOException {
        AcceptedDataPlanner.Plan plan = planned.plan();
        long write = System.nanoTime();
        boolean written = false;
        if (!plan.changes().isEmpty()) {
            listener.onMessage("writing " + plan.changes().size() + " change(s) to " + db.file());
            db.inTransaction("updating accepted_data", c -> {
                AcceptedDataRepository repo = new AcceptedDataRepository(c);
                for (AcceptedDataPlanner.Change ch : plan.changes()) {
                    if (ch instanceof AcceptedDataPlanner.Change.Insert i) {
                        repo.insert(i.row());
                    } else if (ch instanceof AcceptedDataPlanner.Change.Update u) {
                        repo.update(u.old().id(), u.row());
                    } else if (ch instanceof AcceptedDataPlanner.Change.Move m) {
                        repo.update(m.old().id(), m.row());
                    } else if (ch instanceof AcceptedDataPlanner.Change.Delete d) {
                        repo.delete(d.old().id());
                    }
                }
                return null;
            });
            written = true;
        }
        Request request = planned.request();
        return new Result(new Request(request.dataRoot(), request.rigs(), request.create(), request.update(),
                request.delete(), false), plan, planned.scan(), planned.warnings(), planned.problems(), planned.scanTime(),
                Duration.ofNanos(System.nanoTime() - write), written);
    }
}
