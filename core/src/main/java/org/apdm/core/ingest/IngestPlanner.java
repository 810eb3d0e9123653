package org.apdm.core.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.layout.PathSanitizer;
import org.apdm.core.layout.UnsafePathException;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.FrameType;
import org.apdm.core.scan.ScannedFrame;

/**
 * Plans the sorting of a N.I.N.A. dump: BIAS, then DARK, then FLAT, then LIGHT (the order the user's
 * dark-scaling workflow relies on). Pure: frames in, plan out.
 *
 * <ul>
 *   <li>LIGHT → {@code {data}/{rig}/10_Blink/{target}/DATE_{night}/FILTER_…/{file}}, and {@code {target}/accept} created;</li>
 *   <li>BIAS, DARK, FLAT → {@code {calibration}/{TYPE}/{optic}+{camera}/DATE_{night}/…/{file}};</li>
 *   <li>anything that cannot be placed stays where it is, with its reason.</li>
 * </ul>
 */
public final class IngestPlanner {

    private static final List<FrameType> ORDER = List.of(FrameType.BIAS, FrameType.DARK, FrameType.FLAT, FrameType.LIGHT);

    /**
     * Where things come from and go.
     *
     * @param sources the capture folders read (the RAW folder first); emptied folders below them are removed
     */
    public record Roots(List<Path> sources, Path data, Path calibration) {

        public Roots {
            sources = List.copyOf(sources);
        }

        public Roots(Path raw, Path data, Path calibration) {
            this(List.of(raw), data, calibration);
        }
    }

    /**
     * @param plan           the moves and folders to create, and the files left behind
     * @param alreadyInPlace frames that are already where they belong (an earlier ingest put them there)
     * @param byType         frames to move per type
     */
    public record Result(Plan plan, int alreadyInPlace, Map<FrameType, Integer> byType) {
    }

    private IngestPlanner() {
    }

    public static Result plan(List<ScannedFrame> frames, Roots roots) {
        return plan(frames, roots, List.of());
    }

