package org.apdm.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apdm.core.task.Progress;
import org.apdm.core.task.ProgressListener;

/**
 * Shows core progress on the terminal: a progress bar on standard error when a person is watching,
 * log lines on standard error otherwise. Standard output stays free for results and JSON.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {

    private final PrintWriter err;
    private final boolean bar;
    private final boolean quiet;
    private ProgressBar current;
    private String phase;

    ConsoleProgress(PrintWriter err, boolean interactive, boolean quiet) {
        this.err = err;
        this.bar = interactive && !quiet;
        this.quiet = quiet;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        if (!bar) {
            return;
        }
        if (current == null || !p.phase().equals(phase)) {
            closeBar();
            phase = p.phase();
            current = new ProgressBarBuilder().setTaskName(p.phase()).setInitialMax(Math.max(p.total(), 0))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100).setMaxRenderedLength(110)
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .build();
        }
        current.stepTo(p.done());
        String item = p.currentItem();
        if (item != null && !item.isEmpty()) {
            int slash = Math.max(item.lastIndexOf('/'), item.lastIndexOf('\\'));
            String name = slash >= 0 ? item.substring(slash + 1) : item;
            // a long file name would squeeze the bar to nothing
            current.setExtraMessage(name.length() > 32 ? name.substring(0, 31) + "…" : name);
        }
    }

    @Override
    public synchronized void onMessage(String line) {
        if (quiet) {
            return;
        }
        closeBar();
        err.println(line);
        err.flush();
    }

    private void closeBar() {
        if (current != null) {
            current.close();
            current = null;
            phase = null;
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
    }
}
