package org.apdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.db.AstroDatabase;
import org.apdm.db.FilterRepository;
import org.apdm.db.ProfileRepository;
import org.apdm.db.RigFilterRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apdm filter}: each rig's filters in priority order, and every filter's AstroBin id. */
@Command(name = "filter", mixinStandardHelpOptions = true,
        description = {"Each rig's filters in priority order, and each filter's AstroBin id.",
                "The first filter is the most wanted. Edits are stored in the database: the rig's",
                "profile.filter_names (what `apdm db import-profiles` writes) and filter.astrobin_id. A rig",
                "without a profile starts from rigs.<rig>.filters in the configuration, else the default set",
                "L,R,G,B,O,S,H,UVIR,LenHa,LeXtr,ALPT."},
        subcommands = {FilterCommand.ListFilters.class, FilterCommand.Add.class, FilterCommand.Edit.class,
                FilterCommand.Remove.class, FilterCommand.Order.class},
        footer = {"", "Exit codes: 0 done, 2 usage or configuration error, 3 aborted (nothing changed)."})
public final class FilterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    abstract static class Sub extends DatabaseSubcommand {
        @Option(names = "--dry-run", description = "Show the list as it would be; change nothing.")
        boolean dryRun;

        /** Loads, edits the rig's list with {@code edit} in one transaction, and prints the result. */
        int editRig(String rig, ListEdit edit) throws ConfigException, IOException {
            ApdmConfig config = config();
            try (AstroDatabase db = databaseOption.open(config, true, spec.commandLine().getErr())) {
                RigFilterRepository.RigFilters after = db.inTransaction("editing filters", dryRun, c -> {
                    RigFilterRepository repo = new RigFilterRepository(c, config);
                    RigFilterRepository.RigFilters before = repo.get(rig);
                    List<String> names = new ArrayList<>(before.filters().stream().map(RigFilterRepository.RigFilter::name)
                            .toList());
                    edit.apply(names, new FilterRepository(c));
                    repo.set(rig, names);
                    return repo.get(rig);
                });
                print(out(), after, output.json(), dryRun);
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @FunctionalInterface
    interface ListEdit {
        void apply(List<String> names, FilterRepository filters) throws java.sql.SQLException;
    }

    static void print(PrintWriter out, RigFilterRepository.RigFilters f, boolean json) {
        print(out, f, json, false);
    }

    static void print(PrintWriter out, RigFilterRepository.RigFilters f, boolean json, boolean dryRun) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rig", f.rig());
            m.put("source", f.source());
            m.put("filters", f.filters());
            m.put("dryRun", dryRun);
            out.println(Json.write(m));
            return;
        }
        if (dryRun) {
            out.println("Dry run, nothing changed; the list would be:");
        }
        out.printf("%s (from the %s), in priority order:%n", f.rig(), f.source());
        int i = 1;
        for (RigFilterRepository.RigFilter x : f.filters()) {
            out.printf("  %2d. %-10s AstroBin %s%n", i++, x.name(), x.astrobinId() == null ? "-" : x.astrobinId());
        }
    }

    static int position(List<String> names, String name, String rig) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new UsageException("the rig " + rig + " has no filter '" + name + "' (apdm filter list --rig \"" + rig + "\")");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List a rig's filters, or every rig's lists and all AstroBin ids.")
    static final class ListFilters extends Sub {
        @Option(names = "--rig", paramLabel = "R", description = "The rig.")
        String rig;

