package org.apdm.gui.database;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.apdm.core.config.ApdmConfig;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.RigChoice;

/**
 * The database page's state: {@code apdm db update} and {@code apdm db import-profiles}, each with its own plan →
 * approve → result flow, and update's choices (rig, whether rows of vanished folders are deleted). FX thread.
 */
public final class DatabaseViewModel {

    private final AppContext context;
    private final OperationFlow<DbUpdateSteps.Prepared> update;
    private final OperationFlow<ProfileImportSteps.Prepared> profiles;
    private final RigChoice rig = new RigChoice();
    // the command line's default: --create --update, rows of vanished folders are only reported
    private final BooleanProperty delete = new SimpleBooleanProperty(false);

    public DatabaseViewModel(AppContext context, ProfileNameAsker asker) {
        this.context = context;
        DbUpdateSteps steps = new DbUpdateSteps(context);
        this.update = new OperationFlow<>(steps, context.tasks(), context.log());
        update.beforePlan(() -> steps.choose(new DbUpdateSteps.Choice(rig.rigs(), delete.get())));
        this.profiles = new OperationFlow<>(new ProfileImportSteps(context, asker), context.tasks(), context.log());
    }

    public void opened(String rigFolder) {
        rig.loadAll(context, rigFolder);
    }

    /** Folders and files the page names, from the configuration: label and path, "" when unset. */
    public List<String[]> folders(String operation) {
        ApdmConfig c = context.config();
        if (c == null) {
            return List.of();
        }
        String db = DatabaseAccess.file(c).toString();
        if (operation.equals("profiles")) {
            return List.of(row("N.I.N.A. profiles", c.ninaProfiles()), new String[] {"Database", db});
        }
        return List.of(row("Accepted frames in", c.roots().data() == null ? null
                : c.roots().data().resolve("{rig}/20_Data … 60_Done/{target}/accept")), new String[] {"Database", db});
    }

    private static String[] row(String label, java.nio.file.Path p) {
        return new String[] {label, p == null ? "" : p.toString()};
    }

    public OperationFlow<DbUpdateSteps.Prepared> update() {
        return update;
    }

    public OperationFlow<ProfileImportSteps.Prepared> profiles() {
        return profiles;
    }

    public RigChoice rig() {
        return rig;
    }

    public BooleanProperty deleteProperty() {
        return delete;
    }
}
