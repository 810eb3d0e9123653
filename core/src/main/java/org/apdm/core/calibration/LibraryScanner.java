package org.apdm.core.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.PathTokens;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * Reads the calibration library: only below the layout's fixed folders ({@code _Bias Library}, {@code _Dark Library},
 * {@code _Flat Stash}), never the rest of the data root, which also holds the masters copied next to lights.
 * A master's folders fill what its header and name lack ({@code _Flat Stash/ATR585M/SQA55} → camera and optic).
 */
public final class LibraryScanner {

    private final MasterScanner masters;
    private final LibraryLayout layout;
    private final CalibrationRigs rigs;

    public LibraryScanner(MetadataReader reader, LibraryLayout layout, CalibrationRigs rigs) {
        this.masters = new MasterScanner(reader);
        this.layout = layout;
        this.rigs = rigs;
    }

    public MasterScanner.Scan scan(Path library, ProgressListener listener, CancellationToken cancel) throws IOException {
        Set<String> tops = new LinkedHashSet<>();
        for (MasterKind k : MasterKind.values()) {
            tops.add(layout.topFolder(k));
        }
        List<Path> files = new ArrayList<>();
        for (String top : tops) {
            files.addAll(FileWalker.files(library.resolve(top), d -> true, cancel));
        }
        listener.onMessage("reading " + files.size() + " files of the calibration library " + library);
        return masters.scan(library, files, (file, kind) -> folderValues(library, file, kind), listener, cancel);
    }

    private Map<Field, String> folderValues(Path library, Path file, MasterKind kind) {
        List<String> segments = PathTokens.segments(library.relativize(file));
        Map<Field, String> v = new EnumMap<>(layout.valuesFromPath(kind, segments.subList(0, segments.size() - 1)));
        String camera = v.get(Field.CAMERA);
        if (camera != null) {
            v.put(Field.CAMERA, rigs.cameraOfLibraryFolder(camera));
        }
        return v;
    }
}
