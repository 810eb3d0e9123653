package org.apdm.core.integrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.calibration.CalibrationMatcher;
import org.apdm.core.calibration.CalibrationRigs;
import org.apdm.core.calibration.MasterIndex;
import org.apdm.core.calibration.MasterKind;
import org.apdm.core.calibration.MatchValues;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.scan.ScannedFrame;

/**
 * Which raw calibration frames become which master (issue 13): frames of one kind with the same values of their
 * rig's matching keys are one group; a group the library already has a master for, or with fewer than
 * {@code min_frames} frames, is skipped with its reason. Bias first, then darks, then flats, because a flat is
 * calibrated with a master bias. Pure.
 */
public final class IntegrationPlanner {

    /** One master to make. */
    public record Group(MasterKind kind, List<Field> keys, FrameMetadata sample, List<Path> frames) {

        public Group {
            keys = List.copyOf(keys);
            frames = List.copyOf(frames);
        }

        /** "dark EXPOSURE 300.00, SETTEMP -10.00, …" for lists and messages. */
        public String label() {
            return kind.label() + " " + CalibrationMatcher.describe(keys, sample);
        }
    }

    /** A group not integrated, and why. */
    public record Skipped(Group group, String reason) {
    }

    public record Plan(List<Group> groups, List<Skipped> skipped, List<LeftBehind> unreadable) {

        /** The groups of one camera ({@code --rig}); null keeps all. */
        public Plan onlyCamera(String camera) {
            if (camera == null) {
                return this;
            }
            String c = MatchValues.canonical(Field.CAMERA, camera);
            java.util.function.Predicate<Group> mine = g -> c.equals(MatchValues.of(g.sample()).get(Field.CAMERA));
            return new Plan(groups.stream().filter(mine).toList(),
                    skipped.stream().filter(s -> mine.test(s.group())).toList(), unreadable);
        }
    }

    private IntegrationPlanner() {
    }

    /**
     * @param kinds     the kinds to integrate (all when empty)
     * @param minFrames fewer frames in a group: skipped
     */
    public static Plan plan(List<ScannedFrame> raw, MasterIndex library, CalibrationRigs rigs, Set<MasterKind> kinds,
                            int minFrames) {
        List<LeftBehind> unreadable = new ArrayList<>();
        Map<List<Object>, List<ScannedFrame>> byGroup = new LinkedHashMap<>();
        Map<List<Object>, List<Field>> keysOf = new LinkedHashMap<>();
        List<ScannedFrame> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparing(ScannedFrame::file));
        for (ScannedFrame s : sorted) {
            if (!s.ok()) {
                unreadable.add(new LeftBehind(s.file(), s.problem()));
                continue;
            }
            MasterKind kind = MasterKind.ofRaw(s.metadata().type());
            if (kind == null || (!kinds.isEmpty() && !kinds.contains(kind))) {
                continue;
            }
            List<Field> keys = rigs.keysFor(kind, s.metadata());
            MatchValues v = MatchValues.of(s.metadata());
            List<Object> id = new ArrayList<>();
            id.add(kind);
            for (Field f : keys) {
                id.add(f);
                id.add(v.get(f));
            }
            byGroup.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
            keysOf.putIfAbsent(id, keys);
        }
        List<Group> groups = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Map.Entry<List<Object>, List<ScannedFrame>> e : byGroup.entrySet()) {
            List<ScannedFrame> frames = e.getValue();
            FrameMetadata sample = frames.get(0).metadata();
            MasterKind kind = (MasterKind) e.getKey().get(0);
            List<Field> keys = keysOf.get(e.getKey());
            Group g = new Group(kind, keys, sample, frames.stream().map(ScannedFrame::file).toList());
            MatchValues v = MatchValues.of(sample);
            String covered = null;
            for (MasterIndex.Entry m : library.candidates(kind, keys, v)) {
                if (v.sameAs(m.values(), keys)) {
                    covered = m.master().file().getFileName().toString();
                    break;
                }
            }
            if (covered != null) {
                skipped.add(new Skipped(g, "the library has " + covered));
            } else if (frames.size() < minFrames) {
                skipped.add(new Skipped(g, frames.size() + " frames, fewer than calibration.integrate.min_frames ("
                        + minFrames + ")"));
            } else {
                groups.add(g);
            }
        }
        groups.sort(Comparator.comparing(Group::kind)); // enum order: bias, dark, flat
        return new Plan(groups, skipped, unreadable);
    }
}
