package org.apdm.core.cull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.image.AnalysisCache;
import org.apdm.core.image.ImageWriter;
import org.apdm.core.image.StarField;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.BlinkTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames from a capture program that writes no HFR: the cull judges them by px_* metrics from their pixels. */
class PixelCullTest {

    @TempDir
    Path tmp;
    Path data;
    Path reject;
    Path state;
    ApdmConfig config;
    Path group;

    @BeforeEach
    void setUp() throws Exception {
        data = Files.createDirectories(tmp.resolve("Data"));
        reject = tmp.resolve("Reject");
        state = tmp.resolve("state");
        config = CullCrashChild.config(state);
        group = new BlinkTree(data).group(BlinkTree.C8E, "M 31", "2025-01-01", "L");
        for (int i = 0; i < 6; i++) {
            double fwhm = i == 4 ? 7.0 : 3.0; // one frame out of focus
            StarField.Spec spec = new StarField.Spec(320, 240, StarField.Profile.GAUSSIAN, fwhm, fwhm, 0, 4.765, 40,
                    2000, 20000, 1000, 0, 20, 0, 100 + i);
            ImageWriter.write(group.resolve(String.format("2025-01-01_21-%02d-00_TEMP_-10.00.fits", i * 5)),
                    ImageWriter.fits(StarField.generate(spec).image(), 16, Map.of("IMAGETYP", "LIGHT", "EXPOSURE", 300.0)));
        }
        Files.write(group.resolve("2025-01-01_22-00-00_TEMP_-10.00.fits"), new byte[] {1, 2, 3});
    }

    CullOperation.Result dryRun(CullPass pass) throws Exception {
        return new CullOperation(config, new FileEngine(EngineSettings.of(state)), Clock.systemUTC())
                .run(new CullOperation.Request(data, reject, List.of(), null, List.of(pass), true), p -> false,
                        ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void anAbsoluteLimitOnPixelFwhmRejectsTheBlurredFrame() throws Exception {
        CullPass pass = new CullPass("px", List.of(new CullPass.Limit("px_fwhm", 5.0, null)), List.of(), 100);
        CullOperation.Result r = dryRun(pass);
        List<GroupProposal.Reject> rejects = r.groups().get(0).proposal().rejects();
        assertEquals(1, rejects.size());
        assertTrue(rejects.get(0).frame().file().getFileName().toString().startsWith("2025-01-01_21-20-00"));
        assertTrue(rejects.get(0).reasons().get(0).startsWith("px_fwhm 7"), rejects.get(0).reasons().toString());
        assertTrue(r.unreadable().stream().anyMatch(l -> l.file().getFileName().toString().startsWith("2025-01-01_22")));
    }

    @Test
    void relativeRulesUsePixelMetricsAndTheSecondRunReadsTheCache() throws Exception {
        CullPass pass = new CullPass("px", List.of(), List.of(new CullPass.RelativeLimit("px_hfr", 1.5, true),
                new CullPass.RelativeLimit("px_stars", 3, CullDefaults.higherIsWorse("px_stars"))), 100);
        assertEquals(1, dryRun(pass).groups().get(0).proposal().rejects().size());
        Path cache = state.resolve(AnalysisCache.FILE_NAME);
        long lines = Files.readAllLines(cache).size();
        assertEquals(6, lines, "one line per measured frame");
        assertEquals(1, dryRun(pass).groups().get(0).proposal().rejects().size());
        assertEquals(lines, Files.readAllLines(cache).size(), "nothing measured twice");
    }
}
