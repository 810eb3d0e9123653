package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.calibration.FlatDecider;

/**
 * Asks at the terminal which night's flat to use when a night has none of its own and the policy is {@code ask}.
 * The default answer is "none" (the rig may have changed). In a dry run, or with nobody at the terminal,
 * nothing is asked and the question stays open.
 */
final class TerminalFlatDecider implements FlatDecider {

    private final boolean dryRun;
    private final CliEnvironment env;
    private final PrintWriter err;
    final List<Question> unanswered = new ArrayList<>();

    TerminalFlatDecider(boolean dryRun, CliEnvironment env, PrintWriter err) {
        this.dryRun = dryRun;
        this.env = env;
        this.err = err;
    }

    @Override
    public synchronized Answer choose(Question q) {
        if (dryRun || !env.interactive()) {
            unanswered.add(q);
            return Answer.unanswered();
        }
        err.println("==============================");
        err.printf("No master flat of the night %s for %s, filter %s (%s).%n", q.night(), q.rig(),
                q.filter() == null ? "(none)" : q.filter(), q.folder());
        err.println("Flats of the same rig period:");
        for (int i = 0; i < q.options().size(); i++) {
            Option o = q.options().get(i);
            long d = Math.abs(o.days());
            err.printf("  %d) %s  (%d day%s %s)%s%n", i + 1, o.date(), d, d == 1 ? "" : "s",
                    o.days() < 0 ? "earlier" : "later", o.flats() > 1 ? "  [" + o.flats() + " flats: ambiguous]" : "");
        }
        err.println("  0) none of these (the rig was changed)");
        err.print("Use which? [0] ");
        err.flush();
        try {
            String line = env.stdin().readLine();
            int n = line == null || line.isBlank() ? 0 : Integer.parseInt(line.trim());
            return n >= 1 && n <= q.options().size() ? Answer.use(q.options().get(n - 1).date()) : Answer.none();
        } catch (IOException | NumberFormatException e) {
            return Answer.none();
        }
    }
}
