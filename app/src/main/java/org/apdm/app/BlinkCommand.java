package org.apdm.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apdm.cli.CliEnvironment;
import org.apdm.cli.ConfigOption;
import org.apdm.gui.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apdm blink [FOLDER]}: opens the window on the blink page, showing FOLDER. */
@Command(name = "blink", mixinStandardHelpOptions = true,
        description = {"Open the window on the blink page for FOLDER: step, accept and reject frames.",
                       "Shows every frame of FOLDER (a night, target or filter folder of 10_Blink, or",
                       "any folder of FITS/XISF frames to look at), stretched, with its metrics. Keys:",
                       "←/→ previous/next, Space blink, A accept (to the target's accept/), X or",
                       "Delete reject (to the reject tree; `apdm cull restore --pass blink` puts it",
                       "back), U undo, 1–9 sort, F 1:1/fit."},
        footer = {"", "Exit codes: 0 the window was closed, 2 no display or no such folder."})
final class BlinkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Parameters(paramLabel = "FOLDER", arity = "0..1", description = "The folder to blink.")
    Path folder;

    private final CliEnvironment env;
    private final boolean display;
    private final GuiCommand.Opener opener;

    BlinkCommand(CliEnvironment env, boolean display, GuiCommand.Opener opener) {
        this.env = env;
        this.display = display;
        this.opener = opener;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (folder != null && !Files.isDirectory(folder)) {
            err.println("error: " + folder + " is not a folder; give a night, target or filter folder of 10_Blink");
            err.flush();
            return 2;
        }
        if (!display) {
            err.println("apdm blink: no display to open a window on (DISPLAY is not set). "
                    + "`apdm analyze` measures frames without one.");
            err.flush();
            return 2;
        }
        AppContext.Options options = AppContext.Options.of(configOption.file(env), env.locations(), env.env());
        opener.open(folder == null ? options : options.withBlinkFolder(folder.toAbsolutePath().normalize()));
        return 0;
    }
}
