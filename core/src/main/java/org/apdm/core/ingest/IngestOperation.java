package org.apdm.core.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.capture.CaptureProfile;
import org.apdm.core.capture.CaptureProfileMatcher;
import org.apdm.core.capture.CaptureProfiles;
import org.apdm.core.capture.CaptureSource;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.fileops.RecoveryReport;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.sync.SyncServiceRunner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * "Prep of RAW data": scan the N.I.N.A. dump and other capture programs' folders, plan, and (after approval)
 * carry the plan out through the {@link FileEngine}, wrapped in the sync-service commands. The command line and the window
 * both use this class; neither has its own implementation.
 */
public final class IngestOperation {

    /**
     * The folders of one run.
     *
     * @param raw     the N.I.N.A. RAW folder
     * @param sources further capture folders ({@code --source}); the configured {@code ingest.sources} are added,
     *                and an entry for the RAW folder itself gives it another profile
     */
    public record Request(Path raw, Path data, Path calibration, List<CaptureSource> sources) {

        public Request {
            sources = List.copyOf(sources);
        }

        public Request(Path raw, Path data, Path calibration) {
            this(raw, data, calibration, List.of());
        }

        /** Why these folders cannot work together, or null: ingest would sort its own output again. */
        public String folderProblem() {
            if (data.startsWith(raw) || raw.startsWith(data)) {
                return "the data folder " + data + " and the RAW folder " + raw + " must not contain one another";
            }
            for (CaptureSource s : sources) {
                if (data.startsWith(s.path()) || s.path().startsWith(data)) {
                    return "the data folder " + data + " and the source folder " + s.path()
                            + " must not contain one another";
                }
            }
            return null;
        }
    }

    /**
     * A plan ready to show and approve.
     *
     * @param sources  the folders read, each with its profile: the RAW folder, --source, ingest.sources
     * @param programs frames read per capture program (N.I.N.A., DWARF 3...), in source order
     * @param missing  configured source folders that do not exist now (a card not inserted), skipped
     * @param ignored  files of the sources that are no frames: previews, logs, the program's own stacks
     */
    public record Prepared(Request request, IngestPlanner.Result planned, int scanned, Duration scanTime,
                           RecoveryReport recovery, List<CaptureSource> sources, Map<String, Integer> programs,
                           List<Path> missing, int ignored) {
    }

    /** What a run did. */
    public record Result(Prepared prepared, ExecutionResult execution, Duration runTime) {
    }

    private final ApdmConfig config;
    private final FileEngine engine;

