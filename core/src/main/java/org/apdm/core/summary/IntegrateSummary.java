package org.apdm.core.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.integrate.IntegrateOperation;
import org.apdm.core.integrate.IntegrationPlanner;

/** The wording of {@code apdm calibration integrate}: what the terminal prints and the window's log shows. */
public final class IntegrateSummary {

    private IntegrateSummary() {
    }

    /** "would-make", "made" or "failed". */
    public static String status(IntegrationPlanner.Group g, IntegrateOperation.Result r) {
        if (r == null) {
            return "would-make";
        }
        return r.failed().stream().anyMatch(f -> f.group().equals(g)) ? "failed" : "made";
    }

    /** The masters written into the library (not its folders). */
    public static List<OperationOutcome> archived(IntegrateOperation.Result r) {
        if (r == null || r.archive() == null) {
            return List.of();
        }
        return r.archive().execution().outcomes().stream().filter(o -> o.operation().destination() != null
                && o.operation().source() != null && !(o.operation() instanceof FileOperation.MakeDirectory)).toList();
    }

    /** Whether a group failed or a made master stayed outside the library. */
    public static boolean leftBehind(IntegrateOperation.Result r) {
        return r != null && !r.complete();
    }

    /** The plan ({@code r} null) or the result, line by line. */
    public static List<String> lines(IntegrateOperation.Prepared p, IntegrateOperation.Result r, boolean dryRun) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Integrate with Siril%s: %s → %s (%d raw frames)",
                dryRun ? " (dry run, nothing run)" : "", p.request().raw(), p.request().library(), p.scanned()));
        for (IntegrationPlanner.Group g : p.plan().groups()) {
            out.add(String.format(Locale.ROOT, "  %-9s %4d frames  %s", status(g, r), g.frames().size(), g.label()));
        }
        for (IntegrationPlanner.Skipped s : p.plan().skipped()) {
            out.add(String.format(Locale.ROOT, "  skipped   %4d frames  %s: %s", s.group().frames().size(),
                    s.group().label(), s.reason()));
        }
        p.plan().unreadable().forEach(u -> out.add("  unreadable " + u.file() + ": " + u.reason()));
        if (r != null) {
            r.failed().forEach(f -> out.add("  failed    " + f.group().label() + ": " + f.reason()));
            for (OperationOutcome o : archived(r)) {
                out.add(String.format(Locale.ROOT, "  %-9s %s",
                        o.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '), o.operation().destination()));
            }
            if (r.archive() != null) {
                r.archive().prepared().planned().plan().leftBehind()
                        .forEach(l -> out.add("  kept back " + l.file().getFileName() + ": " + l.reason()));
            }
            out.add(String.format(Locale.ROOT, "  made %d master(s), %d group(s) failed", r.made().size(), r.failed().size()));
        } else {
            out.add(String.format(Locale.ROOT, "  would make %d master(s)", p.plan().groups().size()));
        }
        return out;
    }
}
