package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.cull.GroupProposal;
import org.apdm.core.summary.CullSummary;

/**
 * Answers cull questions at the terminal: {@code --yes} and {@code --no} answer for the user; otherwise
 * a person at the terminal is asked {@code y/N} with the group's statistics; with nobody to ask, the
 * answer is no. A dry run never asks.
 */
final class TerminalDecider implements CullOperation.Decider {

    enum Mode { ASK, YES, NO }

    private final Mode mode;
    private final boolean dryRun;
    private final CliEnvironment env;
    private final PrintWriter err;
    private final Path chartFolder;
    final List<GroupProposal> unanswered = new ArrayList<>();
    final List<Path> charts = new ArrayList<>();

    TerminalDecider(Mode mode, boolean dryRun, CliEnvironment env, PrintWriter err, Path chartFolder) {
        this.mode = mode;
        this.dryRun = dryRun;
        this.env = env;
        this.err = err;
        this.chartFolder = chartFolder;
    }

    @Override
    public boolean approve(GroupProposal p) {
        Path chart = null;
        if (chartFolder != null) {
            try {
                chart = CullChartWriter.write(p, chartFolder);
                charts.add(chart);
            } catch (IOException | RuntimeException e) {
                err.println("warning: could not draw the chart: " + e.getMessage());
            }
        }
        if (mode == Mode.YES) {
            return true;
        }
        if (mode == Mode.NO) {
            return false;
        }
        if (dryRun || !env.interactive()) {
            unanswered.add(p);
            return false;
        }
        err.println("==============================");
        err.println(describe(p));
        if (chart != null) {
            err.println("  chart: " + chart);
        }
        err.printf("OK to reject %d of %d (%s %%)? [y/N] ", p.rejects().size(), p.total(), p.percentText());
        err.flush();
        try {
            String line = env.stdin().readLine();
            return line != null && (line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The statistics shown with the question, and in the window's dialog wording. */
    static String describe(GroupProposal p) {
        return CullSummary.describe(p);
    }
}
