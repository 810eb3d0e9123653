package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.layout.RigName;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.OperationCancelledException;
import org.apdm.core.task.Progress;
import org.apdm.core.task.ProgressListener;

/**
 * Interim {@link ArchiveSummarySource}: reads apdm's own layout from folder names alone
 * ({@code {rig}/{stage}/{target}[/accept]/DATE_{night}/FILTER_{f}_EXP_{e}[_SETTEMP_t][_PANEL_p]/}), opens no file,
 * and counts image files per folder. Masters lying in a night's folder (or the group folder) mark the night
 * as calibrated. Replaced by the core inventory, which understands the user's older layouts and reads
 * headers where the path is silent.
 */
public final class FolderLayoutSource implements ArchiveSummarySource {

    private static final Pattern STAGE = Pattern.compile("\\d\\d_.+");
    private static final Pattern GROUP = Pattern.compile("FILTER_(.*?)_EXP_([^_]+)(?:_SETTEMP_([^_]+))?(?:_PANEL_(.+))?");
    private static final Pattern PANEL = Pattern.compile("PANEL_(.+)");

    @Override
    public ArchiveSummary scan(Path dataRoot, ApdmConfig config, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        Path root = dataRoot.toAbsolutePath().normalize();
        Map<Path, int[]> lights = new HashMap<>();
        Map<Path, Set<String>> masters = new HashMap<>();
        Set<String> unknownStages = new LinkedHashSet<>();
        List<LeftBehind> problems = new ArrayList<>();
        long[] folders = {0};
        if (Files.isDirectory(root)) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (cancel.isCancelled()) {
                        throw new OperationCancelledException();
                    }
                    int depth = root.relativize(dir).getNameCount();
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (depth == 1 && RigName.parse(name).isEmpty()) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (depth == 2 && !ArchiveLayout.STAGES.contains(name)) {
                        unknownStages.add(root.relativize(dir).toString().replace('\\', '/'));
                        if (!STAGE.matcher(name).matches()) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    if (++folders[0] % 64 == 0) {
                        listener.onProgress(new Progress("archive", folders[0], -1, name));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (!attrs.isRegularFile() || !ImageFormat.of(file).isImage()) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (root.relativize(file).getNameCount() < 5) {
                        return FileVisitResult.CONTINUE;
                    }
                    String kind = masterKind(name);
                    if (kind != null) {
                        masters.computeIfAbsent(file.getParent(), k -> new LinkedHashSet<>()).add(kind);
                    } else {
                        lights.computeIfAbsent(file.getParent(), k -> new int[1])[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new LeftBehind(file, "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        List<ArchiveFolder> out = new ArrayList<>(lights.size());
        for (Map.Entry<Path, int[]> e : lights.entrySet()) {
            ArchiveFolder f = folder(root, e.getKey(), e.getValue()[0], masters);
            if (f != null) {
                out.add(f);
            } else {
                problems.add(new LeftBehind(e.getKey(), "not in apdm's folder layout ({rig}/{stage}/{target}/...)"));
            }
        }
        out.sort((a, b) -> a.folder().compareTo(b.folder()));
        listener.onProgress(new Progress("archive", folders[0], folders[0], ""));
        return new ArchiveSummary(root, out, List.copyOf(unknownStages), problems);
    }

    /** "dark", "flat", "bias" for a master calibration frame by its name, else null. */
    static String masterKind(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (!n.contains("master")) {
            return null;
        }
        for (String kind : List.of("dark", "flat", "bias")) {
            if (n.contains(kind)) {
                return kind;
            }
        }
        return null;
    }

    private static ArchiveFolder folder(Path root, Path dir, int frames, Map<Path, Set<String>> masters) {
        Path rel = root.relativize(dir);
        if (rel.getNameCount() < 3) {
            return null;
        }
        String rig = rel.getName(0).toString();
        String stage = rel.getName(1).toString();
        String target = rel.getName(2).toString();
        String night = null;
        String filter = null;
        String exposure = null;
        String panel = null;
        boolean accepted = !stage.equals(ArchiveLayout.BLINK);
        Set<String> kinds = new LinkedHashSet<>();
        for (int i = 3; i < rel.getNameCount(); i++) {
            String part = rel.getName(i).toString();
            if (part.equalsIgnoreCase(ArchiveLayout.ACCEPT)) {
                accepted = true;
            } else if (part.startsWith(ArchiveLayout.DATE_PREFIX)) {
                night = part.substring(ArchiveLayout.DATE_PREFIX.length());
            } else {
                Matcher g = GROUP.matcher(part);
                if (g.matches()) {
                    filter = g.group(1);
                    exposure = g.group(2);
                    if (g.group(4) != null) {
                        panel = g.group(4);
                    }
                } else {
                    Matcher p = PANEL.matcher(part);
                    if (p.matches()) {
                        panel = p.group(1);
                    }
                }
            }
        }
        for (Path d = dir; d != null && d.startsWith(root) && root.relativize(d).getNameCount() > 3; d = d.getParent()) {
            kinds.addAll(masters.getOrDefault(d, Set.of()));
        }
        double seconds = parse(exposure);
        double hours = Double.isNaN(seconds) ? 0 : frames * seconds / 3600.0;
        return new ArchiveFolder(rig, stage, target, panel, night, filter, exposure, dir, frames, hours, accepted,
                kinds.contains("dark"), kinds.contains("flat"), kinds.contains("bias"));
    }

    private static double parse(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
