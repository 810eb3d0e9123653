package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.core.run.RunCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void dryRunPrintsEachRigsStepsWithCountsAndChangesNothing() throws IOException {
        DemoWorkspace.Layout w = DemoWorkspace.create(tmp.resolve("demo"));
        Map<String, String> before = RunTrees.snapshot(w.root());
        CliHarness cli = new CliHarness(tmp.resolve("home"));
        CliHarness.Run r = cli.apdm("run", "--config", w.config().toString(), "--dry-run");
        assertEquals(0, r.code(), r.toString().substring(0, Math.min(4000, r.toString().length())));
        assertTrue(r.out().contains("ingest"), r.out());
        assertTrue(r.out().matches("(?s).*ingest\\s+\\d+ file\\(s\\).*"), r.out());
        assertEquals(before, RunTrees.snapshot(w.root()), "a dry run changes nothing");
    }

    @Test
    void aRunCarriesEveryRigToTheBlinkGateAndASecondRunHasNothingToDo() throws IOException {
        DemoWorkspace.Layout w = DemoWorkspace.create(tmp.resolve("demo"));
        CliHarness cli = new CliHarness(tmp.resolve("home"));
        CliHarness.Run r = cli.apdm("run", "--config", w.config().toString());
        assertTrue(r.code() == 0 || r.code() == 1, r.toString());
        assertTrue(r.out().contains("Waiting for you:"), r.out());
        assertTrue(r.out().matches("(?s).*blink: rig [^,]+, target [^,]+, night \\d{4}-\\d\\d-\\d\\d, \\d+ frame\\(s\\).*"
                + "Cull page.*"), r.out());
        assertFalse(Files.exists(w.root().resolve("state").resolve(RunCheckpoint.FILE)),
                "a run that was not interrupted leaves no checkpoint");
        CliHarness.Run dry = cli.apdm("run", "--config", w.config().toString(), "--dry-run", "--json");
        assertTrue(dry.out().contains("\"nothingToDo\" : true"), dry.out());
    }

    @Test
    void watchWaitsForTheRawFolderToSettleThenRunsOnlyThePartBeforeTheBlink() throws IOException {
        DemoWorkspace.Layout w = DemoWorkspace.create(tmp.resolve("demo"));
        CliHarness cli = new CliHarness(tmp.resolve("home"));
        CliHarness.Run r = cli.apdm("watch", "--config", w.config().toString(), "--settle", "0.3", "--runs", "1",
                "--timeout", "60");
        assertEquals(0, r.code(), r.toString().substring(0, Math.min(4000, r.toString().length())));
        assertTrue(r.out().contains("Waiting for"), r.out());
        assertTrue(r.out().contains("ingest"), r.out());
        assertFalse(r.out().contains("promote"), "watch stops before the blink: " + r.out());
        assertTrue(Files.isDirectory(w.data().resolve("C8E@f10.0+ZWO ASI2600MM Pro").resolve("10_Blink")),
                "lights were ingested");
    }

    @Test
    void watchWithATmpFileNeverSettlesAndStopsAtTheTimeout() throws IOException {
        DemoWorkspace.Layout w = DemoWorkspace.create(tmp.resolve("demo"));
        Files.writeString(w.raw().resolve("still-writing.fits.tmp"), "x");
        CliHarness.Run r = new CliHarness(tmp.resolve("home")).apdm("watch", "--config", w.config().toString(),
                "--settle", "0.2", "--timeout", "1");
        assertEquals(0, r.code(), r.toString());
        assertFalse(Files.exists(w.data().resolve("C8E@f10.0+ZWO ASI2600MM Pro")), "nothing ran while N.I.N.A. writes");
    }
}
