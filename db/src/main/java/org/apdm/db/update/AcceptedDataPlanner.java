package org.apdm.db.update;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.db.AcceptedRow;

/**
 * Decides how {@code accepted_data} follows the archive (the old {@code database-update.py}, its bugs
 * fixed, reference-spec §7.3 and §11). Pure: rows in, changes out.
 *
 * <ul>
 *   <li>Rows are matched to folders by their exact path (never a LIKE prefix: {@code PANEL_1} is not
 *       {@code PANEL_10}).</li>
 *   <li>{@code create}: a folder without a row gets one. A folder whose row still points at the same place in
 *       another stage (the target moved from {@code 10_Blink} to {@code 30_Master}) takes that row over:
 *       its folder is updated, never a second row (the old scripts counted 726 frames twice).</li>
 *   <li>{@code update}: a row whose values differ from its folder (count, night, filter, site…) is refreshed.</li>
 *   <li>{@code delete}: a row whose folder is gone is removed; without it, such rows are only reported.</li>
 *   <li>Only rows below the scanned data root (and rigs) are touched; rows below a folder that could not be
 *       read are never deleted.</li>
 * </ul>
 * Running it twice changes nothing the second time.
 */
public final class AcceptedDataPlanner {

    /** One change to the table. */
    public sealed interface Change {
        /** A new folder. */
        record Insert(AcceptedRow row) implements Change {
        }

        /** A folder whose values changed. */
        record Update(AcceptedRow old, AcceptedRow row) implements Change {
        }

        /** A folder that moved to another stage: the row follows it. */
        record Move(AcceptedRow old, AcceptedRow row) implements Change {
        }

        /** A folder that is gone. */
        record Delete(AcceptedRow old) implements Change {
        }
    }

    /** What to do; {@code unchanged} rows already match their folders. */
    public record Plan(List<Change> changes, int unchanged, List<String> notes) {
        public long count(Class<? extends Change> kind) {
            return changes.stream().filter(kind::isInstance).count();
        }
    }

    /**
     * @param dataRoot   the scanned root
     * @param rigs       the scanned rigs (canonical names), empty for all
     * @param unreadable folders the scan could not read
     */
    public record Input(Path dataRoot, Set<String> rigs, List<AcceptedRow> wanted, List<AcceptedRow> existing,
                        List<Path> unreadable, boolean create, boolean update, boolean delete) {
    }

    private AcceptedDataPlanner() {
    }

    public static Plan plan(Input in) {
        Path root = in.dataRoot().toAbsolutePath().normalize();
        Map<Path, AcceptedRow> byFolder = new HashMap<>();
        Map<String, List<AcceptedRow>> goneByKey = new LinkedHashMap<>();
        List<AcceptedRow> gone = new ArrayList<>();
        Set<Path> wantedFolders = new HashSet<>();
        for (AcceptedRow w : in.wanted()) {
            wantedFolders.add(Path.of(w.rawDirectory()));
        }
        for (AcceptedRow r : in.existing()) {
            Path p = path(r.rawDirectory());
            if (p == null || !inScope(root, p, in.rigs())) {
                continue;
            }
            if (wantedFolders.contains(p) && !byFolder.containsKey(p)) {
                byFolder.put(p, r);
            } else if (!wantedFolders.contains(p) && in.unreadable().stream().noneMatch(p::startsWith)) {
                gone.add(r);
                goneByKey.computeIfAbsent(key(root, p), k -> new ArrayList<>()).add(r);
            }
        }
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int unchanged = 0;
        int notCreated = 0;
        Set<AcceptedRow> claimed = new HashSet<>();
        Map<String, List<Path>> stagesOfKey = new HashMap<>();
        for (AcceptedRow w : in.wanted()) {
            Path p = Path.of(w.rawDirectory());
            stagesOfKey.computeIfAbsent(key(root, p), k -> new ArrayList<>()).add(p);
            AcceptedRow old = byFolder.get(p);
            if (old != null) {
                if (in.update() && !w.sameValues(old, true)) {
                    changes.add(new Change.Update(old, w.withId(old.id())));
                } else {
                    unchanged++;
                }
                continue;
            }
            AcceptedRow moved = null;
            if (in.create() || in.update()) {
                for (AcceptedRow candidate : goneByKey.getOrDefault(key(root, p), List.of())) {
                    if (!claimed.contains(candidate)) {
                        moved = candidate;
                        break;
                    }
                }
            }
            if (moved != null) {
                claimed.add(moved);
                changes.add(new Change.Move(moved, w.withId(moved.id())));
            } else if (in.create()) {
                changes.add(new Change.Insert(w));
            } else {
                notCreated++;
            }
        }
        int stale = 0;
        for (AcceptedRow r : gone) {
            if (claimed.contains(r)) {
                continue;
            }
            if (in.delete()) {
                changes.add(new Change.Delete(r));
            } else {
                stale++;
            }
        }
        if (notCreated > 0) {
            notes.add(notCreated + " folder(s) of accepted lights have no row yet; --create adds them");
        }
        if (stale > 0) {
            notes.add(stale + " row(s) point at folders that no longer exist; --delete removes them");
        }
        stagesOfKey.forEach((k, paths) -> {
            if (paths.size() > 1) {
                paths.sort(Comparator.naturalOrder());
                notes.add("the same folder is in " + paths.size() + " stages and is counted in each: " + paths);
            }
        });
        return new Plan(changes, unchanged, notes);
    }

    private static Path path(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean inScope(Path root, Path p, Set<String> rigs) {
        if (!p.startsWith(root) || p.equals(root)) {
            return false;
        }
        Path rel = root.relativize(p);
        if (rel.getNameCount() < 3) {
            return false;
        }
        return rigs.isEmpty() || rigs.contains(ApdmConfig.canonicalRig(rel.getName(0).toString()));
    }

    /** The folder's place without its stage: {@code rig/target/…} (which stage it is in may change). */
    static String key(Path root, Path p) {
        Path rel = root.relativize(p);
        StringBuilder sb = new StringBuilder(rel.getName(0).toString());
        for (int i = 2; i < rel.getNameCount(); i++) {
            sb.append('/').append(rel.getName(i));
        }
        return sb.toString();
    }
}
