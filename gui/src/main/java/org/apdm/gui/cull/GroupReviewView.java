package org.apdm.gui.cull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.apdm.core.cull.GroupProposal;
import org.apdm.core.summary.CullSummary;
import org.apdm.gui.shell.Ui;

/**
 * One group under review: its statistics, the limits (editable: the proposal and the chart follow as you type),
 * the chart, the frames the proposal rejects with their reasons, and the decision.
 */
public final class GroupReviewView extends VBox {

    private final GroupReview review;
    private final GridPane stats = new GridPane();
    private final Label headline = Ui.label("", "section-title");
    private final Label share = Ui.label("", "muted");
    private final TableView<GroupProposal.Reject> rejects = new TableView<>();
    private final Button reject = new Button();
    private final Button keep = new Button("Keep all frames");

    /**
     * @param decisionButtons show Reject/Keep (off inside the dialog, whose own buttons decide)
     */
    public GroupReviewView(GroupReview review, boolean decisionButtons) {
        this.review = review;
        setSpacing(10);
        setId("groupReview");
        Label folder = Ui.label(review.folder(), "path");
        folder.setWrapText(true);
        stats.setHgap(18);
        stats.setVgap(4);
        GridPane limits = limitEditors();
        CullChart chart = new CullChart(review);
        VBox.setVgrow(chart, Priority.ALWAYS);

        rejects.setId("rejectTable");
        TableColumn<GroupProposal.Reject, String> file = new TableColumn<>("Frame");
        file.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().frame().file().getFileName().toString()));
        file.setPrefWidth(330);
        TableColumn<GroupProposal.Reject, String> why = new TableColumn<>("Why it would be rejected");
        why.setCellValueFactory(d -> new ReadOnlyStringWrapper(String.join(", ", d.getValue().reasons())));
        why.setPrefWidth(330);
        rejects.getColumns().addAll(List.of(file, why));
        rejects.setPrefHeight(150);
        rejects.setPlaceholder(Ui.label("With these limits no frame is rejected.", "muted"));

        reject.setId("rejectButton");
        reject.getStyleClass().add("danger");
        reject.setOnAction(e -> review.decisionProperty().set(GroupReview.Decision.REJECT));
        keep.setId("keepButton");
        keep.setOnAction(e -> review.decisionProperty().set(GroupReview.Decision.KEEP));
        Button reset = Ui.button("Reset limits", review::resetLimits, "link");
        Label decided = Ui.label(review.decisionProperty().map(d -> switch (d) {
            case UNDECIDED -> review.needsDecision() ? "Waiting for your decision" : "Applied automatically (below the auto-accept share)";
            case REJECT -> "Decided: reject these frames";
            case KEEP -> "Decided: keep every frame";
        }), "muted");
        HBox decision = Ui.row(10, reject, keep, reset, Ui.grow(), decided);
        decision.setVisible(decisionButtons && review.needsDecision());
        decision.setManaged(decisionButtons && review.needsDecision());

        HBox top = Ui.row(20, new VBox(4, headline, share, folder), Ui.grow());
        HBox.setHgrow(top.getChildren().get(0), Priority.ALWAYS);
        VBox left = new VBox(10, Ui.label("Statistics", "stat-head"), stats, Ui.label("Limits", "stat-head"), limits);
        left.setMinWidth(360);
        stats.setHgap(14);
        HBox middle = new HBox(16, left, chart);
        HBox.setHgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(middle, Priority.ALWAYS);
        getChildren().addAll(top, middle, rejects, decision);
        review.proposalProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private GridPane limitEditors() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int row = 0;
        List<String> metrics = new ArrayList<>(review.chartedMetrics());
        for (String metric : metrics) {
            boolean max = org.apdm.core.cull.CullDefaults.higherIsWorse(metric);
            TextField field = new TextField(text(review.limit(metric, max)));
            field.setId("limit-" + metric);
            field.setPrefColumnCount(6);
            field.setPromptText("none");
            Label problem = Ui.label("", "field-problem");
            field.textProperty().addListener((o, a, b) -> {
                String t = b == null ? "" : b.strip();
                if (t.isEmpty()) {
                    problem.setText("");
                    field.getStyleClass().remove("invalid");
                    review.setLimit(metric, max, null);
                    return;
                }
                try {
                    double v = Double.parseDouble(t);
                    if (!(v > 0)) {
                        throw new NumberFormatException();
                    }
                    problem.setText("");
                    field.getStyleClass().remove("invalid");
                    review.setLimit(metric, max, v);
                } catch (NumberFormatException e) {
                    problem.setText("a positive number");
                    if (!field.getStyleClass().contains("invalid")) {
                        field.getStyleClass().add("invalid");
                    }
                }
            });
            review.passProperty().addListener((o, a, b) -> {
                String now = text(review.limit(metric, max));
                Double typed = parse(field.getText());
                Double limit = review.limit(metric, max);
                if (!java.util.Objects.equals(typed, limit) && !field.isFocused()) {
                    field.setText(now);
                }
            });
            g.addRow(row++, Ui.label((max ? "Max " : "Min ") + CullChart.NAMES.getOrDefault(metric, metric), "field-label"),
                    field, problem);
        }
        review.checked().pass().relative().forEach(r -> g.add(Ui.label("Also: " + r.metric() + " more than " + r.sigma()
                + "σ " + (r.higherWorse() ? "above" : "below") + " the group mean", "muted", "small"), 0, g.getRowCount(), 3, 1));
        return g;
    }

    private static Double parse(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Double v) {
        return v == null ? "" : CullSummary.num(v);
    }

    private void refresh() {
        GroupProposal p = review.proposal();
        headline.setText(String.format(Locale.ROOT, "%s · %s: reject %d of %d frames (%s %%)", p.group().rig(), p.pass().name(),
                p.rejects().size(), p.total(), p.percentText()));
        share.setText("Groups rejecting less than " + CullSummary.num(p.pass().autoAcceptPercent())
                + " % are applied without asking" + (review.adjusted() ? " · limits adjusted" : ""));
        rejects.setItems(FXCollections.observableArrayList(p.rejects()));
        reject.setText("Reject " + p.rejects().size() + (p.rejects().size() == 1 ? " frame" : " frames"));
        reject.setDisable(p.rejects().isEmpty());
        stats.getChildren().clear();
        String[] head = {"", "n", "min", "median", "max", "rejects"};
        for (int c = 0; c < head.length; c++) {
            Label h = Ui.label(head[c], "stat-head");
            h.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            stats.add(h, c, 0);
        }
        int row = 1;
        for (String metric : review.chartedMetrics()) {
            List<Double> values = new ArrayList<>();
            review.points(metric).forEach(pt -> values.add(pt.value()));
            Collections.sort(values);
            long broken = p.rejects().stream().filter(r -> r.metricsBroken().contains(metric)).count();
            String median = values.isEmpty() ? "-" : CullSummary.num(values.size() % 2 == 1 ? values.get(values.size() / 2)
                    : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2);
            Label name = Ui.label(CullChart.NAMES.getOrDefault(metric, metric), "field-label");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            stats.addRow(row++, name,
                    Ui.label(String.valueOf(values.size()), "stat"),
                    Ui.label(values.isEmpty() ? "-" : CullSummary.num(values.get(0)), "stat"),
                    Ui.label(median, "stat"),
                    Ui.label(values.isEmpty() ? "-" : CullSummary.num(values.get(values.size() - 1)), "stat"),
                    Ui.label(String.valueOf(broken), "stat"));
        }
        p.relativeNotes().forEach(n -> stats.add(Ui.label("note: " + n, "muted", "small"), 0, stats.getRowCount(), 6, 1));
    }

    public GroupReview review() {
        return review;
    }
}
