package org.apdm.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apdm.cli.CliEnvironment;
import org.apdm.cli.ConfigOption;
import org.apdm.gui.AppContext;
import org.apdm.gui.GuiLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm gui}: opens the window (also what {@code apdm} without arguments does). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the desktop window: dashboard, ingest, cull review, settings and log.",
                "Without a display (no DISPLAY on Linux), prints the command-line help instead."},
        footer = {"", "Exit codes: 0 the window was closed, 2 no display."})
final class GuiCommand implements Callable<Integer> {

    /** Opens the window; replaced in tests. */
    interface Opener {
        void open(AppContext.Options options);
    }

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;

    private final CliEnvironment env;
    private final boolean display;
    private final Opener opener;

    GuiCommand(CliEnvironment env, boolean display, Opener opener) {
        this.env = env;
        this.display = display;
        this.opener = opener;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent() != null ? spec.commandLine().getParent() : spec.commandLine();
        if (!display) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("apdm gui: no display to open a window on (DISPLAY is not set). The command-line help follows.");
            err.flush();
            root.usage(spec.commandLine().getOut());
            return 2;
        }
        Path explicit = configOption.file(env);
        opener.open(AppContext.Options.of(explicit, env.locations(), env.env()));
        return 0;
    }

    static Opener launcher() {
        return GuiLauncher::launch;
    }
}
