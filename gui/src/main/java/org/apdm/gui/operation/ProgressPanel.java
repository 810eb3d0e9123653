package org.apdm.gui.operation;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.apdm.gui.shell.Ui;
import org.apdm.gui.task.Job;

/** Shows a running job: what it does, how far it is, the current file, and Cancel. */
public final class ProgressPanel extends VBox {

    private final ObjectProperty<Job<?>> job = new SimpleObjectProperty<>();
    private final Label phase = Ui.label("", "section-title");
    private final Label counts = Ui.label("", "muted");
    private final Label item = Ui.label("", "path");
    private final ProgressBar bar = new ProgressBar(-1);
    private final Button cancel = new Button("Cancel");

    public ProgressPanel(ObservableValue<? extends Job<?>> source) {
        getStyleClass().add("card");
        setSpacing(10);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefHeight(16);
        cancel.setId("cancelButton");
        cancel.getStyleClass().add("danger");
        cancel.setOnAction(e -> {
            Job<?> j = job.get();
            if (j != null) {
                j.cancel();
            }
        });
        item.setMaxWidth(Double.MAX_VALUE);
        item.setId("currentItem");
        getChildren().addAll(Ui.row(12, phase, Ui.grow(), counts), bar, item,
                Ui.row(10, Ui.wrapped("Cancel stops after the current file; nothing is left half done.", "muted", "small"),
                        Ui.grow(), cancel));
        VBox.setVgrow(this, Priority.NEVER);
        job.bind(source);
        job.addListener((o, a, b) -> attach(b));
        attach(job.get());
    }

    private void attach(Job<?> j) {
        phase.textProperty().unbind();
        counts.textProperty().unbind();
        item.textProperty().unbind();
        bar.progressProperty().unbind();
        cancel.disableProperty().unbind();
        if (j == null) {
            return;
        }
        phase.textProperty().bind(j.phaseProperty().map(p -> p.isEmpty() ? j.title() + " …" : j.title() + ": " + p + " …"));
        counts.textProperty().bind(j.countsProperty());
        item.textProperty().bind(j.currentItemProperty());
        bar.progressProperty().bind(j.progressProperty());
        cancel.disableProperty().bind(j.cancelRequestedProperty());
        cancel.textProperty().bind(j.cancelRequestedProperty().map(c -> c ? "Stopping after this file …" : "Cancel"));
    }
}
