package org.apdm.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.NormalizationRules;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11.3: an ingest cut off midway (Ctrl-C) and run again leaves every target with {@code accept/}, and a
 * target found without one (an older cut-off run) gets one.
 */
class AcceptFolderResumeTest {

    @TempDir
    Path tmp;

    private final FrameScanner scanner = new FrameScanner(new MetadataReader(NormalizationRules.defaults()));

    private Path raw() {
        return tmp.resolve("RAW");
    }

    private Path data() {
        return tmp.resolve("Data");
    }

    private void writeLights(int perTarget, String... targets) throws Exception {
        Files.createDirectories(raw());
        int n = 0;
        for (String target : targets) {
            for (int i = 0; i < perTarget; i++, n++) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("IMAGETYP", "LIGHT");
                h.put("TELESCOP", "RedCat 51");
                h.put("FOCRATIO", 4.9);
                h.put("INSTRUME", "ZWO ASI533MC Pro");
                h.put("OBJECT", target);
                h.put("FILTER", "L");
                h.put("EXPOSURE", 120.0);
                h.put("DATE-OBS", String.format("2025-03-02T01:%02d:00", n));
                SampleFiles.writeFits(raw().resolve(target.replace(' ', '_') + "_" + i + ".fits"), h);
            }
        }
    }

    private IngestPlanner.Result plan() throws Exception {
        List<Path> files = FrameScanner.list(raw(), CancellationToken.none());
        List<ScannedFrame> frames = new ArrayList<>();
        for (Path f : files) {
            frames.add(scanner.readOne(raw(), f, FrameScanner.ReadSpec.RAW));
        }
        return IngestPlanner.plan(frames, new IngestPlanner.Roots(raw(), data(), tmp.resolve("Cal")),
                IngestOperation.targetsWithoutAccept(data()));
    }

    private List<Path> targets() throws Exception {
        try (Stream<Path> s = Files.list(data().resolve("RedCat 51@f4.9+ZWO ASI533MC Pro/10_Blink"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void aRunCutOffMidwayStillLeavesEveryTargetItTouchedWithAccept() throws Exception {
        writeLights(6, "M 31", "M 33", "NGC 7000");
        CancellationToken cancel = new CancellationToken();
        AtomicInteger moved = new AtomicInteger();
        // Ctrl-C after the 4th frame of 18: the first target's frames only
        FileEngine engine = new FileEngine(EngineSettings.of(tmp.resolve("state")).withIntentsPerFlush(2)
                .withProbe(point -> {
                    if (point.equals("source-deleted") && moved.incrementAndGet() == 4) {
                        cancel.cancel();
                    }
                }));

        ExecutionResult first = engine.execute(plan().plan(), ProgressListener.NONE, cancel);

        assertTrue(first.cancelled(), "the run stopped midway");
        for (Path target : targets()) {
            assertTrue(Files.isDirectory(target.resolve("accept")), target + " has accept/ after the cut-off run");
        }

        ExecutionResult second = new FileEngine(EngineSettings.of(tmp.resolve("state"))).execute(plan().plan(), ProgressListener.NONE, CancellationToken.none());

        assertEquals(false, second.cancelled());
        assertEquals(new TreeSet<>(List.of("M 31", "M 33", "NGC 7000")),
                new TreeSet<>(targets().stream().map(p -> p.getFileName().toString()).toList()));
        for (Path target : targets()) {
            assertTrue(Files.isDirectory(target.resolve("accept")), target + " has accept/");
        }
    }

    @Test
    void aTargetFoundWithoutAcceptGetsOneEvenWhenRawIsEmpty() throws Exception {
        Path night = data().resolve("RedCat 51@f4.9+ZWO ASI533MC Pro/10_Blink/M 31/DATE_2025-03-01");
        Files.createDirectories(night);
        Files.createDirectories(raw());

        IngestPlanner.Result planned = plan();
        ExecutionResult run = new FileEngine(EngineSettings.of(tmp.resolve("state")))
                .execute(planned.plan(), ProgressListener.NONE, CancellationToken.none());

        assertTrue(Files.isDirectory(night.getParent().resolve("accept")), "accept/ made for the old target");
        assertEquals(1, run.count(org.apdm.core.fileops.Outcome.DONE), "one folder made, nothing else");
        ExecutionResult again = new FileEngine(EngineSettings.of(tmp.resolve("state")))
                .execute(plan().plan(), ProgressListener.NONE, CancellationToken.none());
        assertEquals(0, again.count(org.apdm.core.fileops.Outcome.DONE), "the next run has nothing to do");
    }
}
