package org.apdm.core.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.layout.RigName;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.FrameType;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.MetadataNormalizer;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.OperationCancelledException;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.task.ThrottledProgress;

/**
 * Finds the nights of lights in a rig's {@code 10_Blink}: every {@code {target}/[accept/]DATE_*} folder, its lights
 * (the rig folder gives optic and camera, the folders the rest, the header gain, offset and readout mode) and the
 * masters already in it (header first, their own file name filling gaps, never the folder's date).
 */
public final class NightFolderScanner {

    /**
     * @param rig        rig folder
     * @param nights     DATE folders with lights, in path order
     * @param unreadable files that could not be read
     * @param notes      what was skipped and why
     * @param readout    some light carries a readout mode (READOUTM)
     */
    public record RigScan(String rig, List<NightFolder> nights, List<LeftBehind> unreadable, List<String> notes,
                          boolean readout) {
    }

    private static final Field[] GROUP_BY = {Field.FILTER, Field.EXPOSURE, Field.SETTEMP, Field.GAIN, Field.OFFSET,
            Field.READOUT_MODE, Field.DATE, Field.OPTIC, Field.CAMERA, Field.FOCAL_LENGTH, Field.BINNING};

    private final FrameScanner scanner;

    public NightFolderScanner(MetadataReader reader) {
        this.scanner = new FrameScanner(reader);
    }

    /**
     * Scans rigs' 10_Blink folders. The files of all rigs are read in one parallel pass, with one progress count.
     *
     * @return one scan per rig, in the given order
     */
    public List<RigScan> scan(Path data, List<String> rigs, ProgressListener listener, CancellationToken cancel)
            throws IOException {
        List<Listing> listings = new ArrayList<>();
        List<Path> images = new ArrayList<>();
        Map<Path, FrameScanner.ReadSpec> lightSpecs = new java.util.HashMap<>();
        for (String rig : rigs) {
            Listing l = list(data, rig, cancel);
            listings.add(l);
            FrameScanner.ReadSpec lightSpec = new FrameScanner.ReadSpec(rigValues(rig),
                    MetadataReader.Precedence.PATH_FIRST, true);
            l.nights.values().forEach(n -> n.files.stream().filter(f -> ImageFormat.of(f).isImage()).forEach(f -> {
                images.add(f);
                lightSpecs.put(f, lightSpec);
            }));
        }
        ThrottledProgress progress = new ThrottledProgress(listener, "scan 10_Blink", images.size());
        Map<Path, ScannedFrame> read = new java.util.concurrent.ConcurrentHashMap<>();
        images.parallelStream().forEach(f -> {
            if (cancel.isCancelled()) {
                throw new OperationCancelledException();
            }
            ScannedFrame sf = isMasterName(f)
                    ? scanner.readOne(f.getParent(), f, MasterScanner.spec(f.getFileName()))
                    : scanner.readOne(data, f, lightSpecs.get(f));
            read.put(f, sf);
            progress.step(f);
        });
        progress.finish();
        List<RigScan> out = new ArrayList<>();
        for (Listing l : listings) {
            out.add(assemble(l, read));
        }
        return out;
    }

    /** The DATE folders of one rig and their files; no file is opened. */
    private static Listing list(Path data, String rig, CancellationToken cancel) throws IOException {
        Path blink = data.resolve(rig).resolve(ArchiveLayout.BLINK);
        List<Path> files = FileWalker.files(blink, d -> true, cancel);
        Listing listing = new Listing(rig);
        for (Path f : files) {
            List<String> s = org.apdm.core.metadata.PathTokens.segments(blink.relativize(f));
            int from = s.size() > 2 && s.get(1).equalsIgnoreCase(ArchiveLayout.ACCEPT) ? 2 : 1;
            int date = -1;
            for (int j = from; j < s.size() - 1; j++) {
                if (s.get(j).startsWith(ArchiveLayout.DATE_PREFIX)) {
                    date = j;
                    break;
                }
            }
            if (date < 0) {
                if (ImageFormat.of(f).isImage()) {
                    listing.outside++;
                }
                continue;
            }
            Path folder = blink;
            for (int j = 0; j <= date; j++) {
                folder = folder.resolve(s.get(j));
            }
            listing.nights.computeIfAbsent(folder, k -> new Night(s.get(0), from == 2)).files.add(f);
        }
        return listing;
    }

