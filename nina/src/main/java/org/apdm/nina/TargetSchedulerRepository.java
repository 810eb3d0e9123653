package org.apdm.nina;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the N.I.N.A. Target Scheduler plugin's database ({@code schedulerdb.sqlite}).
 *
 * <p>Its shape is checked with {@code PRAGMA table_info} (never trusting {@code user_version}). Writing is
 * one transaction begun with {@code BEGIN IMMEDIATE} under a busy timeout: while N.I.N.A. holds the file
 * apdm waits, tries once more, then gives up with a clear error and an untouched file. Inside the lock a
 * backup copy is taken first; every UPDATE repeats the values read in its WHERE clause, so a row the
 * plugin changed in between is not overwritten but reported.
 */
public final class TargetSchedulerRepository {

    static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("project", List.of("Id", "profileId", "name", "state", "isMosaic", "enablegrader"));
        REQUIRED.put("target", List.of("Id", "name", "projectid"));
        REQUIRED.put("exposureplan", List.of("Id", "profileId", "exposure", "desired", "acquired", "accepted", "targetid",
                "exposureTemplateId"));
        REQUIRED.put("exposuretemplate", List.of("Id", "profileId", "name", "filtername", "defaultexposure"));
    }

    private static final String HINT = "Is --db pointing at the Target Scheduler's schedulerdb.sqlite? apdm knows the "
            + "plugin's schema from version 23 on (newer versions work as long as these columns exist).";

    private static final String PROJECTS = "SELECT Id, profileId, name, state, isMosaic, enablegrader FROM project ORDER BY name, Id";
    private static final String TARGETS = "SELECT Id, projectid, name FROM target ORDER BY name, Id";
    private static final String PLANS = """
            SELECT ep.Id, ep.targetid, ep.exposureTemplateId, et.name, et.filtername, ep.exposure, et.defaultexposure,
                   ep.desired, ep.acquired, ep.accepted
            FROM exposureplan ep
            JOIN target t ON t.Id = ep.targetid
            JOIN project p ON p.Id = t.projectid
            JOIN exposuretemplate et ON et.Id = ep.exposureTemplateId
            ORDER BY p.name, p.Id, t.name, t.Id, et.name, ep.Id""";
    private static final String UPDATE_PLAN = """
            UPDATE exposureplan SET accepted = ?, acquired = ?
            WHERE Id = ? AND accepted IS ? AND acquired IS ? AND desired IS ? AND exposure IS ? AND exposureTemplateId IS ?
              AND targetid IS ?""";
    private static final String UPDATE_STATE = "UPDATE project SET state = ? WHERE Id = ? AND state IS ?";

    /** What a write did. */
    public record WriteResult(Path backup, List<SyncPlan.PlanResult> written, List<SyncPlan.PlanResult> changedUnderUs,
                              List<SyncPlan.StateChange> statesWritten, List<SyncPlan.StateChange> statesChangedUnderUs) {
        public WriteResult {
            written = List.copyOf(written);
            changedUnderUs = List.copyOf(changedUnderUs);
            statesWritten = List.copyOf(statesWritten);
            statesChangedUnderUs = List.copyOf(statesChangedUnderUs);
        }
    }

    /** Runs between the backup and the updates, inside the transaction; tests use it to change rows under apdm. */
    @FunctionalInterface
    interface BeforeUpdates {
        void run(Connection c) throws SQLException;
    }

    private final Path file;
    private final Duration busyTimeout;
    private final Duration retryPause;

    public TargetSchedulerRepository(Path file, Duration busyTimeout) {
        this(file, busyTimeout, busyTimeout.compareTo(Duration.ofSeconds(2)) < 0 ? busyTimeout : Duration.ofSeconds(2));
    }

    TargetSchedulerRepository(Path file, Duration busyTimeout, Duration retryPause) {
        this.file = file.toAbsolutePath().normalize();
        this.busyTimeout = busyTimeout;
        this.retryPause = retryPause;
    }

    public Path file() {
        return file;
    }

    /** Reads projects, targets and plans (read-only: the file is not touched). */
    public SchedulerSnapshot read() throws SchedulerDatabaseException {
        requireFile();
        SQLException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (Connection c = SqliteFiles.open(file, true, busyTimeout)) {
                return read(c);
            } catch (SQLException e) {
                if (!SqliteFiles.isBusy(e)) {
                    throw failed("read", e);
                }
                last = e;
                pause();
            }
        }
        throw locked("read", last);
    }

    private SchedulerSnapshot read(Connection c) throws SQLException, SchedulerDatabaseException {
        SqliteFiles.requireShape(c, file, REQUIRED, "a Target Scheduler database", HINT);
        c.setAutoCommit(false); // one read transaction: a consistent picture
        List<SchedulerSnapshot.Project> projects = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(PROJECTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                projects.add(new SchedulerSnapshot.Project(rs.getLong(1), rs.getString(2), rs.getString(3),
                        integer(rs, 4), rs.getInt(5) == 1, rs.getInt(6) == 1));
            }
        }
        List<SchedulerSnapshot.Target> targets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TARGETS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                targets.add(new SchedulerSnapshot.Target(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            }
        }
        List<SchedulerSnapshot.Plan> plans = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(PLANS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plans.add(new SchedulerSnapshot.Plan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), real(rs, 6), real(rs, 7), integer(rs, 8), integer(rs, 9), integer(rs, 10)));
            }
        }
        Map<String, Double> throttle = new HashMap<>();
        Set<String> prefs = SqliteFiles.columns(c, List.of("profilepreference")).get("profilepreference");
        if (prefs.contains("profileid") && prefs.contains("exposurethrottle")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT profileId, exposurethrottle FROM profilepreference");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Double t = real(rs, 2);
                    if (rs.getString(1) != null && t != null) {
                        throttle.put(rs.getString(1).trim().toLowerCase(Locale.ROOT), t);
                    }
                }
            }
        }
        String journal;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            journal = rs.next() ? rs.getString(1) : "delete";
        }
        c.commit();
        return new SchedulerSnapshot(file, projects, targets, plans, throttle, journal);
    }

    /**
     * Backs up the file, then writes the plan's changes in one transaction. Nothing is written (and no backup
     * taken) when the plan changes nothing.
     */
    public WriteResult write(SyncPlan plan, SchedulerBackup backup) throws SchedulerDatabaseException {
        return write(plan, backup, c -> {
        });
    }

    WriteResult write(SyncPlan plan, SchedulerBackup backup, BeforeUpdates hook) throws SchedulerDatabaseException {
        if (plan.writesNothing()) {
            return new WriteResult(null, List.of(), List.of(), List.of(), List.of());
        }
        return locked(backup, "write", (c, b) -> {
            hook.run(c);
            List<SyncPlan.PlanResult> written = new ArrayList<>();
            List<SyncPlan.PlanResult> conflicts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(UPDATE_PLAN)) {
                for (SyncPlan.PlanResult r : plan.changes()) {
                    SchedulerSnapshot.Plan old = r.plan();
                    ps.setInt(1, r.newAccepted());
                    ps.setInt(2, r.newAcquired());
                    ps.setLong(3, old.id());
                    setInteger(ps, 4, old.accepted());
                    setInteger(ps, 5, old.acquired());
                    setInteger(ps, 6, old.desired());
                    if (old.exposure() == null) {
                        ps.setNull(7, Types.REAL);
                    } else {
                        ps.setDouble(7, old.exposure());
                    }
                    ps.setLong(8, old.templateId());
                    ps.setLong(9, old.targetId());
                    (ps.executeUpdate() == 1 ? written : conflicts).add(r);
                }
            }
            List<SyncPlan.StateChange> states = new ArrayList<>();
            List<SyncPlan.StateChange> stateConflicts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(UPDATE_STATE)) {
                for (SyncPlan.StateChange s : plan.states()) {
                    ps.setInt(1, s.newState());
                    ps.setLong(2, s.project().id());
                    setInteger(ps, 3, s.oldState());
                    (ps.executeUpdate() == 1 ? states : stateConflicts).add(s);
                }
            }
            return new WriteResult(b, written, conflicts, states, stateConflicts);
        });
    }

    /** A backup copy alone, taken under the write lock so it is consistent; the database is not changed. */
    public Path backup(SchedulerBackup backup) throws SchedulerDatabaseException {
        return locked(backup, "back up", (c, b) -> b);
    }

    @FunctionalInterface
    private interface InLock<T> {
        T run(Connection c, Path backup) throws SQLException, SchedulerDatabaseException;
    }

    /**
     * BEGIN IMMEDIATE (waits the busy timeout for other writers), check the shape, back up, run, COMMIT.
     * A busy database at any point rolls back and tries once more after a pause; then a clear error.
     */
    private <T> T locked(SchedulerBackup backup, String what, InLock<T> work) throws SchedulerDatabaseException {
        requireFile();
        SQLException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (Connection c = SqliteFiles.open(file, false, busyTimeout); Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                boolean committed = false;
                try {
                    SqliteFiles.requireShape(c, file, REQUIRED, "a Target Scheduler database", HINT);
                    String journal;
                    try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                        journal = rs.next() ? rs.getString(1) : "delete";
                    }
                    Path b;
                    try {
                        b = backup.take(file, journal, busyTimeout);
                    } catch (IOException e) {
                        throw new SchedulerDatabaseException("could not back up " + file + " to " + backup.dir() + ": "
                                + e.getMessage() + ". Nothing was changed.", e);
                    }
                    T result = work.run(c, b);
                    st.execute("COMMIT");
                    committed = true;
                    return result;
                } finally {
                    if (!committed) {
                        rollback(st);
                    }
                }
            } catch (SQLException e) {
                if (!SqliteFiles.isBusy(e)) {
                    throw failed(what, e);
                }
                last = e;
                if (attempt == 1) {
                    pause();
                }
            }
        }
        throw locked(what, last);
    }

    private static void rollback(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction open (BEGIN failed) or already rolled back by SQLite
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireFile() throws SchedulerDatabaseException {
        SqliteFiles.requireFile(file, "the Target Scheduler database",
                "pass --db FILE or set scheduler.database in the configuration");
    }

    private SchedulerDatabaseException locked(String what, SQLException cause) {
        return new SchedulerDatabaseException.Locked("the Target Scheduler database " + file + " is in use by another "
                + "program (N.I.N.A. is probably running a sequence); apdm waited " + seconds(busyTimeout)
                + " twice and could not " + what + " it. Nothing was changed. Run again when N.I.N.A. is idle or "
                + "closed, or raise scheduler.busy_timeout_seconds.", cause);
    }

    private SchedulerDatabaseException failed(String what, SQLException e) {
        if (SqliteFiles.isNotADatabase(e)) {
            return new SchedulerDatabaseException.UnknownSchema(file + " is not an SQLite database. Nothing was changed. "
                    + HINT);
        }
        return new SchedulerDatabaseException("could not " + what + " the Target Scheduler database " + file + ": "
                + e.getMessage() + ". Nothing was changed.", e);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Integer integer(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : (int) v;
    }

    private static Double real(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