    /**
     * @param targetsWithoutAccept target folders of {@code 10_Blink} found without {@code accept/} (a run cut
     *                             off before it made them); they get one too
     */
    public static Result plan(List<ScannedFrame> frames, Roots roots, List<Path> targetsWithoutAccept) {
        List<LeftBehind> left = new ArrayList<>();
        Map<FrameType, List<FileOperation>> moves = new EnumMap<>(FrameType.class);
        Map<FrameType, Integer> counts = new EnumMap<>(FrameType.class);
        Set<Path> acceptFolders = new LinkedHashSet<>();
        int inPlace = 0;
        List<ScannedFrame> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparing(ScannedFrame::file));
        for (ScannedFrame f : sorted) {
            if (!f.ok()) {
                left.add(new LeftBehind(f.file(), f.problem()));
                continue;
            }
            FrameMetadata m = f.metadata();
            FrameType type = m.type();
            String refusal = refusal(m, type);
            if (refusal != null && (refusal.startsWith("missing") || refusal.startsWith("no image type"))
                    && roots.sources().stream().skip(1).anyMatch(f.file()::startsWith)) {
                // another program's folder: the frames may never carry it, so say where to give it once
                refusal += "; give it for this folder in its ingest.sources entry: defaults: {optic, camera, "
                        + "focal_ratio, type, target, filter}";
            }
            if (refusal != null) {
                left.add(new LeftBehind(f.file(), refusal));
                continue;
            }
            Path destination;
            List<String> components = type == FrameType.LIGHT ? ArchiveLayout.lightPath(m, ArchiveLayout.BLINK)
                    : ArchiveLayout.calibrationPath(m);
            try {
                destination = PathSanitizer.resolve(type == FrameType.LIGHT ? roots.data() : roots.calibration(),
                        components);
            } catch (UnsafePathException e) {
                left.add(new LeftBehind(f.file(), "cannot build a safe destination: " + e.getMessage()));
                continue;
            }
            if (destination.equals(f.file().toAbsolutePath().normalize())) {
                inPlace++;
                if (type == FrameType.LIGHT) {
                    acceptFolders.add(destination.getParent().getParent().getParent().resolve(ArchiveLayout.ACCEPT));
                }
                continue;
            }
            moves.computeIfAbsent(type, t -> new ArrayList<>()).add(new FileOperation.Move(f.file(), destination,
                    describe(m)));
            counts.merge(type, 1, Integer::sum);
            if (type == FrameType.LIGHT) {
                // {rig}/10_Blink/{target} is a prefix of the light's own path, which resolved safely
                acceptFolders.add(destination.getParent().getParent().getParent().resolve(ArchiveLayout.ACCEPT));
            }
        }
        for (Path target : targetsWithoutAccept) {
            acceptFolders.add(target.resolve(ArchiveLayout.ACCEPT));
        }
        List<FileOperation> ops = new ArrayList<>();
        for (FrameType t : ORDER) {
            if (t == FrameType.LIGHT) {
                // before the lights: a run cut off midway still leaves every target it touched with accept/
                for (Path accept : acceptFolders) {
                    ops.add(new FileOperation.MakeDirectory(accept, "accept folder for blinked lights"));
                }
            }
            ops.addAll(moves.getOrDefault(t, List.of()));
        }
        List<Path> allowed = new ArrayList<>();
        allowed.add(roots.data());
        allowed.add(roots.calibration());
        Plan plan = new Plan("ingest", ops, left, allowed, roots.sources());
        return new Result(plan, inPlace, counts);
    }

    /** Why a readable frame is not sorted, or null when it can be. */
    static String refusal(FrameMetadata m, FrameType type) {
        if (!m.has(Field.TYPE)) {
            return "no image type (IMAGETYP) in the header or the name";
        }
        if (type == FrameType.MASTER_LIGHT) {
            return "an integrated image (" + m.get(Field.TYPE) + "), not a raw light; ingest sorts the frames it was"
                    + " made from";
        }
        if (type.isMaster()) {
            return "a master calibration frame (" + m.get(Field.TYPE) + "); use `apdm calibration archive` for masters";
        }
        if (!ORDER.contains(type)) {
            return "image type '" + m.get(Field.TYPE) + "' is not sorted (only LIGHT, DARK, FLAT and BIAS)";
        }
        List<Field> missing = ArchiveLayout.missing(m);
        // a value that was there but impossible says so, rather than "missing"
        List<String> invalid = missing.stream().map(m::invalidReason).filter(java.util.Objects::nonNull).distinct()
                .toList();
        if (!invalid.isEmpty()) {
            return String.join("; ", invalid) + hint(m, missing);
        }
        if (!missing.isEmpty()) {
            return "missing " + missing.stream().map(IngestPlanner::keyword).distinct().collect(Collectors.joining(", "))
                    + " (required for a " + type.folderName() + ")" + hint(m, missing);
        }
        if (type != FrameType.BIAS && m.has(Field.EXPOSURE) && Double.parseDouble(m.get(Field.EXPOSURE)) <= 0) {
            return "invalid EXPOSURE: '" + m.get(Field.EXPOSURE) + "' (a " + type.folderName()
                    + " needs a positive exposure)";
        }
        return null;
    }

    /** Which setting fixes a missing focal ratio outside N.I.N.A. (which always writes FOCRATIO). */
    private static String hint(FrameMetadata m, List<Field> missing) {
        if (!missing.contains(Field.FOCAL_RATIO)) {
            return "";
        }
        String camera = m.has(Field.CAMERA) ? m.get(Field.CAMERA) : "this camera";
        return "; FOCALLEN with APTDIA (or APERTURE) in the header gives it, or set `camera_constants` for '" + camera
                + "' with a focal_ratio in the configuration";
    }

    /** The header keyword a user would look for. */
    static String keyword(Field f) {
        return switch (f) {
            case TYPE -> "IMAGETYP";
            case OPTIC -> "TELESCOP";
            case FOCAL_RATIO -> "FOCRATIO";
            case CAMERA -> "INSTRUME";
            case TARGET -> "OBJECT";
            case EXPOSURE -> "EXPOSURE";
            case DATE, DATETIME -> "DATE-OBS (or DATE-LOC)";
            default -> f.key().toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static String describe(FrameMetadata m) {
        StringBuilder sb = new StringBuilder(m.type().folderName());
        if (m.type() == FrameType.LIGHT) {
            sb.append(' ').append(m.get(Field.TARGET));
            if (m.has(Field.PANEL)) {
                sb.append(" panel ").append(m.get(Field.PANEL));
            }
        }
        if (m.has(Field.FILTER)) {
            sb.append(' ').append(m.get(Field.FILTER));
        }
        sb.append(' ').append(m.get(Field.EXPOSURE)).append('s');
        return sb.toString();
    }
}
