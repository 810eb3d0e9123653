package org.apdm.core.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.MetadataNormalizer;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.PathTokens;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * Reads master frames: the header wins and the file name and folders fill what it lacks (PixInsight drops GAIN,
 * OFFSET and temperatures from the masters it writes). A flat's night is a {@code DATE_} (or date-only
 * {@code DATE-OBS_}) in its name or folders when there is one, else DATE-LOC/DATE-OBS by the night-date rule.
 * A master flat without FILTER gets the name of "no filter" ({@code RGB} by default), as lights do.
 */
public final class MasterScanner {

    /**
     * @param masters    master bias, darks and flats
     * @param unreadable files that could not be read, with the reason
     * @param others     readable images that are not masters (lights, calibrated frames, master lights)
     */
    public record Scan(List<MasterFrame> masters, List<LeftBehind> unreadable, List<Path> others) {
    }

    /** No values from folders. */
    public static final BiFunction<Path, MasterKind, Map<Field, String>> NO_FOLDER_VALUES = (p, k) -> Map.of();

    private final FrameScanner scanner;

    public MasterScanner(MetadataReader reader) {
        this.scanner = new FrameScanner(reader);
    }

    /**
     * @param root         names below this folder are read for values
     * @param files        image files below it
     * @param folderValues values a file's folders stand for (library layout), filling gaps after its name
     */
    public Scan scan(Path root, List<Path> files, BiFunction<Path, MasterKind, Map<Field, String>> folderValues,
                     ProgressListener listener, CancellationToken cancel) {
        List<Path> images = files.stream().filter(f -> ImageFormat.of(f).isImage()).toList();
        List<ScannedFrame> read = scanner.read(root, images, f -> spec(root.relativize(f)), listener, cancel);
        List<MasterFrame> masters = new ArrayList<>();
        List<LeftBehind> unreadable = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (ScannedFrame s : read) {
            if (!s.ok()) {
                unreadable.add(new LeftBehind(s.file(), s.problem()));
                continue;
            }
            MasterFrame m = classify(s.file(), s.metadata(), scanner.reader(), folderValues);
            if (m == null) {
                others.add(s.file());
            } else {
                masters.add(m);
            }
        }
        return new Scan(masters, unreadable, others);
    }

    /** Reads one file as a master; null when it is not one. */
    public MasterFrame readOne(Path root, Path file) {
        ScannedFrame s = scanner.readOne(root, file, spec(root.relativize(file)));
        return s.ok() ? classify(file, s.metadata(), scanner.reader(), NO_FOLDER_VALUES) : null;
    }

    /** Header first; a night date in the names ranks above the header's timestamps. */
    static FrameScanner.ReadSpec spec(Path relative) {
        PathTokens tokens = PathTokens.parse(PathTokens.segments(relative));
        String date = tokens.get("DATE");
        if (date == null || MetadataNormalizer.dateOnly(date) == null) {
            String obs = tokens.get("DATEOBS");
            date = obs != null && obs.trim().length() == 10 ? obs : null;
        }
        Map<String, String> structural = date == null ? Map.of() : Map.of("DATE", date);
        return new FrameScanner.ReadSpec(structural, MetadataReader.Precedence.HEADER_FIRST, true);
    }

    static MasterFrame classify(Path file, FrameMetadata read, MetadataReader reader,
                                BiFunction<Path, MasterKind, Map<Field, String>> folderValues) {
        MasterKind kind = MasterKind.detect(read, file.getFileName().toString());
        if (kind == null) {
            return null;
        }
        FrameMetadata m = read;
        Map<Field, String> fill = new HashMap<>(folderValues.apply(file, kind));
        for (Map.Entry<Field, String> e : fill.entrySet()) {
            if (!m.has(e.getKey()) && e.getValue() != null && !e.getValue().isBlank()) {
                m = m.with(e.getKey(), e.getValue());
            }
        }
        if (kind == MasterKind.FLAT && !m.has(Field.FILTER)) {
            String none = reader.rules().filterAliases().get("");
            if (none != null && !none.isEmpty()) {
                m = m.with(Field.FILTER, none);
            }
        }
        return new MasterFrame(file, kind, m);
    }
}
