package org.apdm.core.metadata;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The normalised metadata of one frame: where it is, and its {@link Field} values.
 *
 * <p>Compact on purpose (an array indexed by field, strings shared between frames) so that a scan
 * of 100,000 frames fits a small heap. Values are text, normalised as described on
 * {@link MetadataNormalizer}; an absent value is {@code null}. {@link #extra()} holds further
 * header keywords or file-name tokens that configuration asked for (custom cull metrics).
 */
public final class FrameMetadata {

    private static final Field[] FIELDS = Field.values();

    private final Path file;
    private final String[] values;
    private final Map<String, String> extra;
    private final List<String> warnings;
    private final Map<Field, String> invalid;

    FrameMetadata(Path file, String[] values, Map<String, String> extra, List<String> warnings) {
        this(file, values, extra, warnings, Map.of());
    }

    FrameMetadata(Path file, String[] values, Map<String, String> extra, List<String> warnings,
                  Map<Field, String> invalid) {
        this.file = file;
        this.values = values;
        this.extra = extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(extra);
        this.warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
        this.invalid = invalid.isEmpty() ? Map.of() : Map.copyOf(invalid);
    }

    /** Metadata built directly from values, for tests and planners that synthesise frames. */
    public static FrameMetadata of(Path file, Map<Field, String> values) {
        String[] v = new String[FIELDS.length];
        values.forEach((f, s) -> v[f.ordinal()] = s);
        return new FrameMetadata(file, v, Map.of(), List.of());
    }

    public Path file() {
        return file;
    }

    public String get(Field field) {
        return values[field.ordinal()];
    }

    public boolean has(Field field) {
        String v = values[field.ordinal()];
        return v != null && !v.isEmpty();
    }

    /** A value by configuration name: a {@link Field} key, else an extra header keyword or token. */
    public String value(String name) {
        Field f = Field.byKey(name);
        if (f != null) {
            return get(f);
        }
        return extra.get(name.toUpperCase(Locale.ROOT));
    }

    public FrameType type() {
        return FrameType.of(get(Field.TYPE));
    }

    public Map<String, String> extra() {
        return extra;
    }

    public List<String> warnings() {
        return warnings;
    }

    /**
     * Why a field has no value although the header or name gave one ({@code invalid EXPOSURE: '-5' (…)}),
     * or null. Lets a refusal say "invalid X" rather than "missing X".
     */
    public String invalidReason(Field field) {
        return invalid.get(field);
    }

    public FrameMetadata with(Field field, String value) {
        String[] copy = Arrays.copyOf(values, values.length);
        copy[field.ordinal()] = value;
        return new FrameMetadata(file, copy, extra, warnings, invalid);
    }

    public FrameMetadata withFile(Path newFile) {
        return new FrameMetadata(newFile, values, extra, warnings, invalid);
    }

    /** All present values by configuration name, for reports and JSON. */
    public Map<String, String> asMap() {
        Map<String, String> out = new TreeMap<>();
        for (Field f : FIELDS) {
            if (values[f.ordinal()] != null) {
                out.put(f.key(), values[f.ordinal()]);
            }
        }
        extra.forEach((k, v) -> out.put(k, v));
        return out;
    }

    @Override
    public String toString() {
        return file + " " + asMap();
    }
}
