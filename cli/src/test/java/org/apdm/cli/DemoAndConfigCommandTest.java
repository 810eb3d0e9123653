package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndConfigCommandTest {

    @TempDir
    Path tmp;

    @Test
    void demoBuildsAWorkspaceAndSortsItKeepingTheBrokenFiles() throws IOException {
        CliHarness cli = new CliHarness(tmp.resolve("home"));
        Path dir = tmp.resolve("demo");
        CliHarness.Run r = cli.apdm("demo", "--dir", dir.toString());
        assertEquals(ExitCodes.OK, r.code(), "the demo ran every step: " + r);
        assertTrue(Files.isDirectory(dir.resolve("Data/C8E@f10.0+ZWO ASI2600MM Pro/10_Blink/M 81")), r.toString());
        assertTrue(Files.isDirectory(dir.resolve("Data/SQA55@f5.3+ATR585M/10_Blink/Heart Nebula")), r.toString());
        try (Stream<Path> s = Files.walk(dir.resolve("Data/SQA55@f5.3+ATR585M/10_Blink/Heart Nebula"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().endsWith("_PANEL_2")), "the mosaic keeps its panels");
        }
        assertTrue(r.out().matches("(?s).*left behind\\s+5\\b.*"), r.out());
        assertTrue(r.out().contains("Where to look"), r.out());
        CliHarness.Run again = cli.apdm("demo", "--dir", dir.toString());
        assertEquals(ExitCodes.ABORTED, again.code(), "an existing workspace is never overwritten");
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void configInitWritesTheExampleOnceAndShowReadsIt() throws IOException {
        CliHarness cli = new CliHarness(tmp.resolve("home"));
        Path file = tmp.resolve("my.yaml");
        CliHarness.Run dry = cli.apdm("config", "init", file.toString(), "--dry-run", "--json");
        assertEquals(ExitCodes.OK, dry.code(), dry.toString());
        assertTrue(dry.out().contains("\"dryRun\" : true"), dry.out());
        assertFalse(Files.exists(file), "a dry run writes no configuration");
        assertEquals(ExitCodes.OK, cli.apdm("config", "init", file.toString()).code());
        assertTrue(Files.readString(file).contains("roots:") && !Files.readString(file).contains("\nrigs:"),
                "the commented example without anyone's rigs (issue 11.12): " + Files.readString(file));
        CliHarness.Run twice = cli.apdm("config", "init", file.toString());
        assertEquals(ExitCodes.USAGE, twice.code());
        assertTrue(twice.err().contains("already exists"), twice.err());
        CliHarness.Run show = cli.apdm("config", "show", "--config", file.toString());
        assertEquals(ExitCodes.OK, show.code(), show.toString());
        assertTrue(show.out().contains("Astrophotography/RAW"), show.out());
    }

    @Test
    void helpAndVersionWork() {
        CliHarness cli = new CliHarness(tmp.resolve("home"));
        CliHarness.Run help = cli.apdm("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("ingest") && help.out().contains("demo") && help.out().contains("Exit codes"));
        assertEquals(0, cli.apdm("--version").code());
    }
}
