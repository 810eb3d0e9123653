package org.apdm.gui.database;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.apdm.core.profile.ProfileImportPlanner;
import org.apdm.gui.operation.FxQuestion;
import org.apdm.gui.shell.Ui;

/**
 * The profile-name question as a dialog: "Skip this profile" (chosen until the user picks the other, and what closing
 * the dialog means), or "Import it as rig" with a field that takes only {@code <optic>@f<ratio>+<camera>}.
 */
public final class ProfileNameDialogs implements ProfileNameAsker {

    private final Supplier<Window> owner;

    public ProfileNameDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<Answer> ask(ProfileImportPlanner.Skipped s) {
        Dialog<Answer> dialog = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
            dialog.getDialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
        }
        dialog.setTitle("Import N.I.N.A. profiles: a profile name");
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId("profileNameDialog");
        ToggleGroup group = new ToggleGroup();
        RadioButton skip = new RadioButton("Skip this profile");
        skip.setId("profileSkip");
        skip.setToggleGroup(group);
        skip.setSelected(true);
        RadioButton rename = new RadioButton("Import it as rig:");
        rename.setId("profileImportAs");
        rename.setToggleGroup(group);
        TextField rig = new TextField();
        rig.setId("profileRigName");
        rig.setPromptText("<optic>@f<ratio>+<camera>, e.g. C8E@f10.0+ZWO ASI2600MM Pro");
        rig.setPrefColumnCount(34);
        // typing a name means importing it
        rig.textProperty().addListener((o, a, b) -> rename.setSelected(true));
        Node hint = Ui.label(Bindings.createStringBinding(() -> !rename.isSelected() || ProfileImportSteps.isRigName(rig.getText())
                ? "" : "Not a rig name: <optic>@f<ratio>+<camera>", rig.textProperty(), rename.selectedProperty()), "muted", "small");
        VBox box = new VBox(8, Ui.wrapped("The N.I.N.A. profile \"" + s.profile().name() + "\" ("
                        + s.profile().file().getFileName() + ") is not named <optic>@f<ratio>+<camera>.", "section-title"),
                Ui.wrapped("The other profiles are imported either way.", "muted"), skip, Ui.row(8, rename, rig), hint);
        box.setPrefWidth(620);
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType("OK", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("profileNameOk");
        okButton.disableProperty().bind(Bindings.createBooleanBinding(() -> rename.isSelected()
                && !ProfileImportSteps.isRigName(rig.getText()), rig.textProperty(), rename.selectedProperty()));
        dialog.setResultConverter(b -> b == ok && rename.isSelected() ? Answer.importAs(rig.getText().trim()) : Answer.skip());
        // closing the dialog skips the profile: nothing is guessed
        return FxQuestion.show(dialog, r -> r == null ? Answer.skip() : r);
    }
}
