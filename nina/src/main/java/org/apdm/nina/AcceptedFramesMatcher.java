package org.apdm.nina;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.layout.PathSanitizer;

/**
 * Finds the accepted frames of a scheduler plan: same rig, target, panel, filter and exposure.
 *
 * <p>Rows of one folder that exist in two stages (the old scripts never removed a target's 10_Blink rows
 * after it moved on, reference-spec §13.6) are counted once, in the latest stage. Names compare the way
 * apdm writes them: quotes dropped, blanks collapsed, case ignored, filters through the configured aliases.
 */
public final class AcceptedFramesMatcher {

    /** An accepted_data row with the stage folder its directory lies in (null when none is recognisable). */
    public record Located(AcceptedFramesRepository.Frames frames, String stage, int stageNumber) {
    }

    private static final Pattern STAGE = Pattern.compile("^(\\d\\d)_.+");
    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]+");

    private final Map<String, List<Located>> byRigTargetPanel = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, String> rigKeys = new HashMap<>();
    private final int used;
    private final int staleIgnored;

    /**
     * @param frames        accepted_data rows
     * @param filterAliases filter name as N.I.N.A. writes it → apdm's name (the configuration's normalisation)
     */
    public AcceptedFramesMatcher(Collection<AcceptedFramesRepository.Frames> frames, Map<String, String> filterAliases) {
        filterAliases.forEach((k, v) -> aliases.put(k.toLowerCase(Locale.ROOT), v));
        Map<String, Located> latest = new HashMap<>();
        List<Located> unstaged = new ArrayList<>();
        int stale = 0;
        for (AcceptedFramesRepository.Frames f : frames) {
            if (f.rig() == null) {
                continue;
            }
            String[] parts = f.rawDirectory() == null ? new String[0] : SEPARATORS.split(f.rawDirectory().trim());
            int at = stageIndex(parts);
            if (at < 0) {
                unstaged.add(new Located(f, null, -1));
                continue;
            }
            Located here = new Located(f, parts[at], Integer.parseInt(parts[at].substring(0, 2)));
            parts[at] = "*";
            String key = String.join("/", parts).toLowerCase(Locale.ROOT);
            Located before = latest.putIfAbsent(key, here);
            if (before != null) {
                stale++;
                if (here.stageNumber() > before.stageNumber()) {
                    latest.put(key, here);
                }
            }
        }
        List<Located> kept = new ArrayList<>(latest.values());
        kept.addAll(unstaged);
        for (Located l : kept) {
            AcceptedFramesRepository.Frames f = l.frames();
            byRigTargetPanel.computeIfAbsent(key(f.rig(), targetKey(f.target()), panelKey(f.panel())),
                    k -> new ArrayList<>()).add(l);
        }
        this.used = kept.size();
        this.staleIgnored = stale;
    }

    /** The stage folder of a raw_directory: the first component in the form {@code NN_Name}. */
    private static int stageIndex(String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            if (ArchiveLayout.STAGES.contains(parts[i])) {
                return i;
            }
        }
        for (int i = 0; i < parts.length; i++) {
            if (STAGE.matcher(parts[i]).matches()) {
                return i;
            }
        }
        return -1;
    }

    public int used() {
        return used;
    }

    public int staleIgnored() {
        return staleIgnored;
    }

    /** Every accepted frame row of the rig, target and panel, any filter and exposure. */
    public List<Located> find(String rig, String target, String panel) {
        if (rig == null) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(targetKey(target));
        keys.add(targetKey(PathSanitizer.component(target)));
        List<Located> out = new ArrayList<>();
        for (String t : keys) {
            out.addAll(byRigTargetPanel.getOrDefault(key(rig, t, panelKey(panel)), List.of()));
        }
        return out;
    }

    /** The rows of {@link #find} with this filter and exposure. */
    public List<Located> find(String rig, String target, String panel, String filter, double exposure) {
        String wanted = filterKey(filter);
        List<Located> out = new ArrayList<>();
        for (Located l : find(rig, target, panel)) {
            if (filterKey(l.frames().filter()).equals(wanted) && Math.abs(l.frames().exposure() - exposure) < 0.0005) {
                out.add(l);
            }
        }
        return out;
    }

    /** A filter name as apdm stores it: the configured alias, else the name itself. */
    public String filterName(String raw) {
        if (raw == null) {
            return "";
        }
        String alias = aliases.get(raw.trim().toLowerCase(Locale.ROOT));
        return alias != null ? alias : raw.trim();
    }

    private String filterKey(String raw) {
        return filterName(raw).toLowerCase(Locale.ROOT);
    }

    private String key(String rig, String target, String panel) {
        String r = rigKeys.computeIfAbsent(rig,
                x -> org.apdm.core.config.ApdmConfig.canonicalRig(x.trim()).toLowerCase(Locale.ROOT));
        return r + '\u0000' + target + '\u0000' + panel;
    }

    static String targetKey(String name) {
        if (name == null) {
            return "";
        }
        // '_' as space: ingest writes OBJECT "Rosette_Nebula" as folder "Rosette Nebula" (TargetFolderName)
        return name.replace("'", "").replace("\"", "").replace('_', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** "", null and the old scripts' literal "None" are no panel; "01" is panel "1". */
    static String panelKey(String panel) {
        if (panel == null) {
            return "";
        }
        String p = panel.trim();
        if (p.equalsIgnoreCase("none")) {
            return "";
        }
        if (p.matches("\\d+")) {
            p = p.replaceFirst("^0+(?=\\d)", "");
        }
        return p.toLowerCase(Locale.ROOT);
    }

    /**
     * Splits a scheduler target name the way apdm splits an OBJECT: "M33 Panel A" is target "M33", panel "A"
     * (at the last " Panel "); anything else is the whole target with no panel.
     */
    public static String[] targetAndPanel(String schedulerName) {
        String n = schedulerName == null ? "" : schedulerName.replace("'", "").replace("\"", "").trim();
        int at = n.lastIndexOf(" Panel ");
        if (at > 0) {
            String panel = n.substring(at + " Panel ".length()).trim();
            if (!panel.isEmpty()) {
                return new String[] {n.substring(0, at).trim(), panel};
            }
        }
        return new String[] {n, ""};
    }
}
