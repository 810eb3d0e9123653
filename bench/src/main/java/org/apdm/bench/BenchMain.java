package org.apdm.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs a benchmark group and prints medians, rates and ratios to the floor measured in the same run,
 * as they are quoted in docs/benchmarks.md.
 *
 * <pre>java -jar bench/target/apdm-bench.jar scan|large-scan|ingest|cull|distribute|db-update|analyze [files]
 * java -jar bench/target/apdm-bench.jar astap [frames]  (apdm and ASTAP side by side; needs astap and a display)
 * java -jar bench/target/apdm-bench.jar gui [runs]      (the window; under Xvfb on a server)
 * java -jar bench/target/apdm-bench.jar integrate [frames] [runs]  (apdm's overhead on siril-cli; needs Siril)</pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String group = args.length > 0 ? args[0] : "scan";
        String files = args.length > 1 ? args[1] : null;
        if (group.equals("astap")) {
            // an external program, timed per process: see AstapComparison
            AstapComparison.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (group.equals("integrate")) {
            // siril-cli processes, timed per run: see IntegrateBench
            IntegrateBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (group.equals("gui")) {
            // a real window, not a JMH fork: see GuiBench
            GuiBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        String include = switch (group) {
            case "scan" -> ScanBenchmark.class.getSimpleName();
            case "large-scan" -> LargeScanBenchmark.class.getSimpleName();
            case "ingest" -> IngestBenchmark.class.getSimpleName();
            case "cull" -> CullBenchmark.class.getSimpleName();
            case "distribute" -> DistributeBenchmark.class.getSimpleName();
            case "db-update" -> DbUpdateBenchmark.class.getSimpleName();
            case "analyze" -> AnalyzeBenchmark.class.getSimpleName();
            case "run" -> RunBenchmark.class.getSimpleName();
            case "detect" -> DetectBenchmark.class.getSimpleName();
            default -> throw new IllegalArgumentException("unknown group " + group + " (scan, large-scan, ingest, cull, distribute, db-update, analyze, astap, run, detect, gui, integrate)");
        };
        // jvmArgsAppend here replaces the @Fork arguments, so the heap limit of the large scan is repeated
        String[] jvmArgs = group.equals("large-scan")
                ? new String[] {"-Djava.util.logging.config.file=/dev/null", "-Xmx256m"}
                : group.equals("db-update") ? new String[] {"-Djava.util.logging.config.file=/dev/null", "-Xmx512m"}
                : group.equals("analyze") ? new String[] {"-Djava.util.logging.config.file=/dev/null", "-Xmx2g"}
                : new String[] {"-Djava.util.logging.config.file=/dev/null"};
        ChainedOptionsBuilder opts = new OptionsBuilder().include("\\." + include + "\\.").shouldFailOnError(true)
                .jvmArgsAppend(jvmArgs);
        // the distribute group counts light DATE folders, not files
        String sizeParam = group.equals("distribute") ? "folders" : "files";
        if (files != null) {
            opts.param(sizeParam, files);
        }
        Collection<RunResult> results = new Runner(opts.build()).run();
        List<String[]> rows = new ArrayList<>();
        double floor = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double medianMs = r.getPrimaryResult().getStatistics().getPercentile(50);
            int n = Integer.parseInt(r.getParams().getParam(sizeParam));
            if (name.startsWith("floorReadBytes") || name.startsWith("floorWalkAndReadBlockParallel") || name.startsWith("plainFilesMoveLoop")
                    || name.startsWith("floorWalkAndReadHeaders") || name.startsWith("floorNameTokens") || name.equals("status")) { // status: the run group's baseline
                floor = medianMs;
            }
            rows.add(new String[] {name, String.valueOf(n), String.format(Locale.ROOT, "%.0f", medianMs),
                    String.format(Locale.ROOT, "%,.0f", n / (medianMs / 1000.0))});
        }
        System.out.println();
        System.out.println("| benchmark | " + sizeParam + " | median ms | " + sizeParam + "/s | × floor |");
        System.out.println("|---|---|---|---|---|");
        for (String[] row : rows) {
            double ms = Double.parseDouble(row[2]);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.2f |%n", row[0], row[1], row[2], row[3], ms / floor);
        }
    }
}
