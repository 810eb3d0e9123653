package org.apdm.core.cull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.image.AnalyzeOperation;
import org.apdm.core.image.PixelMetrics;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.UnreadableFileException;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * Finds the frames of a rig's {@code 10_Blink} that a cull may judge, grouped by folder. Frames under
 * an {@code accept} folder are never culled. Metrics come from the file name (N.I.N.A.'s HFR, STARS and
 * RMSAC tokens); the header is opened only for a frame whose name lacks one of them. Metrics named {@code px_*}
 * (px_hfr, px_fwhm, px_eccentricity, px_stars, px_background, px_noise) come from the pixels, measured once and cached.
 */
public final class CullScanner {

    /** The groups of one rig and the files that could not be read. */
    public record Scan(String rig, List<CullGroup> groups, List<LeftBehind> unreadable) {
    }

    private final FrameScanner scanner;
    private final AnalyzeOperation pixels;

    public CullScanner(FrameScanner scanner) {
        this(scanner, null);
    }

    /** With {@code pixels}, metrics named {@code px_*} are measured from the frames' pixels (through the cache). */
    public CullScanner(FrameScanner scanner, AnalyzeOperation pixels) {
        this.scanner = scanner;
        this.pixels = pixels;
    }

    public Scan scan(Path dataRoot, String rig, List<String> metrics, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        Path blink = dataRoot.resolve(rig).resolve(ArchiveLayout.BLINK);
        List<Path> files = new ArrayList<>();
        for (Path f : FileWalker.files(blink, d -> !d.getFileName().toString().equalsIgnoreCase(ArchiveLayout.ACCEPT), cancel)) {
            if (ImageFormat.of(f).isImage()) {
                files.add(f);
            }
        }
        FrameScanner.ReadSpec spec = new FrameScanner.ReadSpec(Map.of(), MetadataReader.Precedence.PATH_FIRST, false,
                m -> metrics.stream().filter(name -> !PixelMetrics.isToken(name)).anyMatch(name -> value(m, name) == null));
        List<String> pixelTokens = pixels == null ? List.of() : metrics.stream().filter(PixelMetrics::isToken).toList();
        List<ScannedFrame> scanned = scanner.read(dataRoot, files, f -> spec, listener, cancel);
        Map<Path, List<CullFrame>> byFolder = new TreeMap<>();
        List<LeftBehind> unreadable = new ArrayList<>();
        for (ScannedFrame s : scanned) {
            if (!s.ok()) {
                unreadable.add(new LeftBehind(s.file(), s.problem()));
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            PixelMetrics px = null;
            if (!pixelTokens.isEmpty()) {
                cancel.throwIfCancelled();
                try {
                    px = pixels.metrics(s.file());
                } catch (UnreadableFileException e) {
                    unreadable.add(new LeftBehind(s.file(), e.getMessage()));
                }
            }
            for (String name : metrics) {
                Double v = PixelMetrics.isToken(name) ? (px == null ? null : px.value(name)) : value(s.metadata(), name);
                if (v != null) {
                    values.put(name, v);
                }
            }
            byFolder.computeIfAbsent(s.relative().getParent(), k -> new ArrayList<>())
                    .add(new CullFrame(s.file(), s.relative(), values));
        }
        List<CullGroup> groups = new ArrayList<>();
        byFolder.forEach((folder, frames) -> {
            // apdm names frames by capture time, so name order is capture order
            frames.sort((a, b) -> a.file().getFileName().toString().compareTo(b.file().getFileName().toString()));
            groups.add(new CullGroup(rig, folder, frames));
        });
        return new Scan(rig, groups, unreadable);
    }

    /** A metric as a number; a missing or non-numeric value is no value. */
    static Double value(FrameMetadata m, String name) {
        String raw = m.value(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(raw.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Rig folders below the data root that have a {@code 10_Blink}. */
    public static List<String> rigsWithBlink(Path dataRoot) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dataRoot)) {
            return out;
        }
        try (var s = Files.list(dataRoot)) {
            s.filter(p -> org.apdm.core.layout.RigName.parse(p.getFileName().toString()).isPresent())
                    .filter(p -> Files.isDirectory(p.resolve(ArchiveLayout.BLINK)))
                    .map(p -> p.getFileName().toString()).sorted().forEach(out::add);
        }
        return out;
    }
}
