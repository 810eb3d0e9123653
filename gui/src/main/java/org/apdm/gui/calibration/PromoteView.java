package org.apdm.gui.calibration;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.VBox;
import org.apdm.gui.operation.OperationView;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/** The promote page: reviewed, calibrated nights from 10_Blink to 20_Data; nights not ready stay, with their reasons. */
public final class PromoteView implements PageView {

    private final PromoteViewModel vm;
    private final OperationView view;

    public PromoteView(PromoteViewModel vm) {
        this.vm = vm;
        view = new OperationView("Promote", "Move reviewed nights ({target}/accept/DATE_*) from 10_Blink to 20_Data when "
                + "every light folder holds its master dark and flat, so what reaches 20_Data calibrates on its own. "
                + "Nights that are not ready stay, each with its reasons.", vm.flow(), this::intro, "Plan the promotion");
        view.setId("promotePage");
    }

    private Node intro() {
        ComboBox<String> rig = Ui.choice(vm.rig().choices(), vm.rig().rigProperty(), "promoteRig");
        rig.setPrefWidth(280);
        return new VBox(12, Ui.folders(vm.folders()), Ui.card(Ui.label("Which rigs", "section-title"), rig));
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void opened(String argument) {
        vm.opened(argument);
        view.renderIfReady();
    }

    public PromoteViewModel viewModel() {
        return vm;
    }
}
