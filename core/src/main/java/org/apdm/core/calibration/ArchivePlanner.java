package org.apdm.core.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;
import org.apdm.core.layout.PathSanitizer;
import org.apdm.core.layout.UnsafePathException;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;

/**
 * Plans copying PixInsight's masters into the library:
 * {@code {library}/_Dark Library/{camera}/masterDark_EXPOSURE_300.00_SETTEMP_-10.00_GAIN_100_OFFSET_50.xisf} and
 * the like (see {@link LibraryLayout} and {@link MasterNames}). Pure.
 *
 * <ul>
 *   <li>A master lacking a key its rig matches on (in header, name and folder) stays where it is, with the keys
 *       named: nothing is guessed.</li>
 *   <li>Two masters that would get the same name both stay: which one is right is the user's call.</li>
 *   <li>Copies never replace: an identical file already in the library makes the step "already done", a
 *       different one a conflict (the file engine decides both by content).</li>
 * </ul>
 */
public final class ArchivePlanner {

    /** One master: where it goes, or why it stays. */
    public record Entry(MasterFrame master, Path destination, String problem) {
    }

    /**
     * @param plan    copies into the library, and the masters and unreadable files left where they are
     * @param entries one per master, in file order
     * @param others  images that are not master bias, darks or flats (ignored)
     */
    public record Result(Plan plan, List<Entry> entries, List<Path> others) {
    }

    private ArchivePlanner() {
    }

    public static Result plan(MasterScanner.Scan scan, Path library, LibraryLayout layout, CalibrationRigs rigs) {
        return plan(scan, library, layout, rigs, false);
    }

    /** @param move moves instead of copies (masters apdm made itself) */
    public static Result plan(MasterScanner.Scan scan, Path library, LibraryLayout layout, CalibrationRigs rigs,
                              boolean move) {
        List<MasterFrame> masters = new ArrayList<>(scan.masters());
        masters.sort(Comparator.comparing(MasterFrame::file));
        Map<Path, List<MasterFrame>> byDestination = new LinkedHashMap<>();
        Map<MasterFrame, String> problems = new LinkedHashMap<>();
        for (MasterFrame m : masters) {
            Target t = target(m, library, layout, rigs);
            if (t.problem() != null) {
                problems.put(m, t.problem());
            } else {
                byDestination.computeIfAbsent(t.destination(), d -> new ArrayList<>()).add(m);
            }
        }
        List<FileOperation> ops = new ArrayList<>();
        List<LeftBehind> left = new ArrayList<>(scan.unreadable());
        List<Entry> entries = new ArrayList<>();
        Map<MasterFrame, Entry> byMaster = new LinkedHashMap<>();
        for (Map.Entry<Path, List<MasterFrame>> e : byDestination.entrySet()) {
            List<MasterFrame> same = e.getValue();
            if (same.size() > 1) {
                String names = same.stream().map(MasterFrame::name).collect(Collectors.joining(", "));
                for (MasterFrame m : same) {
                    problems.put(m, same.size() + " masters would all be " + e.getKey().getFileName() + " (" + names
                            + "); keep the one you want in the folder and run again");
                }
                continue;
            }
            MasterFrame m = same.get(0);
            ops.add(move ? new FileOperation.Move(m.file(), e.getKey(), describe(m))
                    : new FileOperation.Copy(m.file(), e.getKey(), describe(m)));
            byMaster.put(m, new Entry(m, e.getKey(), null));
        }
        problems.forEach((m, why) -> {
            left.add(new LeftBehind(m.file(), why));
            byMaster.put(m, new Entry(m, null, why));
        });
        for (MasterFrame m : masters) {
            entries.add(byMaster.get(m));
        }
        return new Result(new Plan("calibration archive", ops, left, List.of(library), List.of()), entries,
                scan.others());
    }

    /** Where a master belongs in the library, or why it cannot go there. */
    public record Target(Path destination, String problem) {
    }

    public static Target target(MasterFrame m, Path library, LibraryLayout layout, CalibrationRigs rigs) {
        FrameMetadata md = m.metadata();
        List<Field> missing = new ArrayList<>();
        List<Field> required = new ArrayList<>(rigs.keysFor(m.kind(), md));
        if (!required.contains(Field.CAMERA)) {
            required.add(0, Field.CAMERA);
        }
        for (Field f : required) {
            if (!md.has(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            String list = missing.stream().map(MasterNames::token).collect(Collectors.joining(", "));
            return new Target(null, "master " + m.kind().label() + " without " + list
                    + " (not in its header, name or folder), which its rig matches on; add "
                    + missing.stream().map(f -> MasterNames.token(f) + "_<value>").collect(Collectors.joining("_"))
                    + " to its file name and run again");
        }
        String libraryFolder = rigs.libraryFolder(md.get(Field.CAMERA));
        LibraryLayout.Folder folder = layout.folder(m.kind(), f -> f == Field.CAMERA && libraryFolder != null
                ? libraryFolder : md.get(f));
        if (folder.missing() != null) {
            return new Target(null, "master " + m.kind().label() + " without " + MasterNames.token(folder.missing())
                    + ", which its library folder '" + layout.template(m.kind()) + "' needs");
        }
        List<String> components = new ArrayList<>(folder.components());
        components.add(MasterNames.fileName(m.kind(), md, m.name(), required));
        try {
            return new Target(PathSanitizer.resolve(library, components), null);
        } catch (UnsafePathException e) {
            return new Target(null, "cannot build a safe library path: " + e.getMessage());
        }
    }

    static String describe(MasterFrame m) {
        FrameMetadata md = m.metadata();
        StringBuilder sb = new StringBuilder("master ").append(m.kind().label());
        if (m.kind() == MasterKind.DARK && md.has(Field.EXPOSURE)) {
            sb.append(' ').append(md.get(Field.EXPOSURE)).append(" s");
        }
        if (m.kind() == MasterKind.FLAT) {
            sb.append(' ').append(md.get(Field.FILTER)).append(' ').append(md.get(Field.DATE));
        }
        sb.append(' ').append(md.get(Field.CAMERA));
        return sb.toString();
    }
}
