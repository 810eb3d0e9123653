package org.apdm.core.inventory;

import java.util.Map;
import org.apdm.core.layout.TargetFolderName;
import org.apdm.core.metadata.PathTokens;

/**
 * The target and panel a target folder names (reference-spec §13.5).
 *
 * <p>The user appends notes to target folders after an underscore: {@code Moon_2024-08-15},
 * {@code C3 and Friends_First Light}, {@code Cocoon Nebula IC5146_LOCATION_SRSP}. The name ends at the
 * first {@code _} followed by a letter or a date; an underscore followed by anything else stays part of the
 * name ({@code M 42_ Orion}, which the sanitiser makes of {@code M 42: Orion}; {@code NGC_7000}).
 * A trailing {@code " Panel N"} (split at the last one, case-sensitive, as N.I.N.A. names mosaic panels)
 * gives the panel. Ingest writes folders this reads back unchanged ({@link TargetFolderName}). Quotes are kept: the folder is the user's truth and SQL binds parameters.
 *
 * @param name   the target
 * @param panel  the panel from {@code " Panel N"}, or "" when none
 * @param suffix the note after the name without its underscore, or "" ({@code LOCATION_SRSP})
 */
public record TargetName(String name, String panel, String suffix) {

    public static TargetName of(String folderName) {
        String name = folderName;
        String suffix = "";
        for (int i = 1; i < folderName.length() - 1; i++) {
            if (folderName.charAt(i) == '_' && TargetFolderName.startsNote(folderName, i + 1)) {
                name = folderName.substring(0, i).trim();
                suffix = folderName.substring(i + 1);
                break;
            }
        }
        String panel = "";
        int at = name.lastIndexOf(" Panel ");
        if (at > 0) {
            String p = name.substring(at + " Panel ".length()).trim();
            if (!p.isEmpty()) {
                panel = p;
                name = name.substring(0, at).trim();
            }
        }
        return new TargetName(name, panel, suffix);
    }

    /** {@code KEY_value} tokens of the note ({@code LOCATION} → {@code SRSP}), keys upper-case. */
    public Map<String, String> suffixTokens() {
        if (suffix.isEmpty()) {
            return Map.of();
        }
        return PathTokens.parse(java.util.List.of(suffix, "x")).values();
    }
}
