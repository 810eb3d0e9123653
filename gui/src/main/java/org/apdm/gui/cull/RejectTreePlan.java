package org.apdm.gui.cull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.Plan;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.summary.PlanSummary;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.operation.RunResult;

/**
 * A planned restore or purge: a plan over the reject tree, run by {@link CullOperation#execute} so the manifests
 * record what happened, reported with the command line's lines.
 */
record RejectTreePlan(CullOperation operation, Plan plan, Path reject, PathDisplay display) {

    RunResult run(String title, ProgressListener listener, CancellationToken cancel) throws IOException {
        ExecutionResult r = operation.execute(plan, reject, listener, cancel);
        List<String> lines = new ArrayList<>(PlanSummary.recoveryLines(r.recovery()));
        lines.add(PlanSummary.treeResultLine(plan.title(), r));
        lines.addAll(PlanSummary.problemLines(display, r));
        lines.addAll(PlanSummary.leftBehindLines(display, plan.leftBehind()));
        return RunResult.of(title, r.cancelled(), r.outcomes(), plan.leftBehind(), display, lines);
    }
}
