package org.apdm.db.profiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.profile.ProfileImportPlanner;

/** The wording of {@code apdm db import-profiles}: what the terminal prints and the window's log shows. */
public final class ProfileImportSummary {

    private ProfileImportSummary() {
    }

    public static List<String> lines(ProfileImportOperation.Result r, Path folder, boolean dryRun) {
        List<String> out = new ArrayList<>();
        out.add(String.format("N.I.N.A. profiles in %s%s", folder, dryRun ? " (dry run, nothing changed)" : ""));
        for (ProfileImportOperation.Imported i : r.imported()) {
            out.add(String.format("  imported  %-40s %s%s", i.rig(), String.join(",", i.filters()),
                    i.note().isEmpty() ? "" : "  (" + i.note() + ")"));
        }
        for (ProfileImportPlanner.Skipped s : r.skipped()) {
            out.add(String.format("  skipped   %s (%s): %s", s.profile().name(), s.profile().file().getFileName(),
                    s.reason()));
        }
        for (LeftBehind u : r.unreadable()) {
            out.add(String.format("  unreadable %s: %s", u.file(), u.reason()));
        }
        for (ProfileImportOperation.AddedSite s : r.sitesAdded()) {
            out.add(String.format("  site      %s at %s, %s from the profile %s (rename it: apdm location edit \"%s\" "
                    + "--name NAME)", s.name(), s.latitude(), s.longitude(), s.profile(), s.name()));
        }
        r.notes().forEach(n -> out.add("  note: " + n));
        return out;
    }
}
