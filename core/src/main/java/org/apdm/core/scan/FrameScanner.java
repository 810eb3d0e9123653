package org.apdm.core.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.UnreadableFileException;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.OperationCancelledException;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.task.ThrottledProgress;

/**
 * Reads the metadata of many files in parallel. One unreadable file never stops a scan: it comes
 * back with its reason.
 */
public final class FrameScanner {

    /**
     * How to read one file: values from the folder layout, precedence, and when to open the header.
     *
     * @param readHeader   always open the header
     * @param headerNeeded when {@code readHeader} is false: the names are read first, and the header
     *                     only when this says the names lack something (null: never)
     * @param layers       what the frame's capture profile adds (pattern values, defaults)
     */
    public record ReadSpec(Map<String, String> structural, MetadataReader.Precedence precedence, boolean readHeader,
                           java.util.function.Predicate<FrameMetadata> headerNeeded, MetadataReader.Layers layers) {
        public static final ReadSpec RAW = new ReadSpec(Map.of(), MetadataReader.Precedence.PATH_FIRST, true, null);

        public ReadSpec(Map<String, String> structural, MetadataReader.Precedence precedence, boolean readHeader,
                        java.util.function.Predicate<FrameMetadata> headerNeeded) {
            this(structural, precedence, readHeader, headerNeeded, MetadataReader.Layers.NONE);
        }

        public ReadSpec(Map<String, String> structural, MetadataReader.Precedence precedence, boolean readHeader) {
            this(structural, precedence, readHeader, null);
        }
    }

    private final MetadataReader reader;

    public FrameScanner(MetadataReader reader) {
        this.reader = reader;
    }

    public MetadataReader reader() {
        return reader;
    }

    /**
     * Reads every file.
     *
     * @param root  paths are parsed for tokens relative to this folder
     * @param specs how to read each file
     */
    public List<ScannedFrame> read(Path root, List<Path> files, Function<Path, ReadSpec> specs,
                                   ProgressListener listener, CancellationToken cancel) {
        ThrottledProgress progress = new ThrottledProgress(listener, "scan", files.size());
        List<ScannedFrame> out = files.parallelStream().map(file -> {
            if (cancel.isCancelled()) {
                throw new OperationCancelledException();
            }
            ScannedFrame f = readOne(root, file, specs.apply(file));
            progress.step(file);
            return f;
        }).toList();
        progress.finish();
        return out;
    }

    public ScannedFrame readOne(Path root, Path file, ReadSpec spec) {
        Path relative = root.relativize(file);
        try {
            FrameMetadata m = reader.read(file, relative, spec.structural(), spec.layers(), spec.precedence(),
                    spec.readHeader());
            if (!spec.readHeader() && spec.headerNeeded() != null && spec.headerNeeded().test(m)) {
                m = reader.read(file, relative, spec.structural(), spec.layers(), spec.precedence(), true);
            }
            return new ScannedFrame(file, relative, m, null);
        } catch (UnreadableFileException e) {
            return new ScannedFrame(file, relative, null, e.getMessage());
        } catch (RuntimeException e) {
            return new ScannedFrame(file, relative, null, "cannot read: " + e);
        }
    }

    public static List<Path> list(Path root, CancellationToken cancel) throws IOException {
        return FileWalker.files(root, d -> true, cancel);
    }
}
