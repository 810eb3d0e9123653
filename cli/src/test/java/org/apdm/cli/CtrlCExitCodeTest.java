package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apdm.core.demo.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11.4: Ctrl-C (SIGINT) ends a command with the documented 3, aborted, not the signal's 130. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "sends SIGINT with kill(1)")
class CtrlCExitCodeTest {

    @TempDir
    Path tmp;

    @Test
    void ctrlCDuringALongCommandExitsThree() throws Exception {
        DemoWorkspace.Layout w = DemoWorkspace.create(tmp.resolve("ws"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path log = home.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.apdm.cli.ApdmCli", "watch", "--config", w.config().toString(), "--settle", "600");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline
                && !(Files.exists(log) && Files.readString(log).contains("to settle"))) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "watch is waiting: " + Files.readString(log));

        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();

        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "watch stops after Ctrl-C");
        assertEquals(ExitCodes.ABORTED, p.exitValue(), Files.readString(log));
    }
}
