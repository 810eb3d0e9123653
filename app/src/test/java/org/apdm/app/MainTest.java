package org.apdm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apdm.cli.CliEnvironment;
import org.apdm.core.config.ConfigLocations;
import org.apdm.gui.AppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apdm} alone opens the window where one can open, and prints the help where none can. */
class MainTest {

    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<AppContext.Options> opened = new ArrayList<>();

    int run(boolean display, String... args) {
        CliEnvironment env = new CliEnvironment(Map.of(), new ConfigLocations(tmp.resolve("config.yaml"), tmp),
                new BufferedReader(new StringReader("")), false);
        return Main.run(args, env, display, opened::add, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void noArgumentsWithoutADisplayPrintsTheHelp() {
        assertEquals(0, run(false));
        assertTrue(opened.isEmpty(), "no window");
        assertTrue(out.toString().contains("Usage: apdm"), out.toString());
        assertTrue(out.toString().contains("gui"), "the help lists the window command");
    }

    @Test
    void theTopLevelHelpDescribesEveryCommandInAWholeSentence() {
        assertEquals(0, run(false, "--help"));
        String help = out.toString();
        List<String> entries = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.split("\\R")) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.matches("  \\S.*")) {
                entries.add(line.trim());
            } else if (inCommands && line.matches(" {4,}\\S.*") && !entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
            } else if (inCommands && line.isBlank()) {
                break;
            }
        }
        assertTrue(entries.size() >= 15, help);
        for (String e : entries) {
            assertTrue(e.endsWith("."), "cut mid-sentence: " + e);
        }
    }

    @Test
    void noArgumentsWithADisplayOpensTheWindowOnTheUsersConfiguration() {
        assertEquals(0, run(true));
        assertEquals(1, opened.size());
        assertEquals(tmp.resolve("config.yaml"), opened.get(0).explicitConfig());
    }

    @Test
    void guiWithAConfigOpensTheWindowOnThatFile() {
        Path config = tmp.resolve("other.yaml");
        assertEquals(0, run(true, "gui", "--config", config.toString()));
        assertEquals(config, opened.get(0).explicitConfig());
    }

    @Test
    void guiWithoutADisplaySaysSoAndPrintsTheHelp() {
        assertEquals(2, run(false, "gui"));
        assertTrue(opened.isEmpty());
        assertTrue(err.toString().contains("no display"), err.toString());
        assertTrue(out.toString().contains("Usage: apdm"), out.toString());
    }

    @Test
    void commandsStillRunOnTheCommandLine() {
        assertEquals(0, run(true, "--version"));
        assertTrue(opened.isEmpty());
        assertTrue(out.toString().startsWith("apdm "), out.toString());
    }

    @Test
    void theDisplayCheckNeedsDisplayOrWaylandOnLinux() {
        assertFalse(Display.available(Map.of(), "Linux"));
        assertNull(System.getenv("APDM_NEVER_SET"));
        boolean headlessJvm = java.awt.GraphicsEnvironment.isHeadless();
        assertEquals(!headlessJvm, Display.available(Map.of("DISPLAY", ":0"), "Linux"));
        assertEquals(!headlessJvm, Display.available(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"));
    }

    @Test
    void blinkOpensTheWindowOnTheFolder() throws Exception {
        Path night = java.nio.file.Files.createDirectories(tmp.resolve("Data/rig/10_Blink/M 31/DATE_2025-01-01"));
        assertEquals(0, run(true, "blink", night.toString()));
        assertEquals(1, opened.size());
        assertEquals(night.toAbsolutePath().normalize(), opened.get(0).blinkFolder());
    }

    @Test
    void blinkOfAMissingFolderOrWithoutADisplayOpensNothing() {
        assertEquals(2, run(true, "blink", tmp.resolve("nope").toString()));
        assertTrue(err.toString().contains("is not a folder"), err.toString());
        assertEquals(2, run(false, "blink", tmp.toString()));
        assertTrue(opened.isEmpty());
    }
}
