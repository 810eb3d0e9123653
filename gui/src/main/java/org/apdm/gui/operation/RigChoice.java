package org.apdm.gui.operation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apdm.core.calibration.NightFolderScanner;
import org.apdm.gui.AppContext;

/**
 * Which rig an operation works on: every rig with a 10_Blink, or one (the dashboard opens a page on one). FX thread;
 * the rigs are listed in the background.
 */
public final class RigChoice {

    /** Every rig. */
    public static final String ALL = "All rigs";

    private final ObservableList<String> choices = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> rig = new SimpleObjectProperty<>(ALL);

    /** Lists the rigs with a 10_Blink and selects {@code preselect} (a rig folder) when given. */
    public void load(AppContext context, String preselect) {
        load(context, preselect, true);
    }

    /** Lists every rig folder of the archive (operations on 20_Data and later stages), as {@link #load}. */
    public void loadAll(AppContext context, String preselect) {
        load(context, preselect, false);
    }

    private void load(AppContext context, String preselect, boolean blinkOnly) {
        if (context.config() == null || context.config().roots().data() == null) {
            return;
        }
        Path data = context.config().roots().data();
        context.tasks().submit("Rigs", (l, c) -> blinkOnly ? NightFolderScanner.rigsWithBlink(data)
                : NightFolderScanner.rigFolders(data), rigs -> {
            List<String> all = new ArrayList<>();
            all.add(ALL);
            all.addAll(rigs);
            String keep = preselect != null ? preselect : rig.get();
            if (keep != null && !all.contains(keep)) {
                all.add(keep);
            }
            choices.setAll(all);
            rig.set(keep == null ? ALL : keep);
        }, failure -> { });
    }

    /** The chosen rig folders for a request: empty for every rig. */
    public List<String> rigs() {
        String r = rig.get();
        return r == null || ALL.equals(r) ? List.of() : List.of(r);
    }

    public ObservableList<String> choices() {
        return choices;
    }

    public ObjectProperty<String> rigProperty() {
        return rig;
    }
}
