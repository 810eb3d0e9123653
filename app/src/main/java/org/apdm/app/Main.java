package org.apdm.app;

import java.io.PrintWriter;
import org.apdm.cli.ApdmCli;
import org.apdm.cli.CliEnvironment;
import picocli.CommandLine;

/**
 * Entry point of the runnable jar. {@code apdm} alone opens the window (the user's everyday tool), or prints
 * the command-line help where no window can open; {@code apdm <command>} runs the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CliEnvironment env = CliEnvironment.system();
        int code = run(args, env, Display.available(env.env(), System.getProperty("os.name", "")), GuiCommand.launcher(),
                out, err);
        out.flush();
        err.flush();
        org.apdm.cli.Cancellation.exit(code);
    }

    static int run(String[] args, CliEnvironment env, boolean display, GuiCommand.Opener opener, PrintWriter out,
                   PrintWriter err) {
        CommandLine cl = ApdmCli.commandLine(env, c -> {
            c.addSubcommand(new GuiCommand(env, display, opener));
            c.addSubcommand(new BlinkCommand(env, display, opener));
        });
        cl.setOut(out);
        cl.setErr(err);
        if (args.length == 0) {
            if (!display) {
                cl.usage(out);
                return 0;
            }
            return cl.execute("gui");
        }
        return cl.execute(args);
    }
}
