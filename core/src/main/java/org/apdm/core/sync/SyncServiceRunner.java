package org.apdm.core.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.task.ProgressListener;

/**
 * Runs the configured commands around file work, typically to stop a sync client (Dropbox) so it
 * holds no locks, and to start it again. The "after" commands run in a {@code finally}: also when the
 * work failed or was cancelled. A failing command is reported and does not stop the work.
 */
public final class SyncServiceRunner {

    /** Work that may throw. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final ApdmConfig.SyncCommands commands;
    private final ProgressListener log;

    public SyncServiceRunner(ApdmConfig.SyncCommands commands, ProgressListener log) {
        this.commands = commands;
        this.log = log;
    }

    public <T, E extends Exception> T around(Work<T, E> work) throws E {
        runAll("before", commands.before());
        try {
            return work.run();
        } finally {
            runAll("after", commands.after());
        }
    }

    private void runAll(String phase, List<String> list) {
        for (String command : list) {
            run(phase, command);
        }
    }

    private void run(String phase, String command) {
        log.onMessage("sync service (" + phase + "): " + command);
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        ProcessBuilder pb = windows ? new ProcessBuilder("cmd", "/c", command) : new ProcessBuilder("sh", "-c", command);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), Charset.defaultCharset()))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        log.onMessage("  " + line);
                    }
                } catch (IOException ignored) {
                    // the process ended; its remaining output does not matter
                }
            }, "sync-service-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(commands.timeout().toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.onMessage("warning: sync service command did not finish within " + commands.timeout().toSeconds()
                        + " s and was stopped: " + command);
                return;
            }
            reader.join(1000);
            if (p.exitValue() != 0) {
                log.onMessage("warning: sync service command exited with " + p.exitValue() + ": " + command);
            }
        } catch (IOException e) {
            log.onMessage("warning: could not run sync service command '" + command + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.onMessage("warning: interrupted while waiting for '" + command + "'");
        }
    }
}
