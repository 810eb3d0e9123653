package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apdm.core.calibration.ArchiveOperation;
import org.apdm.core.calibration.CleanOperation;
import org.apdm.core.calibration.DistributionOperation;
import org.apdm.core.calibration.FlatFallback;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm calibration archive|distribute|clean}: the master library and what depends on it. */
@Command(name = "calibration", mixinStandardHelpOptions = true,
        description = {"Master library: archive, distribute to the nights, clean up.",
                "Archive PixInsight's masters into the library, copy the matching ones next to every night of lights, "
                        + "and clean up raw calibration frames and PixInsight's temp folder."},
        subcommands = {CalibrationCommand.Archive.class, CalibrationCommand.Distribute.class,
                CalibrationCommand.Clean.class, IntegrateCommand.class},
        footer = {"", "Exit codes: 0 all done, 1 something missing or left behind, 2 usage or configuration error, 3 aborted."})
public final class CalibrationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: choose what to do: apdm calibration archive | distribute | clean");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    /** The library: the flag, else roots.library, else the data root (the user keeps his libraries in Data). */
    static Path library(Path flag, ApdmConfig config) {
        return Engines.folder(flag, config.roots().libraryOrData(), "--library", "roots.library", config);
    }

    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = {"Copy PixInsight's master bias, darks and flats into the library.",
                    "Masters (XISF and FITS) go to _Bias Library/{camera}/, _Dark Library/{camera}/ and "
                            + "_Flat Stash/{camera}/{optic}/, each named with every value it is matched on. Masters lacking "
                            + "a value their rig needs stay, listed. A file already in the library is never replaced: "
                            + "identical ones are skipped, different ones are reported as conflicts."},
            footer = {"", "Exit codes: 0 all done, 1 masters left behind or conflicts, 2 usage or configuration error, 3 aborted."})
    static final class Archive implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;
        @Option(names = "--from", paramLabel = "DIR",
                description = "PixInsight's master output folder (overrides roots.pixinsight_masters).")
        Path from;
        @Option(names = "--library", paramLabel = "DIR", description = "The library root (overrides roots.library; default: roots.data).")
        Path library;
        @Option(names = "--data", paramLabel = "DIR", description = "The archive root, for its rig folders (overrides roots.data).")
        Path data;
        @Option(names = "--dry-run", description = "Show what would be copied; change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig config = configOption.load(env);
            Path fromDir = Engines.existingFolder(from, config.roots().pixinsightMasters(), "--from",
                    "roots.pixinsight_masters", config);
            Path libraryDir = library(library, config);
            Path dataDir = data != null ? data.toAbsolutePath().normalize() : config.roots().data();
            ArchiveOperation.Request request = new ArchiveOperation.Request(fromDir, libraryDir, dataDir);
            if (request.folderProblem() != null) {
                throw new UsageException(request.folderProblem());
            }
            return CalibrationReports.archive(config, request, output, dryRun, env, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    @Command(name = "distribute", mixinStandardHelpOptions = true,
            description = {"Copy the matching masters next to every night of lights.",
                    "The master dark, flat and (with dark scaling) bias from the library go into every night of lights "
                            + "in each rig's 10_Blink ({target}/[accept/]DATE_*), named with their values, so that loading "
                            + "accept/ in WBPP just works. Nights that already hold their masters are left alone. Prints "
                            + "what was copied and what is missing per rig, target, night and filter."},
            footer = {"", "Exit codes: 0 every night calibrated, 1 something missing, ambiguous or left behind, 2 usage or configuration error, 3 aborted."})
    static final class Distribute implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;
        @ArgGroup(exclusive = true)
        Rigs rigs;
        @Option(names = "--data", paramLabel = "DIR", description = "The archive root (overrides roots.data).")
        Path data;
        @Option(names = "--library", paramLabel = "DIR", description = "The library root (overrides roots.library; default: roots.data).")
        Path library;
        @Option(names = "--flat-fallback", paramLabel = "POLICY",
                description = "none, earlier, later, nearest or ask (overrides calibration.flat_fallback).")
        String flatFallback;
        @Option(names = "--dark-scaling", negatable = true,
                description = "Allow a shorter dark plus a bias when no dark of the exposure exists (overrides calibration.dark_scaling).")
        Boolean darkScaling;
        @Option(names = "--dry-run", description = "Show the table and what would be copied; change nothing, ask nothing.")
        boolean dryRun;

        static final class Rigs {
            @Option(names = "--rig", paramLabel = "RIG", description = "Only this rig folder (repeatable).")
            List<String> rig = new ArrayList<>();
            @Option(names = "--all", description = "Every rig with a 10_Blink (the default).")
            boolean all;
        }

        @Override
        public Integer call() throws ConfigException, IOException {
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig config = configOption.load(env);
            Path dataDir = Engines.existingFolder(data, config.roots().data(), "--data", "roots.data", config);
            Path libraryDir = library(library, config);
            FlatFallback fallback = null;
            if (flatFallback != null) {
                fallback = FlatFallback.parse(flatFallback);
                if (fallback == null) {
                    throw new UsageException("--flat-fallback '" + flatFallback
                            + "' is not one of none, earlier, later, nearest, ask");
                }
            }
            List<String> rigList = rigs == null ? List.of() : rigs.rig;
            StatusCommand.checkRigs(dataDir, rigList);
            return CalibrationReports.distribute(config, new DistributionOperation.Request(dataDir, libraryDir, rigList,
                    fallback, darkScaling), output, dryRun, env, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true,
            description = {"Delete archived raw calibration frames and PixInsight's temp files.",
                    "Raw BIAS, DARK and FLAT frames go when the library holds their master (same values in every key "
                            + "their rig matches on); PixInsight's temporary calibration folder (the folder holding its "
                            + "master output, inside roots.pixinsight_temp) is emptied. Shows what it would delete first "
                            + "and asks; frames without a covering master, masters not yet archived, and links stay."},
            footer = {"", "Exit codes: 0 all done, 1 files kept (listed with the reason), 2 usage or configuration error",
                    "or not confirmed, 3 aborted."})
    static final class Clean implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;
        @Option(names = "--raw", paramLabel = "DIR",
                description = "The folder holding the raw BIAS, DARK and FLAT folders (overrides roots.calibration, else roots.raw).")
        Path raw;
        @Option(names = "--library", paramLabel = "DIR", description = "The library root (overrides roots.library; default: roots.data).")
        Path library;
        @Option(names = "--data", paramLabel = "DIR", description = "The archive root (overrides roots.data).")
        Path data;
        @Option(names = "--pixinsight-temp", paramLabel = "DIR",
                description = "PixInsight's temp root; only a folder inside it is emptied (overrides roots.pixinsight_temp).")
        Path pixinsightTemp;
        @Option(names = "--from", paramLabel = "DIR",
                description = "PixInsight's master output folder, whose folder is emptied (overrides roots.pixinsight_masters).")
        Path from;
        @Option(names = "--yes", description = "Delete without asking (for scripts).")
        boolean yes;
        @Option(names = "--dry-run", description = "Show what would be deleted; delete nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws ConfigException, IOException {
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig config = configOption.load(env);
            Path rawDir = Engines.existingFolder(raw, config.roots().calibrationOrRaw(), "--raw", "roots.raw", config);
            Path libraryDir = library(library, config);
            Path dataDir = data != null ? data.toAbsolutePath().normalize() : config.roots().data();
            Path temp = pixinsightTemp != null ? pixinsightTemp.toAbsolutePath().normalize() : config.roots().pixinsightTemp();
            Path masters = from != null ? from.toAbsolutePath().normalize() : config.roots().pixinsightMasters();
            return CalibrationReports.clean(config, new CleanOperation.Request(rawDir, libraryDir, dataDir, temp, masters),
                    output, dryRun, yes, env, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
