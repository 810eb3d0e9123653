package org.apdm.gui.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.layout.RigName;
import org.apdm.core.profile.ProfileImportPlanner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.profiles.ProfileImportOperation;
import org.apdm.db.profiles.ProfileImportSummary;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Folders;
import org.apdm.gui.operation.FxQuestion;
import org.apdm.gui.operation.OperationSteps;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;

/**
 * {@code apdm db import-profiles} in the window. The plan is the operation's dry run; for each profile skipped only
 * because of its name the user is asked (skip it, or import it under a rig name), the answers become the rename map
 * ({@code --rig-name}) and the dry run is made again with them. Approving imports with the same answers.
 */
public final class ProfileImportSteps implements OperationSteps<ProfileImportSteps.Prepared> {

    /** The folder, the user's rig names (profile name → rig) and the dry run made with them. */
    public record Prepared(Path folder, Map<String, String> renames, ProfileImportOperation.Result planned) {
        public Prepared {
            renames = Map.copyOf(renames);
        }
    }

    private final AppContext context;
    private final ProfileNameAsker asker;

    public ProfileImportSteps(AppContext context, ProfileNameAsker asker) {
        this.context = context;
        this.asker = asker;
    }

    /** Whether the text is a rig name, {@code <optic>@f<ratio>+<camera>} (core's {@link RigName}). */
    public static boolean isRigName(String text) {
        return text != null && !text.isBlank() && RigName.parse(text.trim()).isPresent();
    }

    @Override
    public String title() {
        return "Profile import";
    }

    @Override
    public Planned<Prepared> plan(ProgressListener listener, CancellationToken cancel) throws Exception {
        ApdmConfig config = context.config();
        Path folder = Folders.existing(config.ninaProfiles(), "nina.profiles");
        Map<String, String> renames = new LinkedHashMap<>();
        ProfileImportOperation.Result r;
        try (AstroDatabase db = DatabaseAccess.open(context, config, true, listener)) {
            r = ProfileImportOperation.run(db, config, folder, renames, true);
            Set<String> asked = new HashSet<>();
            boolean renamed = false;
            for (ProfileImportPlanner.Skipped s : r.skipped()) {
                if (!s.badName() || !asked.add(s.profile().name())) {
                    continue;
                }
                ProfileNameAsker.Answer a = FxQuestion.ask(() -> asker.ask(s), cancel, ProfileNameAsker.Answer.skip());
                cancel.throwIfCancelled();
                if (a.rig() != null && isRigName(a.rig())) {
                    renames.put(s.profile().name(), a.rig().trim());
                    renamed = true;
                }
            }
            if (renamed) {
                r = ProfileImportOperation.run(db, config, folder, renames, true);
            }
        }
        List<String> notes = new ArrayList<>();
        renames.forEach((profile, rig) -> notes.add("The profile \"" + profile + "\" is imported as the rig " + rig
                + " (your answer)."));
        notes.addAll(r.notes());
        PlanPreview preview = PlanPreview.ofSheets(title(), tiles(r, true), List.of(profiles(r, renames, true)), notes,
                ProfileImportSummary.lines(r, folder, true), r.imported().size());
        return new Planned<>(new Prepared(folder, renames, r), preview);
    }

    @Override
    public RunResult run(Prepared p, ProgressListener listener, CancellationToken cancel) throws Exception {
        cancel.throwIfCancelled();
        ApdmConfig config = context.config();
        ProfileImportOperation.Result r;
        try (AstroDatabase db = DatabaseAccess.open(context, config, true, listener)) {
            r = ProfileImportOperation.run(db, config, p.folder(), p.renames(), false);
        }
        int n = r.imported().size();
        int left = r.skipped().size() + r.unreadable().size();
        String sentence = String.format(Locale.ROOT, "Imported %d %s%s", n, n == 1 ? "profile as a rig" : "profiles as rigs",
                left == 0 ? "." : "; " + left + " left out, each listed with the reason.");
        return RunResult.ofSheets(title(), false, left == 0 ? "good" : "warn", sentence, tiles(r, false),
                List.of(profiles(r, p.renames(), false)), ProfileImportSummary.lines(r, p.folder(), false));
    }

    @Override
    public String approveLabel(PlanPreview preview) {
        long n = preview.actions();
        return "Import " + n + (n == 1 ? " profile" : " profiles");
    }

    static List<PlanPreview.Tile> tiles(ProfileImportOperation.Result r, boolean dryRun) {
        return List.of(PlanPreview.Tile.count(r.imported().size(), dryRun ? "to import" : "imported", "good"),
                PlanPreview.Tile.count(r.skipped().size(), "skipped", "warn"),
                PlanPreview.Tile.count(r.unreadable().size(), "unreadable", "bad"));
    }

    /** Every profile: imported as which rig with which filters, or left out and why. */
    static PlanPreview.Sheet profiles(ProfileImportOperation.Result r, Map<String, String> renames, boolean dryRun) {
        List<PlanPreview.SheetRow> rows = new ArrayList<>();
        for (ProfileImportOperation.Imported i : r.imported()) {
            String what = (dryRun ? "import" : "imported") + (renames.containsKey(i.name()) ? " (your rig name)" : "");
            rows.add(PlanPreview.SheetRow.of(false, i.name(), what, i.rig(), String.join(",", i.filters())
                    + (i.note().isEmpty() ? "" : "  (" + i.note() + ")")));
        }
        for (ProfileImportPlanner.Skipped s : r.skipped()) {
            rows.add(PlanPreview.SheetRow.of(true, s.profile().name() + " (" + s.profile().file().getFileName() + ")",
                    s.badName() ? "skipped (your answer)" : "skipped", "", s.reason()));
        }
        for (LeftBehind u : r.unreadable()) {
            rows.add(PlanPreview.SheetRow.of(true, u.file().getFileName().toString(), "unreadable", "", u.reason()));
        }
        return new PlanPreview.Sheet("profileRows", "Profiles", List.of("Profile", "", "Rig", "Filters, or why it is left out"),
                rows);
    }
}
