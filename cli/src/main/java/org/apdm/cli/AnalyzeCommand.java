package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.cull.CullScanner;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.image.AnalysisCache;
import org.apdm.core.image.AnalyzeOperation;
import org.apdm.core.image.PixelMetrics;
import org.apdm.core.layout.ArchiveLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apdm analyze}: measures frames from their pixels. Reads only; changes no frame. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Measure frames from their pixels: stars, HFR, FWHM, eccentricity, background and noise.",
                "PATH is a frame or a folder (walked); without PATH, the 10_Blink of --rig (or of every rig).",
                "Results are remembered in the state folder (by path, size and modification time), so a frame",
                "is measured once; `apdm cull` can then judge by px_hfr, px_fwhm, px_eccentricity, px_stars,",
                "px_background and px_noise. Reads the frames only; changes nothing."},
        footer = {"", "Exit codes: 0 done, 1 done but some files could not be read (listed), 2 usage or configuration "
                + "error, 3 aborted."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption configOption;
    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Frames or folders to measure.")
    List<Path> paths = new ArrayList<>();
    @Option(names = "--rig", paramLabel = "R", description = "The 10_Blink of this rig (repeatable).")
    List<String> rigs = new ArrayList<>();
    @Option(names = "--data", paramLabel = "DIR", description = "The archive root (overrides roots.data).")
    Path data;

    @Override
    public Integer call() throws ConfigException, IOException {
        CliEnvironment env = ApdmCli.environment(spec);
        ApdmConfig config = configOption.load(env);
        List<Path> roots = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageException(p + " does not exist; give a frame or a folder of frames");
            }
            roots.add(p);
        }
        if (paths.isEmpty() || !rigs.isEmpty()) {
            Path root = Engines.existingFolder(data, config.roots().data(), "--data", "roots.data", config);
            StatusCommand.checkRigs(root, rigs);
            List<String> chosen = rigs.isEmpty() ? CullScanner.rigsWithBlink(root) : rigs;
            for (String rig : chosen) {
                Path blink = root.resolve(rig).resolve(ArchiveLayout.BLINK);
                if (!Files.isDirectory(blink)) {
                    throw new UsageException("rig '" + rig + "' has no " + ArchiveLayout.BLINK + " in " + root
                            + "; `apdm status` lists the rigs");
                }
                roots.add(blink);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        AnalyzeOperation.Result result;
        try (Cancellation cancel = new Cancellation();
             ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), env.interactive(),
                     output.quiet() || output.json())) {
            List<Path> files = AnalyzeOperation.frames(roots, cancel.token());
            result = new AnalyzeOperation(new AnalysisCache(config.stateDir())).run(files, progress, cancel.token());
        }
        int code = result.cancelled() ? ExitCodes.ABORTED
                : result.unreadable().isEmpty() ? ExitCodes.OK : ExitCodes.LEFT_BEHIND;
        if (output.json()) {
            out.println(Json.write(json(result)));
        } else {
            print(out, result);
        }
        out.flush();
        return code;
    }

    static Map<String, Object> json(AnalyzeOperation.Result r) {
        List<Map<String, Object>> frames = new ArrayList<>();
        for (AnalyzeOperation.Measured m : r.frames()) {
            Map<String, Object> f = new LinkedHashMap<>();
            PixelMetrics p = m.metrics();
            f.put("path", m.file().toString());
            f.put("stars", p.stars());
            f.put("hfr", round(p.hfr()));
            f.put("fwhm", round(p.fwhm()));
            f.put("eccentricity", round(p.eccentricity()));
            f.put("background", round(p.background()));
            f.put("noise", round(p.noise()));
            f.put("cached", m.cached());
            frames.add(f);
        }
        List<Map<String, Object>> unreadable = new ArrayList<>();
        for (LeftBehind l : r.unreadable()) {
            unreadable.add(Map.of("path", l.file().toString(), "reason", l.reason()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("frames", frames);
        root.put("unreadable", unreadable);
        root.put("cancelled", r.cancelled());
        return root;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }

    private static void print(PrintWriter out, AnalyzeOperation.Result r) {
        out.printf(Locale.ROOT, "%6s %6s %6s %6s %10s %8s  %s%n", "stars", "hfr", "fwhm", "ecc", "background", "noise",
                "frame");
        for (AnalyzeOperation.Measured m : r.frames()) {
            PixelMetrics p = m.metrics();
            out.printf(Locale.ROOT, "%6d %6s %6s %6s %10.1f %8.2f  %s%n", p.stars(), fmt(p.hfr()), fmt(p.fwhm()),
                    fmt(p.eccentricity()), p.background(), p.noise(), m.file());
        }
        long cached = r.frames().stream().filter(AnalyzeOperation.Measured::cached).count();
        out.printf(Locale.ROOT, "%d frame(s) measured (%d from the cache)%n", r.frames().size(), cached);
        if (!r.unreadable().isEmpty()) {
            out.println(r.unreadable().size() + " file(s) could not be read and were left as they are:");
            r.unreadable().forEach(l -> out.println("  " + l.file() + ": " + l.reason()));
        }
        if (r.cancelled()) {
            out.println("cancelled; run the command again to measure the rest (measured frames are remembered)");
        }
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
