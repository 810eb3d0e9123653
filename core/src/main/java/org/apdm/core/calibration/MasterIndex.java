package org.apdm.core.calibration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.metadata.Field;

/**
 * The library's masters, read once per run and grouped by kind and camera, so that matching thousands of
 * light folders never rescans the library.
 */
public final class MasterIndex {

    /** A master with its values in comparable form. */
    public record Entry(MasterFrame master, MatchValues values) {
    }

    private final List<MasterFrame> masters;
    private final Map<MasterKind, List<Entry>> byKind = new EnumMap<>(MasterKind.class);
    private final Map<MasterKind, Map<String, List<Entry>>> byCamera = new EnumMap<>(MasterKind.class);

    private MasterIndex(List<MasterFrame> masters) {
        this.masters = List.copyOf(masters);
        for (MasterKind k : MasterKind.values()) {
            byKind.put(k, new ArrayList<>());
            byCamera.put(k, new HashMap<>());
        }
        for (MasterFrame m : this.masters) {
            Entry e = new Entry(m, MatchValues.of(m.metadata()));
            byKind.get(m.kind()).add(e);
            byCamera.get(m.kind()).computeIfAbsent(cameraKey(e.values().get(Field.CAMERA)), c -> new ArrayList<>()).add(e);
        }
    }

    public static MasterIndex of(Collection<MasterFrame> masters) {
        return new MasterIndex(new ArrayList<>(masters));
    }

    public static MasterIndex empty() {
        return new MasterIndex(List.of());
    }

    /** Masters of a kind that can match: those of the camera when the keys include the camera, else all. */
    public List<Entry> candidates(MasterKind kind, List<Field> keys, MatchValues light) {
        if (keys.contains(Field.CAMERA)) {
            return byCamera.get(kind).getOrDefault(cameraKey(light.get(Field.CAMERA)), List.of());
        }
        return byKind.get(kind);
    }

    public List<MasterFrame> masters() {
        return masters;
    }

    public int size() {
        return masters.size();
    }

    private static String cameraKey(String canonicalCamera) {
        return canonicalCamera == null ? "" : canonicalCamera;
    }
}
