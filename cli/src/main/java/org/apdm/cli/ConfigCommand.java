package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm config}: where the configuration is, what it says, and a commented starting point. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Show or create the configuration.",
        subcommands = {ConfigCommand.Init.class, ConfigCommand.Show.class})
public final class ConfigCommand {

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Write the commented example configuration (never replaces an existing file).")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write it (default: the per-user config file).")
        Path file;
        @Mixin
        OutputOptions output;
        @Option(names = "--dry-run", description = "Say where it would be written; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws IOException {
            CliEnvironment env = ApdmCli.environment(spec);
            Path target = (file != null ? file : configOption.file(env)).toAbsolutePath().normalize();
            PrintWriter out = spec.commandLine().getOut();
            if (Files.exists(target)) {
                throw new UsageException(target + " already exists; edit it, or pass another FILE");
            }
            if (!dryRun) {
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                // a new file, never a replacement (CREATE_NEW): not a move or copy, so not the file engine's
                Files.writeString(target, ConfigLoader.starterConfig(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
            if (output.json()) {
                out.println(Json.write(Map.of("command", "config init", "dryRun", dryRun, "file", target.toString())));
            } else {
                out.printf("%s %s; set roots.raw and roots.data in it, then run `apdm ingest --dry-run`.%n",
                        dryRun ? "Dry run, nothing changed. Would write" : "Wrote", target);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the configuration in effect and where it came from.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption configOption;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() throws ConfigException {
            CliEnvironment env = ApdmCli.environment(spec);
            ApdmConfig c = configOption.load(env);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> roots = new LinkedHashMap<>();
                roots.put("raw", text(c.roots().raw()));
                roots.put("data", text(c.roots().data()));
                roots.put("calibration", text(c.roots().calibration() == null ? c.roots().raw() : c.roots().calibration()));
                roots.put("reject", text(c.roots().reject()));
                roots.put("library", text(c.roots().library()));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("command", "config show");
                m.put("configuration", text(c.source()));
                m.put("expectedAt", configOption.file(env).toString());
                m.put("roots", roots);
                m.put("stateDir", text(c.stateDir()));
                m.put("database", text(c.database()));
                m.put("nightDateRule", c.normalization().nightRule().configName());
                m.put("timeZone", c.normalization().zone().getId());
                m.put("filterAliases", c.normalization().filterAliases());
                m.put("removeDuplicates", c.removeDuplicates());
                m.put("rigs", List.copyOf(c.rigs().keySet()));
                m.put("ingestSources", c.ingestSources().stream().map(src -> Map.of("path", src.path().toString(),
                        "profile", src.profile(), "defaults", src.defaults())).toList());
                out.println(Json.write(m));
                out.flush();
                return ExitCodes.OK;
            }
            out.printf("configuration: %s%n", c.source() == null ? "(none found; built-in defaults; expected at "
                    + configOption.file(env) + ")" : c.source());
            out.printf("roots.raw:          %s%n", orUnset(c.roots().raw()));
            out.printf("roots.data:         %s%n", orUnset(c.roots().data()));
            out.printf("roots.calibration:  %s%n", c.roots().calibration() == null
                    ? "(the RAW folder)" : c.roots().calibration());
            out.printf("roots.reject:       %s%n", orUnset(c.roots().reject()));
            out.printf("roots.library:      %s%n", orUnset(c.roots().library()));
            out.printf("state_dir:          %s%n", c.stateDir());
            out.printf("database:           %s%n", c.database());
            out.printf("night_date.rule:    %s (time zone %s)%n", c.normalization().nightRule().configName(),
                    c.normalization().zone());
            out.printf("filter aliases:     %s%n", c.normalization().filterAliases());
            out.printf("duplicates:         %s%n", c.removeDuplicates() ? "remove" : "keep");
            out.printf("sync_service:       before %s, after %s%n", c.sync().before(), c.sync().after());
            out.printf("rigs configured:    %s%n", c.rigs().keySet());
            c.ingestSources().forEach(src -> out.printf("ingest source:      %s (%s)%s%n", src.path(), src.profile(),
                    src.defaults().isEmpty() ? "" : ", defaults " + src.defaults()));
            return ExitCodes.OK;
        }

        private static String text(Path p) {
            return p == null ? null : p.toString();
        }

        private static String orUnset(Path p) {
            return p == null ? "(not set)" : p.toString();
        }
    }
}
