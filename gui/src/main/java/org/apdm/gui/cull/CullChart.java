package org.apdm.gui.cull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * HFR, guiding RMS and star count per frame in capture order, one small chart each, the limits as dashed lines
 * and the frames the current proposal rejects in red. Redrawn whenever the user moves a limit.
 */
public final class CullChart extends VBox {

    static final Map<String, String> NAMES = Map.of("hfr", "HFR (px)", "rmsac", "Guiding RMS (\")", "stars", "Stars");

    /** A frame's symbol; {@link #REJECTED} when the current proposal rejects it. */
    public static final PseudoClass FRAME = PseudoClass.getPseudoClass("frame");
    public static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");
    static final PseudoClass LIMIT = PseudoClass.getPseudoClass("limit");

    private final GroupReview review;

    public CullChart(GroupReview review) {
        this.review = review;
        setSpacing(2);
        getStyleClass().add("cull-chart");
        review.proposalProperty().addListener((o, a, b) -> draw());
        draw();
    }

    private void draw() {
        getChildren().clear();
        int frames = review.checked().group().frames().size();
        List<String> metrics = review.chartedMetrics();
        for (String metric : metrics) {
            List<GroupReview.Point> points = review.points(metric);
            NumberAxis x = new NumberAxis(0.5, frames + 0.5, frames > 40 ? 10 : frames > 15 ? 5 : 1);
            x.setMinorTickVisible(false);
            x.setTickLabelsVisible(metric.equals(metrics.get(metrics.size() - 1)));
            NumberAxis y = new NumberAxis();
            y.setForceZeroInRange(false);
            y.setMinorTickVisible(false);
            y.setLabel(NAMES.getOrDefault(metric, metric));
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setAnimated(false);
            chart.setLegendVisible(false);
            chart.setCreateSymbols(true);
            chart.setPrefHeight(150);
            chart.setMinHeight(110);
            chart.setId("chart-" + metric);
            XYChart.Series<Number, Number> values = new XYChart.Series<>();
            values.setName(metric);
            for (GroupReview.Point p : points) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(p.index(), p.value());
                // the chart resets a symbol's style classes, so its look comes from pseudo-classes
                StackPane dot = new StackPane();
                dot.pseudoClassStateChanged(FRAME, true);
                dot.pseudoClassStateChanged(REJECTED, p.rejected());
                // a tooltip is made on the first hover: a chart has hundreds of points
                dot.setOnMouseEntered(e -> {
                    if (dot.getProperties().get(Tooltip.class) == null) {
                        Tooltip t = new Tooltip(String.format(Locale.ROOT, "#%d %s\n%s = %s%s", p.index(), p.file(),
                                metric, p.value(), p.rejected() ? "\nrejected" : ""));
                        dot.getProperties().put(Tooltip.class, t);
                        Tooltip.install(dot, t);
                    }
                });
                d.setNode(dot);
                values.getData().add(d);
            }
            chart.getData().add(values);
            for (GroupReview.LimitLine l : review.limits(metric)) {
                XYChart.Series<Number, Number> line = new XYChart.Series<>();
                line.setName(l.label());
                XYChart.Data<Number, Number> a = new XYChart.Data<>(0.5, l.value());
                XYChart.Data<Number, Number> b = new XYChart.Data<>(frames + 0.5, l.value());
                for (XYChart.Data<Number, Number> d : List.of(a, b)) {
                    StackPane none = new StackPane();
                    none.pseudoClassStateChanged(LIMIT, true);
                    none.setVisible(false);
                    d.setNode(none);
                }
                line.getData().addAll(a, b);
                chart.getData().add(line);
                line.nodeProperty().addListener((o, was, n) -> {
                    if (n != null) {
                        n.getStyleClass().add("limit-line");
                    }
                });
                if (line.getNode() != null) {
                    line.getNode().getStyleClass().add("limit-line");
                }
            }
            if (values.getNode() != null) {
                values.getNode().getStyleClass().add("frames-line");
            }
            values.nodeProperty().addListener((o, was, n) -> {
                if (n != null) {
                    n.getStyleClass().add("frames-line");
                }
            });
            VBox.setVgrow(chart, Priority.ALWAYS);
            getChildren().add(chart);
        }
    }
}
