package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apdm.core.calibration.ArchiveOperation;
import org.apdm.core.calibration.CleanOperation;
import org.apdm.core.calibration.DistributionOperation;
import org.apdm.core.calibration.NightFolderScanner;
import org.apdm.core.calibration.PromotionOperation;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.demo.DemoBlinkPlanner;
import org.apdm.core.demo.DemoMasters;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.Outcome;
import org.apdm.core.fileops.Plan;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.scan.FileWalker;
import org.apdm.core.sync.SyncServiceRunner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * The calibration part of {@code apdm demo}: PixInsight's masters (simulated), archive, the user's blink
 * (simulated), distribute, promote and clean, each through the same code as its command.
 */
final class CalibrationDemoStep {

    private CalibrationDemoStep() {
    }

    static int run(ApdmConfig config, DemoWorkspace.Layout layout, OutputOptions output, CliEnvironment env,
                   PrintWriter out, PrintWriter err) throws IOException {
        return run(config, layout, output, env, out, err, new DemoSteps());
    }

    static int run(ApdmConfig config, DemoWorkspace.Layout layout, OutputOptions output, CliEnvironment env,
                   PrintWriter out, PrintWriter err, DemoSteps steps) throws IOException {
        CliEnvironment quiet = new CliEnvironment(env.env(), env.locations(), env.stdin(), false);
        Path masters = config.roots().pixinsightMasters();
        Path library = config.roots().libraryOrData();
        Path data = layout.data();

        step(out, output, steps.title("PixInsight integrates the calibration frames (simulated): masters in " + masters));
        DemoMasters.write(masters);
        step(out, output, steps.title("calibration archive (copy the masters into the library)"));
        int code = CalibrationReports.archive(config, new ArchiveOperation.Request(masters, library, data), output, false,
                quiet, out, err);

        step(out, output, steps.title("blink (simulated: you keep every light the cull left and move it into {target}/accept/)"));
        code = Math.max(code, blink(config, data, output, out));

        step(out, output, steps.title("calibration distribute (copy the matching masters next to every night of lights)"));
        code = Math.max(code, CalibrationReports.distribute(config, new DistributionOperation.Request(data, library,
                List.of(), null, null), output, false, quiet, out, err));

        step(out, output, steps.title("promote (move calibrated nights from 10_Blink to 20_Data)"));
        code = Math.max(code, PromoteCommand.run(config, new PromotionOperation.Request(data, List.of(), Set.of()), output,
                false, quiet, out, err));

        step(out, output, steps.title("calibration clean (delete raw frames the library covers, empty PixInsight's temp folder)"));
        code = Math.max(code, CalibrationReports.clean(config, new CleanOperation.Request(
                config.roots().calibrationOrRaw(), library, data, config.roots().pixinsightTemp(), masters), output, false,
                true, quiet, out, err));
        if (!output.json()) {
            out.println();
            out.printf("  %s   the master library (_Bias Library, _Dark Library, _Flat Stash)%n", library);
            out.println("  The SQA55's S flat of 2025-03-02 was never made, so that night stays in 10_Blink and its raw S");
            out.println("  flats stay in RAW: archive a master for it and run distribute, promote and clean again.");
            out.flush();
        }
        return code;
    }

    private static int blink(ApdmConfig config, Path data, OutputOptions output, PrintWriter out) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String rig : NightFolderScanner.rigsWithBlink(data)) {
            files.addAll(FileWalker.files(data.resolve(rig).resolve(ArchiveLayout.BLINK), d -> true,
                    CancellationToken.none()));
        }
        Plan plan = DemoBlinkPlanner.plan(data, files);
        ExecutionResult r = new SyncServiceRunner(config.sync(), ProgressListener.NONE)
                .around(() -> Engines.of(config).execute(plan, ProgressListener.NONE, CancellationToken.none()));
        if (!output.json()) {
            out.printf("  moved %d light(s) into accept/%n", r.count(Outcome.DONE));
        }
        return r.outcomes().stream().anyMatch(o -> o.outcome().leavesSourceBehind()) ? ExitCodes.LEFT_BEHIND : ExitCodes.OK;
    }

    private static void step(PrintWriter out, OutputOptions output, String title) {
        if (!output.json()) {
            out.println();
            out.println(title);
            out.flush();
        }
    }
}
