package org.apdm.gui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.apdm.gui.AppContext;
import org.apdm.gui.blink.BlinkView;
import org.apdm.gui.blink.BlinkViewModel;
import org.apdm.gui.calibration.CalibrationView;
import org.apdm.gui.calibration.CalibrationViewModel;
import org.apdm.gui.calibration.FlatDialogs;
import org.apdm.gui.calibration.PromoteView;
import org.apdm.gui.calibration.PromoteViewModel;
import org.apdm.gui.cull.CullDialogs;
import org.apdm.gui.cull.CullView;
import org.apdm.gui.cull.CullViewModel;
import org.apdm.gui.cull.PurgeViewModel;
import org.apdm.gui.cull.RestoreViewModel;
import org.apdm.gui.dashboard.DashboardView;
import org.apdm.gui.dashboard.DashboardViewModel;
import org.apdm.gui.database.DatabaseView;
import org.apdm.gui.database.DatabaseViewModel;
import org.apdm.gui.database.ProfileNameDialogs;
import org.apdm.gui.ingest.IngestView;
import org.apdm.gui.log.LogView;
import org.apdm.gui.report.ReportView;
import org.apdm.gui.report.ReportViewModel;
import org.apdm.gui.scheduler.SchedulerView;
import org.apdm.gui.scheduler.SchedulerViewModel;
import org.apdm.gui.settings.SettingsView;
import org.apdm.gui.settings.SettingsViewModel;

/**
 * The pages of the main window, in sidebar order. Workflow steps follow the user's process; an operation a later
 * version adds (calibration, database, reports, scheduler) is one more {@link Page} here, usually an
 * {@code OperationView} over its own {@code OperationSteps}. The dashboard's queue links to pages by id
 * ({@code calibration}, {@code promote}); once such a page exists, its entries get their button.
 */
public final class PageCatalog {

    public static final String DASHBOARD = "dashboard";
    public static final String INGEST = "ingest";
    public static final String CULL = "cull";
    public static final String BLINK = "blink";
    public static final String CALIBRATION = "calibration";
    public static final String PROMOTE = "promote";
    public static final String DATABASE = "database";
    public static final String REPORT = "report";
    public static final String SCHEDULER = "scheduler";
    public static final String SETTINGS = "settings";
    public static final String LOG = "log";

    private PageCatalog() {
    }

    public static List<Page> standard(AppContext context, Navigator navigator, Supplier<Window> window) {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page(DASHBOARD, "Dashboard", Page.Section.OVERVIEW, "",
                () -> new DashboardView(new DashboardViewModel(context, navigator))));
        pages.add(new Page(INGEST, "Ingest RAW", Page.Section.WORKFLOW, "1", () -> new IngestView(context)));
        pages.add(new Page(CULL, "Cull and review", Page.Section.WORKFLOW, "2",
                () -> new CullView(new CullViewModel(context, new CullDialogs(window)), new RestoreViewModel(context),
                        new PurgeViewModel(context))));
        pages.add(new Page(BLINK, "Blink", Page.Section.WORKFLOW, "2",
                () -> new BlinkView(new BlinkViewModel(context))));
        pages.add(new Page(CALIBRATION, "Calibration", Page.Section.WORKFLOW, "3",
                () -> new CalibrationView(new CalibrationViewModel(context, new FlatDialogs(window)))));
        pages.add(new Page(PROMOTE, "Promote to 20_Data", Page.Section.WORKFLOW, "4",
                () -> new PromoteView(new PromoteViewModel(context))));
        pages.add(new Page(DATABASE, "Database", Page.Section.WORKFLOW, "5",
                () -> new DatabaseView(new DatabaseViewModel(context, new ProfileNameDialogs(window)))));
        pages.add(new Page(REPORT, "Reports", Page.Section.WORKFLOW, "6", () -> new ReportView(new ReportViewModel(context))));
        pages.add(new Page(SCHEDULER, "Target Scheduler", Page.Section.WORKFLOW, "7",
                () -> new SchedulerView(new SchedulerViewModel(context))));
        pages.add(new Page(SETTINGS, "Settings", Page.Section.TOOLS, "", () -> new SettingsView(new SettingsViewModel(context))));
        pages.add(new Page(LOG, "Log", Page.Section.TOOLS, "", () -> new LogView(context.log())));
        return pages;
    }
}
