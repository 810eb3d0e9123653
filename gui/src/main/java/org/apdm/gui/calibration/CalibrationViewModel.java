package org.apdm.gui.calibration;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apdm.core.calibration.FlatFallback;
import org.apdm.core.config.ApdmConfig;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.RigChoice;

/**
 * The calibration page's state: the operations of {@code apdm calibration} (integrate, archive, distribute, clean), each
 * with its own plan → approve → result flow, and distribute's choices (rig, flat fallback, dark scaling). FX thread.
 */
public final class CalibrationViewModel {

    /** "As configured" in the policy choices. */
    public static final String CONFIGURED = "as configured";

    private final AppContext context;
    private final OperationFlow<ArchiveSteps.Prepared> archive;
    private final OperationFlow<DistributeSteps.Prepared> distribute;
    private final OperationFlow<CleanSteps.Prepared> clean;
    private final OperationFlow<IntegrateSteps.Prepared> integrate;
    private final RigChoice rig = new RigChoice();
    private final ObservableList<String> fallbackChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> fallback = new SimpleObjectProperty<>(CONFIGURED);
    private final ObservableList<String> darkScalingChoices = FXCollections.observableArrayList(CONFIGURED, "on", "off");
    private final ObjectProperty<String> darkScaling = new SimpleObjectProperty<>(CONFIGURED);

    public CalibrationViewModel(AppContext context, FlatAsker asker) {
        this.context = context;
        this.archive = new OperationFlow<>(new ArchiveSteps(context), context.tasks(), context.log());
        DistributeSteps steps = new DistributeSteps(context, asker);
        this.distribute = new OperationFlow<>(steps, context.tasks(), context.log());
        this.distribute.beforePlan(() -> steps.choose(choice()));
        this.clean = new OperationFlow<>(new CleanSteps(context), context.tasks(), context.log());
        this.integrate = new OperationFlow<>(new IntegrateSteps(context), context.tasks(), context.log());
        fallbackChoices.add(CONFIGURED);
        for (FlatFallback f : FlatFallback.values()) {
            fallbackChoices.add(f.configName());
        }
    }

    /** The page's choices as distribute's flags. */
    DistributeSteps.Choice choice() {
        String f = fallback.get();
        String d = darkScaling.get();
        return new DistributeSteps.Choice(rig.rigs(), f == null || CONFIGURED.equals(f) ? null : FlatFallback.parse(f),
                d == null || CONFIGURED.equals(d) ? null : d.equals("on"));
    }

    /** The page was opened, on a rig when the dashboard sent the user here. */
    public void opened(String rigFolder) {
        rig.load(context, rigFolder);
    }

    /** What the configuration says the policies are, for the choices' labels. */
    public String configuredFallback() {
        ApdmConfig c = context.config();
        return c == null ? "" : c.calibration().flatFallback().configName();
    }

    public String configuredDarkScaling() {
        ApdmConfig c = context.config();
        return c == null ? "" : c.calibration().darkScaling() ? "on" : "off";
    }

    /** Folders the page names, from the configuration: label and path, "" when unset. */
    public List<String[]> folders(String operation) {
        ApdmConfig c = context.config();
        if (c == null) {
            return List.of();
        }
        ApdmConfig.Roots r = c.roots();
        return switch (operation) {
            case "archive" -> List.of(row("PixInsight's masters", r.pixinsightMasters()),
                    row("Library", r.libraryOrData()),
                    new String[] {"Named", "_Bias Library/{camera}/, _Dark Library/{camera}/, _Flat Stash/{camera}/{optic}/ "
                            + "(calibration.library_layout), each with every value it is matched on"});
            case "integrate" -> List.of(row("Raw calibration", r.calibrationOrRaw()), row("Library", r.libraryOrData()),
                    new String[] {"Siril", c.calibration().integrate().siril() == null ? "siril-cli on the PATH"
                            : c.calibration().integrate().siril().toString()},
                    new String[] {"At least", c.calibration().integrate().minFrames() + " frames per group "
                            + "(calibration.integrate.min_frames)"});
            case "distribute" -> List.of(row("Nights of", r.data() == null ? null : r.data().resolve("{rig}/10_Blink")),
                    row("Masters from", r.libraryOrData()));
            default -> List.of(row("Raw calibration", r.calibrationOrRaw()), row("Library", r.libraryOrData()),
                    row("PixInsight temp", r.pixinsightTemp()));
        };
    }

    private static String[] row(String label, java.nio.file.Path p) {
        return new String[] {label, p == null ? "" : p.toString()};
    }

    public OperationFlow<ArchiveSteps.Prepared> archive() {
        return archive;
    }

    public OperationFlow<DistributeSteps.Prepared> distribute() {
        return distribute;
    }

    public OperationFlow<CleanSteps.Prepared> clean() {
        return clean;
    }

    public OperationFlow<IntegrateSteps.Prepared> integrate() {
        return integrate;
    }

    public RigChoice rig() {
        return rig;
    }

    public ObservableList<String> fallbackChoices() {
        return fallbackChoices;
    }

    public ObjectProperty<String> fallbackProperty() {
        return fallback;
    }

    public ObservableList<String> darkScalingChoices() {
        return darkScalingChoices;
    }

    public ObjectProperty<String> darkScalingProperty() {
        return darkScaling;
    }
}