    public IngestOperation(ApdmConfig config, FileEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    /** Recovers any interrupted run, scans the RAW folder and plans. Changes no file except recovery's. */
    public Prepared prepare(Request request, ProgressListener listener, CancellationToken cancel) throws IOException {
        RecoveryReport recovery = engine.recover();
        long start = System.nanoTime();
        FrameScanner scanner = new FrameScanner(new MetadataReader(config.normalization()));
        List<ScannedFrame> frames = new ArrayList<>();
        Map<String, Integer> programs = new LinkedHashMap<>();
        List<Path> missing = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        int scanned = 0;
        int ignored = 0;
        List<CaptureSource> sources = sources(request, config.ingestSources());
        for (CaptureSource source : sources) {
            if (!Files.isDirectory(source.path())) {
                missing.add(source.path());
                listener.onMessage("source folder " + source.path() + " does not exist now; skipped");
                continue;
            }
            roots.add(source.path());
            boolean rawFolder = source.path().equals(request.raw().toAbsolutePath().normalize());
            Classified classified = classify(source, rawFolder, cancel);
            Map<Path, CaptureProfileMatcher.Facts> facts = classified.facts();
            List<Path> files = List.copyOf(facts.keySet());
            ignored += classified.ignored();
            scanned += files.size();
            listener.onMessage("scanning " + files.size() + " files in " + source.path()
                    + (source.profile().equals(CaptureProfiles.NINA.id()) ? "" : " (" + source.profile() + ")"));
            List<ScannedFrame> read = scanner.read(source.path(), files, f -> {
                CaptureProfileMatcher.Facts fact = facts.get(f);
                return new FrameScanner.ReadSpec(Map.of(), fact.profile().precedence(), true, null, fact.layers());
            }, listener, cancel);
            for (CaptureProfileMatcher.Facts fact : facts.values()) {
                programs.merge(fact.profile().program(), 1, Integer::sum);
            }
            frames.addAll(read);
        }
        Duration scanTime = Duration.ofNanos(System.nanoTime() - start);
        IngestPlanner.Result planned = IngestPlanner.plan(frames,
                new IngestPlanner.Roots(roots, request.data(), request.calibration()),
                targetsWithoutAccept(request.data()));
        return new Prepared(request, planned, scanned, scanTime, recovery, sources, programs, missing, ignored);
    }

    /**
     * The frames of one folder, each with its program and what its path says. A capture card also holds the program's
     * previews, logs and stacks: those are left out (and left alone). Outside RAW, a frame no pattern recognises
     * (renamed, or moved to another folder) is asked its header's creator.
     */
    private static Classified classify(CaptureSource source, boolean rawFolder, CancellationToken cancel)
            throws IOException {
        Map<Path, CaptureProfileMatcher.Facts> facts = new LinkedHashMap<>();
        int ignored = 0;
        for (Path f : FrameScanner.list(source.path(), cancel)) {
            CaptureProfileMatcher.Facts fact = CaptureProfileMatcher.facts(source, source.path().relativize(f));
            if (!fact.output() && (rawFolder || ImageFormat.of(f).isImage())) {
                facts.put(f, fact);
            } else {
                ignored++;
            }
        }
        if (!rawFolder) {
            Map<Path, CaptureProfileMatcher.Facts> byCreator = new java.util.concurrent.ConcurrentHashMap<>();
            facts.entrySet().parallelStream().filter(e -> e.getValue().unrecognised()).forEach(e -> {
                CaptureProfile writer = CaptureProfiles.byCreator(
                        MetadataReader.headerKeywords(e.getKey(), CaptureProfiles.CREATOR_KEYWORDS));
                if (writer != null && writer != CaptureProfiles.NINA) {
                    byCreator.put(e.getKey(), CaptureProfileMatcher.facts(source,
                            source.path().relativize(e.getKey()), writer));
                }
            });
            facts.putAll(byCreator);
        }
        return new Classified(facts, ignored);
    }

    /** A folder's frames with their facts, and how many of its files are not frames. */
    private record Classified(Map<Path, CaptureProfileMatcher.Facts> facts, int ignored) {
    }

    /**
     * The RAW folder (N.I.N.A. unless a source entry names it), then the request's sources, then the configured
     * ones; one entry per folder, the first naming a folder wins.
     */
    static List<CaptureSource> sources(Request request, List<CaptureSource> configured) {
        Map<Path, CaptureSource> byPath = new LinkedHashMap<>();
        List<CaptureSource> all = new ArrayList<>(request.sources());
        all.addAll(configured);
        Path raw = request.raw().toAbsolutePath().normalize();
        CaptureSource rawSource = CaptureSource.nina(raw);
        for (CaptureSource s : all) {
            if (s.path().toAbsolutePath().normalize().equals(raw)) {
                rawSource = new CaptureSource(raw, s.profile(), s.defaults());
                break;
            }
        }
        byPath.put(raw, rawSource);
        for (CaptureSource s : all) {
            byPath.putIfAbsent(s.path().toAbsolutePath().normalize(), s);
        }
        return List.copyOf(byPath.values());
    }

    /** {@code {data}/{rig}/10_Blink/{target}} folders that lack {@code accept/}: folders only, no file reads. */
    static List<Path> targetsWithoutAccept(Path data) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        if (!Files.isDirectory(data)) {
            return out;
        }
        try (DirectoryStream<Path> rigs = Files.newDirectoryStream(data, Files::isDirectory)) {
            for (Path rig : rigs) {
                Path blink = rig.resolve(ArchiveLayout.BLINK);
                if (!Files.isDirectory(blink)) {
                    continue;
                }
                try (DirectoryStream<Path> targets = Files.newDirectoryStream(blink, Files::isDirectory)) {
                    for (Path target : targets) {
                        if (!Files.isDirectory(target.resolve(ArchiveLayout.ACCEPT))) {
                            out.add(target.toAbsolutePath().normalize());
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** What the run would do, reading but not changing any file (the dry run). */
    public List<OperationOutcome> preview(Prepared prepared) {
        return engine.preview(prepared.planned().plan());
    }

    /** Carries out an approved plan. */
    public Result execute(Prepared prepared, ProgressListener listener, CancellationToken cancel) throws IOException {
        long start = System.nanoTime();
        SyncServiceRunner sync = new SyncServiceRunner(config.sync(), listener);
        ExecutionResult execution = sync.around(() -> engine.execute(prepared.planned().plan(), listener, cancel));
        return new Result(prepared, execution, Duration.ofNanos(System.nanoTime() - start));
    }
}
