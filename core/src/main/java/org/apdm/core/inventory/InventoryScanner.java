package org.apdm.core.inventory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.layout.RigName;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FitsHeaderReader;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.FrameType;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.NormalizationRules;
import org.apdm.core.metadata.PathTokens;
import org.apdm.core.metadata.RawHeader;
import org.apdm.core.metadata.UnreadableFileException;
import org.apdm.core.metadata.XisfHeaderReader;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.OperationCancelledException;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.task.ThrottledProgress;

/**
 * Scans a whole data root: {@code {rig}/{stage}/{target}/…} for every layout {@link LightFolderParser} knows.
 *
 * <p>Values come from the path first. A frame's header is opened only where the path is silent (a
 * {@code LIGHT_Ha} folder has no exposure, {@code DATE_d} alone no filter), through
 * {@link FrameScanner.ReadSpec#headerNeeded()}; a folder whose path says everything is counted from its
 * listing alone. For the database, one frame per folder is read for the site and gain
 * ({@link Options#siteHeaders()}). Folders are processed in parallel; a file or folder that cannot be
 * read is reported in {@link Inventory#problems()} and the scan goes on.
 *
 * <p>Master calibration files ({@code masterDark…}, {@code masterFlat…}, {@code masterBias…}) are never
 * counted as frames; they tell whether a night has its calibration: a master dark of the folder's exposure
 * and a master flat of its filter in the folder or any folder above it, up to the target.
 */
public final class InventoryScanner {

    /**
     * What to read besides the path.
     *
     * @param rigs              rig folder names to scan (compared canonically); empty for all
     * @param siteHeaders       read one frame's header per folder for site, gain and set temperature
     * @param calibrationCounts read the masters' NCOMBINE for the AstroBin darks/flats/bias counts
     * @param diskSpace         report free space of the drives
     */
    public record Options(Set<String> rigs, boolean siteHeaders, boolean calibrationCounts, boolean diskSpace) {
        public Options {
            rigs = Set.copyOf(rigs);
        }

        /** The path and headers where the path is silent; disk space. What {@code apdm status} needs. */
        public static final Options STATUS = new Options(Set.of(), false, false, true);
        /** Also site, gain and calibration counts: what the database needs. */
        public static final Options DATABASE = new Options(Set.of(), true, true, false);

        public Options withRigs(Set<String> names) {
            return new Options(names, siteHeaders, calibrationCounts, diskSpace);
        }
    }

    private final FrameScanner frames;
    private final LightFolderParser parser;
    private final FilterNames filters;

    /** With the built-in rules and filters. */
    public InventoryScanner() {
        this(NormalizationRules.defaults(), new FilterNames(NormalizationRules.DEFAULT_FILTER_ALIASES,
                ApdmConfig.DEFAULT_FILTERS.stream().map(ApdmConfig.FilterDef::name).toList()));
    }

    /** With the configuration's filter aliases, night rule and filters. */
    public InventoryScanner(ApdmConfig config) {
        this(config.normalization(), FilterNames.of(config));
    }

    private InventoryScanner(NormalizationRules rules, FilterNames filters) {
        this.frames = new FrameScanner(new MetadataReader(rules));
        this.filters = filters;
        this.parser = new LightFolderParser(filters);
    }

    /** Scans every rig below {@code dataRoot}: paths, headers where the paths are silent, disk space. */
    public Inventory scan(Path dataRoot, ProgressListener listener, CancellationToken cancel) throws IOException {
        return scan(dataRoot, Options.STATUS, listener, cancel).inventory();
    }

