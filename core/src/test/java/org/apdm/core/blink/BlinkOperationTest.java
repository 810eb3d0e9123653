package org.apdm.core.blink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.config.ConfigResolver;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.cull.RejectedFile;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.testing.BlinkTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlinkOperationTest {

    @TempDir
    Path tmp;
    Path data;
    Path reject;
    Path state;
    BlinkOperation op;
    List<Path> frames;

    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("Data");
        reject = tmp.resolve("Reject");
        state = tmp.resolve("state");
        BlinkTree tree = new BlinkTree(data);
        for (int i = 0; i < 3; i++) {
            tree.light(BlinkTree.C8E, "M 31", "2025-01-01", "L", i * 5, 3.0, 900, 0.8);
        }
        op = new BlinkOperation(data, reject, new FileEngine(EngineSettings.of(state)), Clock.systemUTC());
        frames = BlinkOperation.frames(data.resolve(BlinkTree.C8E).resolve("10_Blink").resolve("M 31"),
                CancellationToken.none());
    }

    @Test
    void acceptMovesIntoTheTargetsAcceptFolderAndUndoPutsItBack() throws Exception {
        Path f = frames.get(0);
        BlinkOperation.Decision d = op.accept(f);
        Path expected = data.resolve(BlinkTree.C8E).resolve("10_Blink").resolve("M 31").resolve("accept")
                .resolve("DATE_2025-01-01").resolve("FILTER_L_EXP_300.00_SETTEMP_-10.00").resolve(f.getFileName().toString());
        assertEquals(expected, d.now());
        assertTrue(Files.exists(expected));
        assertTrue(Files.notExists(f));
        assertEquals(2, BlinkOperation.frames(data, CancellationToken.none()).size(), "accepted frames are not blinked again");
        op.undo(d);
        assertTrue(Files.exists(f));
        assertTrue(Files.notExists(expected));
    }

    @Test
    void rejectMovesIntoTheRejectTreeWhereCullRestoreFindsIt() throws Exception {
        Path f = frames.get(1);
        BlinkOperation.Decision d = op.reject(f, Map.of("px_hfr", 5.1));
        assertEquals(reject.resolve(data.relativize(f).toString()), d.now());
        assertTrue(Files.exists(d.now()));
        CullOperation cull = new CullOperation(ConfigResolver.resolve(null, null,
                new ConfigLocations(state.resolve("c.yaml"), state), Map.of()).withStateDir(state),
                new FileEngine(EngineSettings.of(state)), Clock.systemUTC());
        List<RejectedFile> rejected = cull.rejectedFiles(reject, CancellationToken.none());
        assertEquals(1, rejected.size());
        assertEquals("blink", rejected.get(0).pass());
        op.undo(d);
        assertTrue(Files.exists(f));
        assertTrue(cull.rejectedFiles(reject, CancellationToken.none()).isEmpty());
    }

    @Test
    void aFrameOutsideBlinkIsShownButNotDecided() throws Exception {
        Path raw = Files.createDirectories(tmp.resolve("RAW").resolve("FLAT"));
        Path flat = Files.writeString(raw.resolve("flat.fits"), "x");
        assertNotNull(op.problem(flat));
        assertThrows(java.io.IOException.class, () -> op.reject(flat, Map.of()));
        assertTrue(Files.exists(flat));
    }

    @Test
    void rawCalibrationFramesAreKeptByAcceptAndRejectedIntoTheTreeFromWhereRestorePutsThemBack() throws Exception {
        Path raw = tmp.resolve("RAW");
        Path flats = raw.resolve("FLAT/C8E+ZWO ASI2600MM Pro/DATE_2025-01-01/FILTER_L_EXP_2.00_SETTEMP_-10.00");
        Files.createDirectories(flats);
        Path good = Files.writeString(flats.resolve("flat_1.fits"), "good");
        Path bad = Files.writeString(flats.resolve("flat_2.fits"), "cloud in it");
        BlinkOperation withRaw = new BlinkOperation(data, raw, reject, new FileEngine(EngineSettings.of(state)),
                Clock.systemUTC());
        assertEquals(null, withRaw.problem(good), "raw flats can be decided");
        assertNotNull(op.problem(good), "not without a calibration root");

        BlinkOperation.Decision kept = withRaw.accept(good);
        assertEquals(good, kept.now(), "accept keeps a raw frame where integration reads it");
        BlinkOperation.Decision rejected = withRaw.reject(bad, Map.of());
        Path expected = reject.resolve("_calibration").resolve(raw.relativize(bad).toString());
        assertEquals(expected, rejected.now());
        assertTrue(Files.exists(expected) && Files.notExists(bad));
        withRaw.undo(rejected);
        assertTrue(Files.exists(bad), "undo puts it back");

        withRaw.reject(bad, Map.of());
        var config = ConfigResolver.resolve(null, null, new ConfigLocations(state.resolve("c.yaml"), state), Map.of())
                .withStateDir(state);
        config = config.withRoots(new org.apdm.core.config.ApdmConfig.Roots(raw, data, null, reject, null, null, null));
        CullOperation cull = new CullOperation(config, new FileEngine(EngineSettings.of(state)), Clock.systemUTC());
        var plan = cull.restorePlan(data, reject, null, null, "blink", CancellationToken.none());
        assertEquals(1, plan.operations().size());
        assertEquals(bad.toAbsolutePath().normalize(), plan.operations().get(0).destination().toAbsolutePath().normalize(),
                "cull restore puts a raw frame back below the calibration root, not the data root");
        cull.execute(plan, reject, org.apdm.core.task.ProgressListener.NONE, CancellationToken.none());
        assertEquals("cloud in it", Files.readString(bad));
    }
}