    private RigScan assemble(Listing listing, Map<Path, ScannedFrame> read) {
        String rig = listing.rig;
        List<NightFolder> out = new ArrayList<>();
        List<LeftBehind> unreadable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean readout = false;
        int neither = 0;
        for (Map.Entry<Path, Night> e : listing.nights.entrySet()) {
            Night n = e.getValue();
            List<MasterFrame> masters = new ArrayList<>();
            Map<String, GroupBuilder> groups = new LinkedHashMap<>();
            for (Path f : n.files) {
                ScannedFrame sf = read.get(f);
                if (sf == null) {
                    continue;
                }
                if (!sf.ok()) {
                    unreadable.add(new LeftBehind(f, sf.problem()));
                    continue;
                }
                FrameMetadata m = sf.metadata();
                MasterFrame master = MasterScanner.classify(f, m, scanner.reader(), MasterScanner.NO_FOLDER_VALUES);
                if (master != null) {
                    masters.add(master);
                } else if (m.type() == FrameType.LIGHT) {
                    readout |= m.has(Field.READOUT_MODE);
                    StringBuilder key = new StringBuilder(f.getParent().toString());
                    for (Field g : GROUP_BY) {
                        key.append('\u0000').append(m.get(g));
                    }
                    groups.computeIfAbsent(key.toString(), k -> new GroupBuilder(f.getParent(), m)).count++;
                } else {
                    neither++;
                }
            }
            if (groups.isEmpty()) {
                continue;
            }
            String dateName = e.getKey().getFileName().toString().substring(ArchiveLayout.DATE_PREFIX.length());
            String night = MetadataNormalizer.dateOnly(dateName);
            if (night == null) {
                night = groups.values().iterator().next().light.get(Field.DATE);
            }
            List<NightFolder.LightGroup> lg = groups.values().stream()
                    .map(g -> new NightFolder.LightGroup(g.folder, g.light, g.count)).toList();
            out.add(new NightFolder(rig, n.target, n.accepted, e.getKey(), night, lg, masters, n.files));
        }
        if (listing.outside > 0) {
            notes.add(rig + ": " + listing.outside
                    + " image(s) in 10_Blink are not in a {target}/[accept/]DATE_… folder; skipped");
        }
        if (neither > 0) {
            notes.add(rig + ": " + neither + " image(s) in DATE folders are neither lights nor master bias/dark/flat; skipped");
        }
        return new RigScan(rig, out, unreadable, notes, readout);
    }

    /** Rig folders ({@code optic@fN+camera}) below the data root. */
    public static List<String> rigFolders(Path data) throws IOException {
        List<String> out = new ArrayList<>();
        if (data == null || !Files.isDirectory(data)) {
            return out;
        }
        try (var s = Files.list(data)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> RigName.parse(n).isPresent()).sorted().forEach(out::add);
        }
        return out;
    }

    /** Rig folders with a {@code 10_Blink}. */
    public static List<String> rigsWithBlink(Path data) throws IOException {
        List<String> out = new ArrayList<>();
        for (String r : rigFolders(data)) {
            if (Files.isDirectory(data.resolve(r).resolve(ArchiveLayout.BLINK))) {
                out.add(r);
            }
        }
        return out;
    }

    static boolean isMasterName(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("master");
    }

    /** What the rig folder says about every light in it; ranked above names and header. */
    static Map<String, String> rigValues(String rig) {
        return RigName.parse(rig).map(r -> Map.of("TELESCOP", r.optic(), "FOCRATIO", r.focalRatio(), "INSTRUME", r.camera()))
                .orElse(Map.of());
    }

    private static final class Listing {
        final String rig;
        final Map<Path, Night> nights = new TreeMap<>();
        int outside;

        Listing(String rig) {
            this.rig = rig;
        }
    }

    private static final class Night {
        final String target;
        final boolean accepted;
        final List<Path> files = new ArrayList<>();

        Night(String target, boolean accepted) {
            this.target = target;
            this.accepted = accepted;
        }
    }

    private static final class GroupBuilder {
        final Path folder;
        final FrameMetadata light;
        int count;

        GroupBuilder(Path folder, FrameMetadata light) {
            this.folder = folder;
            this.light = light;
        }
    }
}