    /** Scans with the given options; the full result. */
    public InventoryScan scan(Path dataRoot, Options options, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        Path root = dataRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("the data folder " + root + " does not exist");
        }
        List<LeftBehind> problems = Collections.synchronizedList(new ArrayList<>());
        Set<String> unknownStages = new TreeSet<>();
        List<Path> rigDirs = new ArrayList<>();
        List<Path> targetDirs = new ArrayList<>();
        List<Path> notRigs = new ArrayList<>();
        Set<String> wanted = options.rigs().stream().map(ApdmConfig::canonicalRig).collect(Collectors.toSet());
        for (Path rig : folders(root, problems)) {
            String name = rig.getFileName().toString();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue; // libraries (_Dark Library, _Flats Stash) and hidden folders
            }
            if (RigName.parse(name).isEmpty()) {
                notRigs.add(rig); // a backups folder, the user's own notes: not data, not a problem
                continue;
            }
            if (!wanted.isEmpty() && !wanted.contains(ApdmConfig.canonicalRig(name))) {
                continue;
            }
            rigDirs.add(rig);
            for (Path stage : folders(rig, problems)) {
                String stageName = stage.getFileName().toString();
                if (stageName.startsWith(".")) {
                    continue;
                }
                if (!ArchiveLayout.STAGES.contains(stageName)) {
                    unknownStages.add(stageName);
                }
                for (Path target : folders(stage, problems)) {
                    if (!target.getFileName().toString().startsWith(".")) {
                        targetDirs.add(target);
                    }
                }
            }
        }

        // 1. list every target's tree (parallel per target)
        ThrottledProgress listing = new ThrottledProgress(listener, "list", targetDirs.size());
        List<TargetListing> listings = targetDirs.parallelStream().map(t -> {
            check(cancel);
            TargetListing l = list(t, problems);
            listing.step(t);
            return l;
        }).toList();
        listing.finish();

        // 2. count and read each folder (parallel per folder)
        Map<Path, List<String>> masters = new HashMap<>();
        List<Dir> dirs = new ArrayList<>();
        for (TargetListing l : listings) {
            for (Dir d : l.dirs()) {
                if (!d.masters().isEmpty()) {
                    masters.put(d.path(), d.masters());
                }
                if (!d.lights().isEmpty()) {
                    dirs.add(d);
                }
            }
        }
        Map<Path, Integer> ncombine = new ConcurrentHashMap<>();
        ThrottledProgress reading = new ThrottledProgress(listener, "inventory", dirs.size());
        List<Result> results = dirs.parallelStream().map(d -> {
            check(cancel);
            Result r = folder(root, d, masters, ncombine, options, problems);
            reading.step(d.path());
            return r;
        }).filter(r -> r != null).toList();
        reading.finish();

        List<InventoryFolder> folders = new ArrayList<>(results.size());
        Map<Path, FolderFacts> facts = new HashMap<>();
        for (Result r : results) {
            folders.add(r.folder());
            facts.put(r.folder().folder(), r.facts());
        }
        folders.sort(Comparator.comparing(InventoryFolder::folder));
        List<TargetFolder> targets = new ArrayList<>();
        for (TargetListing l : listings) {
            List<String> seg = segments(root, l.target());
            targets.add(new TargetFolder(seg.get(0), seg.get(1), TargetName.of(seg.get(2)).name(), l.target(),
                    Instant.ofEpochMilli(l.newest())));
        }
        targets.sort(Comparator.comparing(TargetFolder::folder));
        List<LeftBehind> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort(Comparator.comparing((LeftBehind p) -> p.file().toString()).thenComparing(LeftBehind::reason));
        Inventory inventory = new Inventory(root, folders, new ArrayList<>(unknownStages), sortedProblems);
        List<DiskSpace> disks = options.diskSpace() ? disks(root, rigDirs) : List.of();
        return new InventoryScan(inventory, facts, targets, disks, notRigs);
    }

    private static void check(CancellationToken cancel) {
        if (cancel.isCancelled()) {
            throw new OperationCancelledException();
        }
    }

    private static List<Path> folders(Path dir, List<LeftBehind> problems) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            problems.add(new LeftBehind(dir, "cannot read folder: " + e.getMessage()));
        }
        out.sort(null);
        return out;
    }

    /** One folder's image files: lights (candidates) and masters, by name. */
    record Dir(Path path, List<String> lights, List<String> masters) {
    }

    record TargetListing(Path target, List<Dir> dirs, long newest) {
    }

    record Result(InventoryFolder folder, FolderFacts facts) {
    }

    private static TargetListing list(Path target, List<LeftBehind> problems) {
        Map<Path, Dir> dirs = new LinkedHashMap<>();
        // past 10_Blink only accept/ holds frames; the rest of a target is processing (PixInsight's calibrated
        // and registered files), which is not data
        boolean blink = target.getParent().getFileName().toString().equals(ArchiveLayout.BLINK);
        Path accept = target.resolve(LightFolderParser.ACCEPT);
        long[] newest = {0};
        try {
            Files.walkFileTree(target, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    newest[0] = Math.max(newest[0], attrs.lastModifiedTime().toMillis());
                    String name = dir.getFileName().toString();
                    if (!dir.equals(target) && (name.startsWith(".")
                            || (dir.getParent().equals(target) && name.equalsIgnoreCase(LightFolderParser.MASTER)))) {
                        return FileVisitResult.SKIP_SUBTREE; // processed master lights are not frames
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    newest[0] = Math.max(newest[0], attrs.lastModifiedTime().toMillis());
                    String name = file.getFileName().toString();
                    if (!attrs.isRegularFile() || FileWalker.isInternal(name) || !ImageFormat.of(name).isImage()) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!blink && !file.startsWith(accept) && !isAccept(target, file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Dir d = dirs.computeIfAbsent(file.getParent(), p -> new Dir(p, new ArrayList<>(), new ArrayList<>()));
                    (MasterKind.of(name) != null ? d.masters() : d.lights()).add(name);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    problems.add(new LeftBehind(file, "cannot read: " + exc.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new LeftBehind(target, "cannot read folder: " + e.getMessage()));
        }
        for (Dir d : dirs.values()) {
            d.lights().sort(null);
            d.masters().sort(null);
        }
        return new TargetListing(target, new ArrayList<>(dirs.values()), newest[0]);
    }

    /** Below the target's accept folder, whatever the case of its name. */
    private static boolean isAccept(Path target, Path file) {
        Path rel = target.relativize(file);
        return rel.getNameCount() > 1 && rel.getName(0).toString().equalsIgnoreCase(LightFolderParser.ACCEPT);
    }

    private Result folder(Path root, Dir dir, Map<Path, List<String>> masters, Map<Path, Integer> ncombine,
                          Options options, List<LeftBehind> problems) {
        List<String> seg = segments(root, dir.path());
        Optional<LightFolderParser.Parsed> parsed = parser.parse(seg);
        if (parsed.isEmpty()) {
            return null;
        }
        LightFolderParser.Parsed p = parsed.get();
        Path targetDir = root.resolve(seg.get(0)).resolve(seg.get(1)).resolve(seg.get(2));
        Map<String, Integer> groupFrames = new LinkedHashMap<>();
        Map<String, Double> groupSeconds = new HashMap<>();
        FrameMetadata sample = null;
        int count = 0;
        if (p.complete()) {
            count = dir.lights().size();
            String key = key(p.night(), p.filter(), p.exposure(), p.panel());
            groupFrames.put(key, count);
            groupSeconds.put(key, count * seconds(p.exposure()));
        } else {
            // a filter the path lacks is never "known" from the path: "no FILTER" means RGB only when the
            // header has none either (a mono camera's TYPE_LIGHT folder still has filters)
            Predicate<FrameMetadata> needed = m -> p.filter() == null
                    || (p.night() == null && !m.has(Field.DATE))
                    || (p.exposure() == null && !m.has(Field.EXPOSURE));
            FrameScanner.ReadSpec spec = new FrameScanner.ReadSpec(p.structural(),
                    MetadataReader.Precedence.PATH_FIRST, false, needed);
            for (String name : dir.lights()) {
                Path file = dir.path().resolve(name);
                ScannedFrame f = frames.readOne(targetDir, file, spec);
                if (!f.ok()) {
                    problems.add(new LeftBehind(file, f.problem()));
                    continue;
                }
                FrameMetadata m = f.metadata();
                if (m.get(Field.TYPE) != null && m.type() != FrameType.LIGHT) {
                    continue; // a dark or flat left among the lights is not a light
                }
                if (sample == null && m.has(Field.LATITUDE)) {
                    sample = m;
                }
                String night = p.night() != null ? p.night() : m.get(Field.DATE);
                String filter = p.filter() != null ? p.filter() : filters.canonical(m.get(Field.FILTER));
                String exposure = p.exposure() != null ? p.exposure() : m.get(Field.EXPOSURE);
                String panel = !p.panel().isEmpty() ? p.panel() : (m.has(Field.PANEL) ? m.get(Field.PANEL) : "");
                // a frame of unknown exposure (a DSLR raw file without EXIF) is counted, without hours; the
                // folder says so once where it is recorded (db update), not once per frame
                String key = key(night, filter, exposure, panel);
                groupFrames.merge(key, 1, Integer::sum);
                groupSeconds.merge(key, seconds(exposure), Double::sum);
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        if (options.siteHeaders() && sample == null) {
            sample = sample(targetDir, dir, p, problems);
        }
        List<FolderFacts.FrameGroup> groups = new ArrayList<>();
        String[] top = null;
        int topFrames = -1;
        double totalSeconds = 0;
        for (Map.Entry<String, Integer> e : groupFrames.entrySet()) {
            String[] k = e.getKey().split("\u0000", -1);
            double s = groupSeconds.get(e.getKey());
            totalSeconds += s;
            groups.add(new FolderFacts.FrameGroup(nullIfEmpty(k[0]), nullIfEmpty(k[1]), nullIfEmpty(k[2]), k[3],
                    e.getValue(), s / 3600.0));
            if (e.getValue() > topFrames) {
                topFrames = e.getValue();
                top = k;
            }
        }
        String night = nullIfEmpty(top[0]);
        String filter = nullIfEmpty(top[1]);
        String exposure = nullIfEmpty(top[2]);
        Calibration cal = calibration(dir.path(), targetDir, exposure, filter, masters, ncombine,
                options.calibrationCounts());
        InventoryFolder folder = new InventoryFolder(p.rig(), p.stage(), p.target(), top[3], night, filter, exposure,
                dir.path(), count, totalSeconds / 3600.0, p.accepted(), cal.dark() != null, cal.flat() != null,
                cal.bias() != null);
        String setTemp = p.setTemp() != null ? p.setTemp() : sample == null ? null : sample.get(Field.SETTEMP);
        FolderFacts facts = new FolderFacts(dir.path(), sample == null ? null : sample.get(Field.LATITUDE),
                sample == null ? null : sample.get(Field.LONGITUDE), p.location(),
                sample == null ? null : sample.get(Field.GAIN), setTemp,
                RigName.parse(p.rig()).map(RigName::focalRatio).orElse(null),
                cal.darkFrames(), cal.flatFrames(), cal.biasFrames(), groups);
        return new Result(folder, facts);
    }

    /** The header of the first frame that can be read, for site, gain and set temperature. */
    private FrameMetadata sample(Path targetDir, Dir dir, LightFolderParser.Parsed p, List<LeftBehind> problems) {
        FrameScanner.ReadSpec spec = new FrameScanner.ReadSpec(p.structural(), MetadataReader.Precedence.PATH_FIRST,
                true);
        int tried = 0;
        for (String name : dir.lights()) {
            ScannedFrame f = frames.readOne(targetDir, dir.path().resolve(name), spec);
            if (f.ok()) {
                return f.metadata();
            }
            problems.add(new LeftBehind(f.file(), f.problem()));
            if (++tried == 3) {
                break;
            }
        }
        return null;
    }

    private static String key(String night, String filter, String exposure, String panel) {
        return (night == null ? "" : night) + "\u0000" + (filter == null ? "" : filter) + "\u0000"
                + (exposure == null ? "" : exposure) + "\u0000" + (panel == null ? "" : panel);
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static double seconds(String exposure) {
        if (exposure == null) {
            return 0;
        }
        try {
            return Double.parseDouble(exposure);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> segments(Path root, Path dir) {
        return PathTokens.segments(root.relativize(dir));
    }

    // ---- calibration ----

    /** The kind of a master calibration file, from its name. */
    enum MasterKind {
        DARK, FLAT, BIAS;

        /** {@code masterDark…}, {@code master_flat…}, {@code MasterBias…}, {@code masterOffset…}; else null. */
        static MasterKind of(String fileName) {
            String n = fileName.toLowerCase(Locale.ROOT);
            if (!n.startsWith("master")) {
                return null;
            }
            int i = "master".length();
            while (i < n.length() && (n.charAt(i) == '_' || n.charAt(i) == '-' || n.charAt(i) == ' ')) {
                i++;
            }
            String rest = n.substring(i);
            if (rest.startsWith("dark")) {
                return DARK;
            }
            if (rest.startsWith("flat")) {
                return FLAT;
            }
            if (rest.startsWith("bias") || rest.startsWith("offset")) {
                return BIAS;
            }
            return null; // masterLight and the like are products, not calibration; not frames either
        }
    }

    record Calibration(Path dark, Path flat, Path bias, Integer darkFrames, Integer flatFrames, Integer biasFrames) {
    }

    private Calibration calibration(Path dir, Path targetDir, String exposure, String filter,
                                    Map<Path, List<String>> masters, Map<Path, Integer> ncombine, boolean counts) {
        Path dark = null;
        Path flat = null;
        Path bias = null;
        for (Path d = dir; d != null && d.startsWith(targetDir); d = d.getParent()) {
            for (String name : masters.getOrDefault(d, List.of())) {
                MasterKind kind = MasterKind.of(name);
                Map<String, String> tokens = PathTokens.parse(List.of(name)).values();
                if (kind == MasterKind.DARK && dark == null && matches(tokens, exposure)) {
                    dark = d.resolve(name);
                } else if (kind == MasterKind.FLAT && flat == null
                        && (filter == null || tokens.get("FILTER") == null
                        || filter.equals(filters.canonical(tokens.get("FILTER"))))) {
                    flat = d.resolve(name);
                } else if (kind == MasterKind.BIAS && bias == null) {
                    bias = d.resolve(name);
                }
            }
        }
        return new Calibration(dark, flat, bias, counts ? frames(dark, ncombine) : null,
                counts ? frames(flat, ncombine) : null, counts ? frames(bias, ncombine) : null);
    }

    private static boolean matches(Map<String, String> tokens, String exposure) {
        String e = tokens.get("EXPOSURE") != null ? tokens.get("EXPOSURE")
                : tokens.get("EXPTIME") != null ? tokens.get("EXPTIME") : tokens.get("EXP");
        if (e == null || exposure == null) {
            return true;
        }
        String two = org.apdm.core.metadata.MetadataNormalizer.twoDecimals(e);
        return exposure.equals(two);
    }

    /** Frames integrated into a master (NCOMBINE), or null when it does not say. */
    private static Integer frames(Path master, Map<Path, Integer> cache) {
        if (master == null) {
            return null;
        }
        int n = cache.computeIfAbsent(master, m -> {
            try {
                RawHeader h = ImageFormat.of(m) == ImageFormat.XISF
                        ? XisfHeaderReader.read(m, "NCOMBINE"::equals)
                        : FitsHeaderReader.read(m, "NCOMBINE"::equals);
                String v = h.get("NCOMBINE");
                return v == null ? -1 : (int) Math.round(Double.parseDouble(v.trim()));
            } catch (UnreadableFileException | NumberFormatException e) {
                return -1;
            }
        });
        return n < 0 ? null : n;
    }

    // ---- disks ----

    private static List<DiskSpace> disks(Path root, List<Path> rigDirs) {
        Map<FileStore, Path> stores = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        all.add(root);
        all.addAll(rigDirs);
        for (Path p : all) {
            try {
                stores.putIfAbsent(Files.getFileStore(p.toRealPath()), p);
            } catch (IOException e) {
                // a folder that vanished or cannot be asked is not a drive to warn about
            }
        }
        List<DiskSpace> out = new ArrayList<>();
        stores.forEach((store, path) -> {
            try {
                String name = store.name() == null || store.name().isBlank() ? store.toString() : store.name();
                out.add(new DiskSpace(name, path, store.getTotalSpace(), store.getUsableSpace()));
            } catch (IOException e) {
                // space unknown: nothing to report
            }
        });
        return out;
    }
}
