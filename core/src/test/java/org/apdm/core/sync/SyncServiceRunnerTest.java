package org.apdm.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.task.Progress;
import org.apdm.core.task.ProgressListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncServiceRunnerTest {

    @TempDir
    Path tmp;
    final List<String> log = new ArrayList<>();
    final ProgressListener listener = new ProgressListener() {
        @Override
        public void onProgress(Progress p) {
        }

        @Override
        public void onMessage(String line) {
            log.add(line);
        }
    };

    @BeforeEach
    void unixOnly() {
        assumeFalse(System.getProperty("os.name").toLowerCase().contains("win"), "commands below are POSIX shell");
    }

    private SyncServiceRunner runner(String before, String after) {
        return new SyncServiceRunner(new ApdmConfig.SyncCommands(List.of(before), List.of(after), Duration.ofSeconds(10)),
                listener);
    }

    @Test
    void stopsBeforeAndStartsAfterTheWork() throws Exception {
        Path order = tmp.resolve("order.txt");
        String result = runner("echo stop >> '" + order + "'", "echo start >> '" + order + "'").around(() -> {
            Files.writeString(order, "work\n", java.nio.file.StandardOpenOption.APPEND);
            return "done";
        });
        assertEquals("done", result);
        assertEquals(List.of("stop", "work", "start"), Files.readAllLines(order));
    }

    @Test
    void theAfterCommandRunsAlsoWhenTheWorkFails() {
        Path marker = tmp.resolve("restarted");
        assertThrows(IOException.class, () -> runner("true", "touch '" + marker + "'").around(() -> {
            throw new IOException("disk full");
        }));
        assertTrue(Files.exists(marker));
    }

    @Test
    void aFailingCommandIsReportedAndDoesNotStopTheWork() throws Exception {
        String result = runner("exit 3", "true").around(() -> "done");
        assertEquals("done", result);
        assertTrue(log.stream().anyMatch(l -> l.contains("exited with 3")), log.toString());
    }
}
