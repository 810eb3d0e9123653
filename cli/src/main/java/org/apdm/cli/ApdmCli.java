package org.apdm.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.apdm.core.config.ConfigException;
import org.apdm.core.fileops.EngineBusyException;
import org.apdm.core.task.OperationCancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code apdm} command tree and its error handling. */
@Command(name = "apdm", mixinStandardHelpOptions = true, versionProvider = ApdmCli.Version.class,
        description = {"Astrophotography Data Manager: from N.I.N.A. RAW frames to an organised, culled,",
                "calibrated and counted archive. Run `apdm demo` first."},
        footer = {"", "Exit codes: 0 all done, 1 done with files left behind, 2 usage or configuration error, 3 aborted."})
public final class ApdmCli {

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ApdmCli.class.getPackage().getImplementationVersion();
            return new String[] {"apdm " + (v == null ? "development build" : v)};
        }
    }

    private ApdmCli() {
    }

    /**
     * Builds the command tree.
     *
     * @param extra lets the application add commands that live in other modules ({@code gui})
     */
    public static CommandLine commandLine(CliEnvironment env, Consumer<CommandLine> extra) {
        CommandLine cl = new CommandLine(new ApdmCli());
        cl.addSubcommand(new IngestCommand(env));
        cl.addSubcommand(new CullCommand());
        cl.addSubcommand(new AnalyzeCommand());
        cl.addSubcommand(new CalibrationCommand());
        cl.addSubcommand(new PromoteCommand());
        cl.addSubcommand(new DemoCommand(env));
        cl.addSubcommand(new ConfigCommand());
        cl.addSubcommand(new RecoverCommand());
        cl.addSubcommand(new SchedulerCommand());
        cl.addSubcommand(new StatusCommand());
        cl.addSubcommand(new DbCommand());
        cl.addSubcommand(new LocationCommand());
        cl.addSubcommand(new FilterCommand());
        cl.addSubcommand(new ReportCommand());
        cl.addSubcommand(new RunCommand());
        cl.addSubcommand(new WatchCommand());
        extra.accept(cl);
        cl.setExecutionExceptionHandler(ApdmCli::handle);
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((e, args) -> {
            int code = usage.handleParseException(e, args);
            if (java.util.Arrays.asList(args).contains("--json")) {
                printJsonError(e.getCommandLine(), e.getMessage(), java.util.List.of(), code);
            }
            return code;
        });
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        ENVIRONMENTS.put(cl.getCommandSpec(), env);
        return cl;
    }

    private static final java.util.Map<CommandSpec, CliEnvironment> ENVIRONMENTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The environment of the command tree a subcommand belongs to. */
    static CliEnvironment environment(CommandSpec spec) {
        CommandSpec root = spec.root();
        CliEnvironment env = ENVIRONMENTS.get(root);
        return env != null ? env : CliEnvironment.system();
    }

    public static int run(String[] args, CliEnvironment env, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(env, c -> {
        });
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code;
        if (e instanceof ConfigException ce) {
            err.println("configuration error:");
            ce.problems().forEach(p -> err.println("  " + p));
            err.println("Nothing was changed. Fix the setting and run again (`apdm config show` shows what is in effect).");
            code = ExitCodes.USAGE;
        } else if (e instanceof UsageException) {
            err.println("error: " + e.getMessage());
            code = ExitCodes.USAGE;
        } else if (e instanceof EngineBusyException) {
            err.println("error: " + e.getMessage());
            code = ExitCodes.ABORTED;
        } else if (e instanceof OperationCancelledException) {
            err.println("cancelled; nothing is half done. Run the command again to continue.");
            code = ExitCodes.ABORTED;
        } else if (e instanceof org.apdm.core.fileops.DestinationUnavailableException) {
            err.println("error: " + e.getMessage()); // says itself that nothing moved and what to do
            code = ExitCodes.ABORTED;
        } else if (e instanceof java.io.IOException) {
            err.println("error: " + e.getMessage());
            err.println("Files already handled stay handled; run the command again to continue.");
            code = ExitCodes.ABORTED;
        } else {
            err.println("unexpected error: " + e);
            e.printStackTrace(err);
            code = ExitCodes.ABORTED;
        }
        err.flush();
        if (jsonRequested(parsed)) {
            printJsonError(cl, e instanceof ConfigException ? "configuration error" : String.valueOf(e.getMessage()),
                    e instanceof ConfigException ce ? ce.problems() : java.util.List.of(), code);
        }
        return code;
    }

    private static boolean jsonRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.hasMatchedOption("--json")) {
                return true;
            }
        }
        return false;
    }

    /** A script that asked for --json reads the failure on stdout too; the words for a person stay on stderr. */
    private static void printJsonError(CommandLine cl, String message, java.util.List<String> problems, int code) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("error", message);
        if (!problems.isEmpty()) {
            m.put("problems", problems);
        }
        m.put("exitCode", code);
        PrintWriter out = cl.getOut();
        out.println(Json.write(m));
        out.flush();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, CliEnvironment.system(), out, err);
        out.flush();
        err.flush();
        Cancellation.exit(code);
    }
}
