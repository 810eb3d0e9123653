package org.apdm.gui.log;

import java.time.Clock;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What each operation did, in the words of the command line: the operation's own messages while it runs
 * ({@code ProgressListener#onMessage}) and its summary ({@code org.apdm.core.summary}) when it ends.
 * Lives for the session; FX thread only.
 */
public final class OperationLog {

    /** Lines kept; older ones are dropped first. */
    static final int LIMIT = 50_000;

    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final Clock clock;

    public OperationLog(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<LogEntry> entries() {
        return entries;
    }

    public void add(String operation, String line) {
        addAll(operation, List.of(line));
    }

    public void addAll(String operation, List<String> lines) {
        LocalTime now = LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        entries.addAll(lines.stream().map(l -> new LogEntry(now, operation, l, isProblem(l))).toList());
        if (entries.size() > LIMIT) {
            entries.remove(0, entries.size() - LIMIT);
        }
    }

    /** Lines about files that stay behind, conflicts and failures are marked so the log can colour them. */
    static boolean isProblem(String line) {
        String l = line.toLowerCase(Locale.ROOT).trim();
        return l.startsWith("conflict") || l.startsWith("failed") || l.startsWith("left behind")
                || l.startsWith("needs attention") || l.startsWith("error") || l.startsWith("unreadable")
                || l.startsWith("warning");
    }

    /** The whole log as text, for copying into a bug report. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (LogEntry e : entries) {
            sb.append(e.time()).append("  ").append(e.operation()).append("  ").append(e.line()).append('\n');
        }
        return sb.toString();
    }
}
