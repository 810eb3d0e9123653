package org.apdm.gui.cull;

import java.util.concurrent.CompletableFuture;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.apdm.core.cull.GroupProposal;
import org.apdm.gui.operation.FxQuestion;

/** Asks about a group nobody reviewed while the cull runs: the group's review in a dialog, Reject or Keep. */
public final class CullDialogs implements GroupAsker {

    private final java.util.function.Supplier<Window> owner;

    public CullDialogs(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<GroupProposal> ask(GroupProposal proposal) {
        GroupReview review = new GroupReview(proposal);
        Dialog<GroupProposal> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Cull: a group needs your decision");
        dialog.setHeaderText(null);
        GroupReviewView view = new GroupReviewView(review, false);
        view.setPrefSize(1000, 640);
        dialog.getDialogPane().setContent(view);
        dialog.getDialogPane().getStylesheets().addAll(owner.get() == null ? java.util.List.of()
                : owner.get().getScene().getStylesheets());
        ButtonType reject = new ButtonType("Reject", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep all frames", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(reject, keep);
        dialog.setResultConverter(b -> b == reject ? review.proposal() : null);
        // closing the dialog keeps every frame
        return FxQuestion.show(dialog, r -> r);
    }
}
