package org.apdm.core.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.UnreadableFileException;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.Progress;
import org.apdm.core.task.ProgressListener;

/**
 * {@code apdm analyze}: measures frames from their pixels, through the cache. Reads only; changes no frame.
 * Frames are measured one at a time (each uses every core), so memory stays at one frame.
 */
public final class AnalyzeOperation {

    /** One measured frame. */
    public record Measured(Path file, PixelMetrics metrics, boolean cached) {
    }

    /** What a run measured, what it could not read, and whether it was cancelled. */
    public record Result(List<Measured> frames, List<LeftBehind> unreadable, boolean cancelled) {
    }

    private final AnalysisCache cache;

    public AnalyzeOperation(AnalysisCache cache) {
        this.cache = cache;
    }

    /** FITS and XISF frames in these files and folders (folders walked, {@code accept/} included), in path order. */
    public static List<Path> frames(List<Path> paths, CancellationToken cancel) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : FileWalker.files(p, d -> true, cancel)) {
                    if (readable(f)) {
                        out.add(f);
                    }
                }
            } else {
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean readable(Path f) {
        ImageFormat fmt = ImageFormat.of(f);
        return fmt == ImageFormat.FITS || fmt == ImageFormat.XISF;
    }

    public Result run(List<Path> files, ProgressListener listener, CancellationToken cancel) {
        List<Measured> frames = new ArrayList<>();
        List<LeftBehind> unreadable = new ArrayList<>();
        int done = 0;
        for (Path f : files) {
            if (cancel.isCancelled()) {
                return new Result(frames, unreadable, true);
            }
            listener.onProgress(new Progress("analyze", done, files.size(), f.getFileName().toString()));
            try {
                PixelMetrics cached = cache.get(f);
                if (cached != null) {
                    frames.add(new Measured(f, cached, true));
                } else {
                    PixelMetrics m = measure(f);
                    cache.put(f, m);
                    frames.add(new Measured(f, m, false));
                }
            } catch (UnreadableFileException e) {
                unreadable.add(new LeftBehind(f, e.getMessage()));
            }
            done++;
        }
        listener.onProgress(new Progress("analyze", done, files.size(), ""));
        return new Result(frames, unreadable, false);
    }

    /** One frame through the cache; for the cull's px_* tokens and the blink page. */
    public PixelMetrics metrics(Path f) throws UnreadableFileException {
        PixelMetrics cached = cache.get(f);
        if (cached != null) {
            return cached;
        }
        PixelMetrics m = measure(f);
        cache.put(f, m);
        return m;
    }

    private static PixelMetrics measure(Path f) throws UnreadableFileException {
        if (!Files.isRegularFile(f)) {
            throw new UnreadableFileException(f.getFileName() + ": no such file");
        }
        if (!readable(f)) {
            throw new UnreadableFileException(f.getFileName() + ": apdm measures FITS and XISF frames only");
        }
        return FrameAnalyzer.analyze(f).metrics();
    }
}
