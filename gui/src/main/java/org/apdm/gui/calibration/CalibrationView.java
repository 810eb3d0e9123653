package org.apdm.gui.calibration;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import org.apdm.gui.operation.OperationView;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/**
 * The calibration page: archive PixInsight's masters into the library, distribute them to the nights of 10_Blink,
 * clean up what the library covers, or make the masters with Siril. Each is the usual plan → approve → progress → result.
 */
public final class CalibrationView implements PageView {

    private final CalibrationViewModel vm;
    private final VBox root = new VBox();
    private final TabPane tabs;
    private final OperationView archive;
    private final OperationView distribute;
    private final OperationView clean;
    private final OperationView integrate;

    public CalibrationView(CalibrationViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("page");
        root.setId("calibrationPage");
        archive = new OperationView("Archive masters", "Copy PixInsight's master bias, darks and flats into the library, "
                + "each named with every value it is matched on. A file already in the library is never replaced.",
                vm.archive(), () -> Ui.folders(vm.folders("archive")), "Plan the archive").asSection();
        distribute = new OperationView("Distribute to the nights", "Copy the matching master dark, flat (and bias with "
                + "dark scaling) next to every night of lights in 10_Blink, so WBPP finds them. Nights that hold their "
                + "masters are left alone.", vm.distribute(), this::distributeIntro, "Plan the distribution").asSection();
        clean = new OperationView("Clean up", "Delete raw BIAS, DARK and FLAT frames the library's masters cover, and "
                + "empty PixInsight's temporary calibration folder. Everything to be deleted is listed first.",
                vm.clean(), () -> Ui.folders(vm.folders("clean")), "Plan the clean-up").asSection();
        integrate = new OperationView("Integrate with Siril", "Make master bias, darks and flats from the raw calibration "
                + "frames with siril-cli, one master per group of matching frames the library has no master for, and "
                + "archive them into the library. Raw frames are only read.", vm.integrate(),
                () -> Ui.folders(vm.folders("integrate")), "Plan the masters").asSection();
        tabs = Ui.tabs(Ui.tab("1  Archive masters", "archiveTab", archive), Ui.tab("2  Distribute", "distributeTab",
                distribute), Ui.tab("3  Clean up", "cleanTab", clean), Ui.tab("Integrate", "integrateTab", integrate));
        root.getChildren().addAll(Ui.header("Calibration", "The master library and the nights that need it: archive, "
                + "distribute, clean."), tabs);
    }

    private Node distributeIntro() {
        ComboBox<String> rig = Ui.choice(vm.rig().choices(), vm.rig().rigProperty(), "distributeRig");
        rig.setPrefWidth(280);
        ComboBox<String> fallback = Ui.choice(vm.fallbackChoices(), vm.fallbackProperty(), "flatFallback");
        ComboBox<String> dark = Ui.choice(vm.darkScalingChoices(), vm.darkScalingProperty(), "darkScaling");
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.addRow(0, Ui.label("Rigs", "muted"), rig);
        g.addRow(1, Ui.label("Flat of another night", "muted"), fallback,
                Ui.label("configured: " + vm.configuredFallback() + "; \"ask\" asks you for each night", "muted", "small"));
        g.addRow(2, Ui.label("Dark scaling", "muted"), dark,
                Ui.label("configured: " + vm.configuredDarkScaling() + "; on: a shorter dark plus a bias", "muted", "small"));
        return new VBox(12, Ui.folders(vm.folders("distribute")), Ui.card(Ui.label("Choices", "section-title"), g));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void opened(String argument) {
        vm.opened(argument);
        if (argument != null) {
            tabs.getSelectionModel().select(1);
        }
        for (OperationView v : new OperationView[] {archive, distribute, clean, integrate}) {
            v.renderIfReady();
        }
    }

    public CalibrationViewModel viewModel() {
        return vm;
    }

    /** Shows one of the operations: 0 archive, 1 distribute, 2 clean, 3 integrate. */
    public void select(int tab) {
        tabs.getSelectionModel().select(tab);
    }
}