        @Override
        public Integer call() throws ConfigException, IOException {
            ApdmConfig config = config();
            try (AstroDatabase db = databaseOption.open(config, true, spec.commandLine().getErr())) {
                if (rig != null) {
                    print(out(), db.read("reading filters", c -> new RigFilterRepository(c, config).get(rig)), output.json());
                    out().flush();
                    return ExitCodes.OK;
                }
                Set<String> rigs = new TreeSet<>(config.rigs().keySet());
                db.read("reading profiles", c -> new ProfileRepository(c).all()).forEach(p -> rigs.add(p.rig()));
                Map<String, Integer> ids = db.read("reading filters", c -> new FilterRepository(c).astrobinIds());
                List<RigFilterRepository.RigFilters> lists = new ArrayList<>();
                for (String r : rigs) {
                    lists.add(db.read("reading filters", c -> new RigFilterRepository(c, config).get(r)));
                }
                if (output.json()) {
                    out().println(Json.write(Map.of("astrobinIds", ids, "rigs", lists)));
                } else {
                    out().println("Filters and their AstroBin ids:");
                    ids.forEach((n, id) -> out().printf("  %-14s %s%n", n, id == null ? "-" : id));
                    for (RigFilterRepository.RigFilters l : lists) {
                        out().println();
                        print(out(), l, false);
                    }
                }
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a filter to a rig's list.")
    static final class Add extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "Filter name as the folders have it (H, O, LeXtr…).")
        String name;
        @Option(names = "--rig", required = true, paramLabel = "R", description = "The rig.")
        String rig;
        @Option(names = "--at", paramLabel = "POS", description = "Position, 1 = highest priority (default: last).")
        Integer at;
        @Option(names = "--astrobin-id", paramLabel = "N", description = "The filter's AstroBin equipment id.")
        Integer astrobinId;

        @Override
        public Integer call() throws ConfigException, IOException {
            return editRig(rig, (names, filters) -> {
                if (names.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                    throw new UsageException("the rig " + rig + " already has the filter '" + name + "'");
                }
                int pos = at == null ? names.size() : at - 1;
                if (pos < 0 || pos > names.size()) {
                    throw new UsageException("--at must be 1 to " + (names.size() + 1));
                }
                names.add(pos, name.trim());
                if (astrobinId != null) {
                    filters.setAstrobinId(name.trim(), astrobinId);
                }
            });
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = {"Set a filter's AstroBin id (for every rig), or rename it in a rig's list."})
    static final class Edit extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "The filter.")
        String name;
        @Option(names = "--rig", paramLabel = "R", description = "The rig whose list to change (needed for --name).")
        String rig;
        @Option(names = "--name", paramLabel = "NEW", description = "New name in the rig's list.")
        String newName;
        @Option(names = "--astrobin-id", paramLabel = "N", description = "AstroBin equipment id.")
        Integer astrobinId;
        @Option(names = "--no-astrobin-id", description = "Forget the AstroBin id.")
        boolean noId;

        @Override
        public Integer call() throws ConfigException, IOException {
            if (newName != null && rig == null) {
                throw new UsageException("--name renames the filter in one rig's list; add --rig R");
            }
            if (newName == null && astrobinId == null && !noId) {
                throw new UsageException("nothing to change: give --astrobin-id N, --no-astrobin-id or --name NEW");
            }
            if (rig != null) {
                return editRig(rig, (names, filters) -> {
                    int i = position(names, name, rig);
                    String now = names.get(i);
                    if (newName != null) {
                        names.set(i, newName.trim());
                        now = newName.trim();
                    }
                    if (astrobinId != null || noId) {
                        filters.setAstrobinId(now, noId ? null : astrobinId);
                    }
                });
            }
            ApdmConfig config = config();
            try (AstroDatabase db = databaseOption.open(config, true, spec.commandLine().getErr())) {
                db.inTransaction("setting the AstroBin id", dryRun, c -> {
                    new FilterRepository(c).setAstrobinId(name.trim(), noId ? null : astrobinId);
                    return null;
                });
                if (output.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("filter", name.trim());
                    m.put("astrobinId", noId ? null : astrobinId);
                    m.put("dryRun", dryRun);
                    out().println(Json.write(m));
                } else {
                    out().printf("%s%s: AstroBin id %s%n", dryRun ? "Dry run, nothing changed: " : "", name.trim(),
                            noId ? "-" : astrobinId);
                }
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a filter from a rig's list (recorded frames keep their filter).")
    static final class Remove extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "The filter.")
        String name;
        @Option(names = "--rig", required = true, paramLabel = "R", description = "The rig.")
        String rig;

        @Override
        public Integer call() throws ConfigException, IOException {
            return editRig(rig, (names, filters) -> names.remove(position(names, name, rig)));
        }
    }

    @Command(name = "order", mixinStandardHelpOptions = true,
            description = {"Set a rig's priority order: the same filters, most wanted first.",
                    "Example: apdm filter order --rig \"C8E@f10.0+ZWO ASI2600MM Pro\" L,R,G,B,O,S,H"})
    static final class Order extends Sub {
        @Parameters(paramLabel = "NAMES", arity = "1..*", description = "The filters, comma- or space-separated.")
        List<String> order;
        @Option(names = "--rig", required = true, paramLabel = "R", description = "The rig.")
        String rig;

        @Override
        public Integer call() throws ConfigException, IOException {
            List<String> wanted = order.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            return editRig(rig, (names, filters) -> {
                List<String> now = new ArrayList<>();
                for (String w : wanted) {
                    now.add(names.get(position(names, w, rig)));
                }
                Set<String> a = new HashSet<>();
                now.forEach(n -> a.add(n.toLowerCase(Locale.ROOT)));
                if (a.size() != now.size() || now.size() != names.size()) {
                    throw new UsageException("list each of the rig's filters once: " + String.join(",", names)
                            + " (to add or remove one, use apdm filter add/remove)");
                }
                names.clear();
                names.addAll(now);
            });
        }
    }
}
