package org.apdm.gui.report;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import org.apdm.gui.operation.OperationView;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/** The report page: the cross-rig summary from the database, and the report files it writes after approval. */
public final class ReportView implements PageView {

    private final ReportViewModel vm;
    private final OperationView view;

    public ReportView(ReportViewModel vm) {
        this.vm = vm;
        view = new OperationView("Reports", "From the database: per target astrobin_csv.txt (AstroBin's import format) and "
                + "totals.txt (have / want / need per filter), and the summary per rig, stage and target. A file apdm did "
                + "not write is moved aside first, never overwritten.", vm.flow(), this::intro, "Preview the report");
        view.setId("reportPage");
    }

    private Node intro() {
        CheckBox target = new CheckBox("astrobin_csv.txt and totals.txt in each target folder");
        target.selectedProperty().bindBidirectional(vm.targetFilesProperty());
        target.setId("reportTargetFiles");
        CheckBox html = new CheckBox("The summary as an HTML page (with a chart; works offline)");
        html.selectedProperty().bindBidirectional(vm.htmlProperty());
        html.setId("reportHtml");
        CheckBox csv = new CheckBox("The summary as CSV");
        csv.selectedProperty().bindBidirectional(vm.csvProperty());
        csv.setId("reportCsv");
        return new VBox(12, Ui.folders(vm.folders()), Ui.card(Ui.label("Files to write", "section-title"),
                new VBox(8, target, html, csv)));
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void opened(String argument) {
        view.renderIfReady();
    }

    public ReportViewModel viewModel() {
        return vm;
    }
}
