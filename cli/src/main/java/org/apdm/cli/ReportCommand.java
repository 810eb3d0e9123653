package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.db.AstroDatabase;
import org.apdm.db.report.ReportFileWriter;
import org.apdm.db.report.ReportOperation;
import org.apdm.db.report.ReportSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm report}: the per-target files and the cross-rig summary, from the database. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write astrobin_csv.txt and totals.txt per target, and the cross-rig summary.",
                "From the database (run `apdm db update` first): astrobin_csv.txt (AstroBin's import format)",
                "and totals.txt (have / want / need hours per filter and panel) into each target folder,",
                "and print the cross-rig summary per rig, stage and target. --html writes it as a page with a chart",
                "(works offline). A report file apdm did not write is moved aside (<name>-kept-<time>), never",
                "overwritten."},
        footer = {"", "Exit codes: 0 done, 2 usage or configuration error, 3 aborted."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    DatabaseOption databaseOption;
    @Mixin
    OutputOptions output;
    @Mixin
    SchedulerDbOption schedulerDb;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the summary as an HTML page.")
    Path html;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the summary as CSV.")
    Path csv;
    @Option(names = "--data", paramLabel = "ROOT", description = "Only target folders below this root.")
    Path data;
    @Option(names = "--rig", paramLabel = "R", description = "Only this rig (repeatable).")
    List<String> rigs = new ArrayList<>();
    @Option(names = "--no-target-files", description = "Do not write astrobin_csv.txt and totals.txt.")
    boolean noTargetFiles;
    @Option(names = "--dry-run", description = "Say which files would be written; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = schedulerDb.applyTo(configOption.load(env));
        PrintWriter out = spec.commandLine().getOut();
        List<String> warnings = new ArrayList<>();
        DesiredFrames desired = DesiredFrames.fromConfig(config, warnings::add);
        ReportOperation.Result r;
        try (AstroDatabase db = databaseOption.open(config, false, spec.commandLine().getErr())) {
            ReportFileWriter writer = new ReportFileWriter(db, Engines.of(config), Clock.systemDefaultZone());
            r = new ReportOperation(config, db, writer).run(new ReportOperation.Request(
                    data == null ? null : data.toAbsolutePath().normalize(), Set.copyOf(rigs), !noTargetFiles,
                    html == null ? null : html.toAbsolutePath().normalize(),
                    csv == null ? null : csv.toAbsolutePath().normalize(), dryRun), desired);
        }
        warnings.addAll(r.warnings());
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", "report");
            m.put("dryRun", dryRun);
            m.put("targets", r.lines());
            m.put("files", r.files().stream().map(f -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("file", f.file().toString());
                x.put("status", f.status().name().toLowerCase(java.util.Locale.ROOT));
                x.put("keptAs", f.keptAs() == null ? null : f.keptAs().toString());
                return x;
            }).toList());
            m.put("warnings", warnings);
            out.println(Json.write(m));
        } else {
            ReportSummary.lines(r, dryRun, html == null ? null : html.toAbsolutePath().normalize(), warnings,
                    output.verbose()).forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
