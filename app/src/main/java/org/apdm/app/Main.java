package org.apdm.app;

import java.io.PrintWriter;
import org.apdm.cli.ApdmCli;
import org.apdm.cli.CliEnvironment;

/** Entry point of the runnable jar: the command line (the desktop window joins with its issue). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = ApdmCli.run(args, CliEnvironment.system(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
