package org.apdm.gui.ingest;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.apdm.core.config.ApdmConfig;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.OperationView;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/** The ingest page: the folders, then plan → approve → progress → result of {@link IngestSteps}. */
public final class IngestView implements PageView {

    private final AppContext context;
    private final OperationFlow<IngestSteps.Prepared> flow;
    private final OperationView view;

    public IngestView(AppContext context) {
        this.context = context;
        this.flow = new OperationFlow<>(new IngestSteps(context), context.tasks(), context.log());
        this.view = new OperationView("Ingest",
                "Sort the N.I.N.A. RAW folder into the archive: BIAS, then DARK, then FLAT, then LIGHT. "
                        + "Files that cannot be placed stay where they are and are listed with the reason.",
                flow, this::folders, "Plan ingest");
        view.setId("ingestPage");
    }

    private Node folders() {
        ApdmConfig c = context.config();
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(6);
        String raw = c == null || c.roots().raw() == null ? "(not set: Settings → Folders)" : c.roots().raw().toString();
        String data = c == null || c.roots().data() == null ? "(not set: Settings → Folders)" : c.roots().data().toString();
        String cal = c == null || c.roots().calibrationOrRaw() == null ? "(the RAW folder)" : c.roots().calibrationOrRaw().toString();
        int row = 0;
        g.addRow(row++, Ui.label("From", "muted"), Ui.label(raw, "path"));
        if (c != null) {
            // ingest.sources: other capture programs' folders, with the program or "auto"
            for (org.apdm.core.capture.CaptureSource s : c.ingestSources()) {
                Label source = Ui.label(s.path() + "  (" + s.profile() + ")", "path");
                source.setId("ingestSource");
                g.addRow(row++, Ui.label("Also from", "muted"), source);
            }
        }
        g.addRow(row++, Ui.label("Lights to", "muted"), Ui.label(data + "/{rig}/10_Blink/{target}/DATE_{night}/FILTER_{f}_EXP_{e}/", "path"));
        g.addRow(row, Ui.label("Calibration to", "muted"), Ui.label(cal + "/{TYPE}/{optic}+{camera}/DATE_{night}/", "path"));
        VBox card = Ui.card(Ui.label("Folders", "section-title"), g);
        return card;
    }

    public OperationFlow<IngestSteps.Prepared> flow() {
        return flow;
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void opened(String argument) {
        if (flow.stageProperty().get() == OperationFlow.Stage.READY) {
            view.render();
        }
    }
}
