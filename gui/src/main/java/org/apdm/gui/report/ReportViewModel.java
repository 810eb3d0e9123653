package org.apdm.gui.report;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.apdm.core.config.ApdmConfig;
import org.apdm.gui.AppContext;
import org.apdm.gui.database.DatabaseAccess;
import org.apdm.gui.operation.OperationFlow;

/** The report page's state: {@code apdm report}'s plan → approve → result flow and which files it writes. FX thread. */
public final class ReportViewModel {

    private final AppContext context;
    private final OperationFlow<ReportSteps.Prepared> flow;
    private final BooleanProperty targetFiles = new SimpleBooleanProperty(true);
    private final BooleanProperty html = new SimpleBooleanProperty(false);
    private final BooleanProperty csv = new SimpleBooleanProperty(false);

    public ReportViewModel(AppContext context) {
        this.context = context;
        ReportSteps steps = new ReportSteps(context);
        this.flow = new OperationFlow<>(steps, context.tasks(), context.log());
        flow.beforePlan(() -> steps.choose(new ReportSteps.Choice(targetFiles.get(), html.get(), csv.get())));
    }

    public List<String[]> folders() {
        ApdmConfig c = context.config();
        if (c == null) {
            return List.of();
        }
        Path data = c.roots().data();
        return List.of(new String[] {"Database", DatabaseAccess.file(c).toString()},
                new String[] {"Per target", "astrobin_csv.txt and totals.txt in each target folder"},
                new String[] {"Summary", data == null ? "" : ReportSteps.summaryFile(c, ReportSteps.HTML) + ", "
                        + ReportSteps.summaryFile(c, ReportSteps.CSV) + " (when ticked)"});
    }

    public OperationFlow<ReportSteps.Prepared> flow() {
        return flow;
    }

    public BooleanProperty targetFilesProperty() {
        return targetFiles;
    }

    public BooleanProperty htmlProperty() {
        return html;
    }

    public BooleanProperty csvProperty() {
        return csv;
    }
}
