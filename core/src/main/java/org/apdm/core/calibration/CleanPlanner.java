package org.apdm.core.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.scan.ScannedFrame;

/**
 * Plans the cleanup after masters are archived (the user's "2f DELETE RAW and WBPP calibration"). Pure.
 *
 * <ul>
 *   <li>A raw BIAS, DARK or FLAT frame is deleted only when the library holds a master of its kind with the same
 *       values in every key its rig matches on; otherwise it stays, with the reason.</li>
 *   <li>PixInsight's temporary calibration folder (the folder holding its master output, WBPP's {@code _calibration})
 *       is emptied only when it lies inside the configured PixInsight temp root and holds none of the archive's
 *       roots. Links are neither followed nor removed; a master not yet in the library stays.</li>
 * </ul>
 */
public final class CleanPlanner {

    /** WBPP's name for its calibration working folder. */
    public static final String WBPP_CALIBRATION = "_calibration";

    /**
     * A file in PixInsight's temporary folder.
     *
     * @param link     a symbolic link (or junction): never followed, never removed
     * @param master   the master it is, or null
     * @param archived an identical copy is in the library
     * @param otherMaster a master that is not a bias, dark or flat (a master light): never apdm's to delete
     */
    public record TempFile(Path file, boolean link, MasterFrame master, boolean archived, boolean otherMaster) {
    }

    /**
     * @param root     the configured PixInsight temp root
     * @param folder   the folder to empty
     * @param refusal  why it is not touched, or null
     * @param files    its content
     */
    public record TempFolder(Path root, Path folder, String refusal, List<TempFile> files) {
        public TempFolder {
            files = List.copyOf(files);
        }
    }

    /**
     * @param plan        deletions, and the files that stay with their reasons
     * @param rawDeleted  raw frames to delete, by kind
     * @param rawKept     raw frames kept for lack of a covering master
     * @param tempDeleted files to delete in the temp folder
     * @param notes       the temp folder's refusal and the like
     */
    public record Result(Plan plan, Map<MasterKind, Integer> rawDeleted, int rawKept, int tempDeleted,
                         List<String> notes) {
    }

    private CleanPlanner() {
    }

    /**
     * The folder to empty: the one holding PixInsight's master output when that lies in the temp root (WBPP's
     * {@code _calibration} holding {@code master}), else the master output's folder itself; with no master folder
     * configured, {@code {temp}/_calibration}.
     */
    public static Path temporaryFolder(Path tempRoot, Path masters) {
        if (tempRoot == null) {
            return null;
        }
        Path root = tempRoot.toAbsolutePath().normalize();
        if (masters == null) {
            return root.resolve(WBPP_CALIBRATION);
        }
        Path m = masters.toAbsolutePath().normalize();
        Path parent = m.getParent();
        if (m.startsWith(root) && parent != null && parent.startsWith(root)) {
            return parent;
        }
        return parent != null && !m.startsWith(root) ? parent : m; // outside the root: refused by refusal()
    }

    /** Why the folder must not be emptied, or null. */
    public static String refusal(Path tempRoot, Path folder, List<Path> archiveRoots) {
        if (tempRoot == null || folder == null) {
            return "no PixInsight temp folder is configured (roots.pixinsight_temp or --pixinsight-temp)";
        }
        Path root = tempRoot.toAbsolutePath().normalize();
        Path f = folder.toAbsolutePath().normalize();
        if (!f.startsWith(root)) {
            return "refused: " + f + " is outside the PixInsight temp root " + root
                    + "; apdm empties only folders inside it (check roots.pixinsight_masters and roots.pixinsight_temp)";
        }
        for (Path p : archiveRoots) {
            if (p != null && p.toAbsolutePath().normalize().startsWith(f)) {
                return "refused: " + f + " holds " + p.toAbsolutePath().normalize()
                        + ", one of your archive's folders; point roots.pixinsight_temp at PixInsight's own temp folder";
            }
        }
        return null;
    }

    /**
     * @param raw     frames read below the raw calibration folders
     * @param rawRoot the folder holding BIAS, DARK and FLAT
     * @param library the library's masters
     * @param temp    PixInsight's temp folder, or null to leave it alone
     */
    public static Result plan(List<ScannedFrame> raw, Path rawRoot, MasterIndex library, CalibrationRigs rigs,
                              TempFolder temp) {
        List<FileOperation> ops = new ArrayList<>();
        List<LeftBehind> left = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<MasterKind, Integer> deleted = new EnumMap<>(MasterKind.class);
        int kept = 0;
        List<ScannedFrame> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparing((ScannedFrame s) -> kindOrder(s)).thenComparing(ScannedFrame::file));
        for (ScannedFrame s : sorted) {
            if (!s.ok()) {
                left.add(new LeftBehind(s.file(), s.problem()));
                continue;
            }
            FrameMetadata md = s.metadata();
            MasterKind kind = MasterKind.ofRaw(md.type());
            if (kind == null) {
                continue; // a light or a master among raw frames is not this command's business
            }
            List<Field> keys = rigs.keysFor(kind, md);
            MatchValues lv = MatchValues.of(md);
            MasterIndex.Entry cover = null;
            for (MasterIndex.Entry e : library.candidates(kind, keys, lv)) {
                if (lv.sameAs(e.values(), keys)) {
                    cover = e;
                    break;
                }
            }
            if (cover == null) {
                kept++;
                left.add(new LeftBehind(s.file(), "no master " + kind.label() + " in the library with "
                        + CalibrationMatcher.describe(keys, md) + "; kept (archive its master first)"));
                continue;
            }
            deleted.merge(kind, 1, Integer::sum);
            ops.add(new FileOperation.Delete(s.file(), "raw " + kind.label() + " covered by " + cover.master().name()));
        }
        List<Path> roots = new ArrayList<>();
        for (MasterKind k : MasterKind.values()) {
            roots.add(rawRoot.resolve(k.rawType().folderName()));
        }
        int tempDeleted = 0;
        if (temp != null) {
            if (temp.refusal() != null) {
                notes.add(temp.refusal());
            } else {
                Path folder = temp.folder().toAbsolutePath().normalize();
                roots.add(folder);
                for (TempFile f : temp.files()) {
                    Path p = f.file().toAbsolutePath().normalize();
                    if (!p.startsWith(folder) || p.equals(folder)) {
                        left.add(new LeftBehind(f.file(), "outside " + folder + "; not touched"));
                    } else if (f.link()) {
                        left.add(new LeftBehind(f.file(), "a link; apdm neither follows nor removes links"));
                    } else if (f.otherMaster()) {
                        left.add(new LeftBehind(f.file(), "a master but not a bias, dark or flat (a master light?);"
                                + " clean never deletes it"));
                    } else if (f.master() != null && !f.archived()) {
                        left.add(new LeftBehind(f.file(), "master " + f.master().kind().label()
                                + " not in the library yet; run `apdm calibration archive` first"));
                    } else {
                        ops.add(new FileOperation.Delete(f.file(), f.master() != null
                                ? "archived master " + f.master().kind().label() : "PixInsight temporary file"));
                        tempDeleted++;
                    }
                }
            }
        }
        Plan plan = new Plan("calibration clean", ops, left, roots, roots);
        return new Result(plan, deleted, kept, tempDeleted, notes);
    }

    private static int kindOrder(ScannedFrame s) {
        MasterKind k = s.ok() ? MasterKind.ofRaw(s.metadata().type()) : null;
        return k == null ? 3 : k.ordinal();
    }
}
