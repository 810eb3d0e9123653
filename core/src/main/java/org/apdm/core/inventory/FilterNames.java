package org.apdm.core.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;

/**
 * Turns a filter name as written in a folder or header into the name apdm counts under: the configured
 * aliases first ({@code Ha} → {@code H}), then the spelling of a known filter when only the case differs
 * ({@code LexTr} → {@code LeXtr}, reference-spec §13.6).
 */
public final class FilterNames {

    private final Map<String, String> aliases;
    private final Map<String, String> known = new HashMap<>();

    public FilterNames(Map<String, String> aliases, Collection<String> knownNames) {
        this.aliases = Map.copyOf(aliases);
        for (String k : knownNames) {
            known.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
        }
        for (String v : aliases.values()) {
            known.putIfAbsent(v.toLowerCase(Locale.ROOT), v);
        }
    }

    /** Aliases and names of the configuration: every rig's filters and the default set. */
    public static FilterNames of(ApdmConfig config) {
        java.util.List<String> names = new java.util.ArrayList<>();
        ApdmConfig.DEFAULT_FILTERS.forEach(f -> names.add(f.name()));
        config.rigs().values().forEach(r -> {
            if (r.filters() != null) {
                r.filters().forEach(f -> names.add(f.name()));
            }
        });
        return new FilterNames(config.normalization().filterAliases(), names);
    }

    /** The canonical name, or null for null. An empty name is the alias of "no filter" ({@code RGB}). */
    public String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        String alias = aliases.get(t);
        if (alias != null) {
            return alias;
        }
        if (t.isEmpty()) {
            return null;
        }
        String k = known.get(t.toLowerCase(Locale.ROOT));
        return k != null ? k : t;
    }
}
