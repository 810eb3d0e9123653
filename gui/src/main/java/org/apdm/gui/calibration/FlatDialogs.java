package org.apdm.gui.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.apdm.core.calibration.FlatDecider;
import org.apdm.gui.operation.FxQuestion;
import org.apdm.gui.shell.Ui;

/**
 * The flat question as a dialog: the night without its own flat, the nights of the same rig period that have one
 * (nearest first, as the core orders them), and "none of these (the rig was changed)", which is chosen until the
 * user picks a night — the command line's default too.
 */
public final class FlatDialogs implements FlatAsker {

    private final Supplier<Window> owner;

    public FlatDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** "2025-03-01 — 2 days earlier", with a warning when that night has more than one matching flat. */
    static String label(FlatDecider.Option o) {
        long d = Math.abs(o.days());
        return String.format(Locale.ROOT, "%s — %d day%s %s%s", o.date(), d, d == 1 ? "" : "s",
                o.days() < 0 ? "earlier" : "later", o.flats() > 1 ? "  (" + o.flats() + " flats: ambiguous)" : "");
    }

    @Override
    public CompletableFuture<FlatDecider.Answer> ask(FlatDecider.Question q) {
        Dialog<FlatDecider.Answer> dialog = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
            dialog.getDialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
        }
        dialog.setTitle("Calibration: which flat?");
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId("flatDialog");
        ToggleGroup group = new ToggleGroup();
        List<RadioButton> options = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            RadioButton r = new RadioButton(label(q.options().get(i)));
            r.setId("flatOption" + i);
            r.setUserData(q.options().get(i).date());
            r.setToggleGroup(group);
            options.add(r);
        }
        RadioButton none = new RadioButton("None of these (the rig was changed)");
        none.setId("flatNone");
        none.setToggleGroup(group);
        none.setSelected(true);
        VBox box = new VBox(8, Ui.wrapped(String.format("No master flat of the night %s for %s, filter %s.", q.night(), q.rig(),
                q.filter() == null ? "(none)" : q.filter()), "section-title"), Ui.label(q.folder(), "path"),
                Ui.wrapped("Flats of the same rig period, nearest first:", "muted"));
        box.getChildren().addAll(options);
        box.getChildren().add(none);
        box.setPrefWidth(560);
        dialog.getDialogPane().setContent(box);
        ButtonType use = new ButtonType("Use the chosen flat", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(use);
        dialog.setResultConverter(b -> {
            Object date = group.getSelectedToggle() == null ? null : group.getSelectedToggle().getUserData();
            return b == use && date instanceof java.time.LocalDate d ? FlatDecider.Answer.use(d) : FlatDecider.Answer.none();
        });
        // closing the dialog is "none": nothing is guessed
        return FxQuestion.show(dialog, r -> r == null ? FlatDecider.Answer.none() : r);
    }
}
