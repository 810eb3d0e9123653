package org.apdm.gui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import org.apdm.core.config.ApdmConfig;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Failures;
import org.apdm.gui.shell.Navigator;
import org.apdm.gui.task.Job;

/**
 * The dashboard's state: the archive model (computed in the background), the filter, the tree of
 * rig → stage → target rows that matches it, and the queue. FX thread.
 */
public final class DashboardViewModel {

    /** "All" in the rig and stage choices. */
    public static final String ALL = "All";

    /**
     * One row of the tree: a rig, a stage of a rig, or a target in a stage.
     *
     * @param completionText what the completion bar says: "75 %" against the plans, else "1/2 nights" (the fallback)
     * @param planned        the completion is against the Target Scheduler's plans
     */
    public record Row(Kind kind, String name, long frames, double hours, int nights, String filters,
                      double completion, String completionText, boolean planned, String note, boolean warning) {
        public enum Kind { RIG, STAGE, TARGET }
    }

    private final AppContext context;
    private final Navigator navigator;
    private final ReadOnlyObjectWrapper<DashboardModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TreeItem<Row>> tree = new ReadOnlyObjectWrapper<>(new TreeItem<>());
    private final ObservableList<NextStep> queue = FXCollections.observableArrayList();
    private final ObservableList<String> rigChoices = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> stageChoices = FXCollections.observableArrayList(ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> rig = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> stage = new SimpleObjectProperty<>(ALL);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper shownCounts = new ReadOnlyStringWrapper("");
    /** While a new model is put in place: the tree is rebuilt once, at the end. */
    private boolean showing;

    public DashboardViewModel(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
        search.addListener((o, a, b) -> filterChanged());
        rig.addListener((o, a, b) -> filterChanged());
        stage.addListener((o, a, b) -> filterChanged());
    }

    /** Reads the archive in the background and shows it. */
    /** For the Run panel, which uses the same context. */
    AppContext context() {
        return context;
    }

    public void refresh() {
        ApdmConfig config = context.config();
        if (config == null || loading.get()) {
            return;
        }
        if (config.roots().data() == null) {
            status.set("No data folder is configured; set it in Settings.");
            return;
        }
        loading.set(true);
        status.set("Reading the archive in " + config.roots().data() + " …");
        long start = System.nanoTime();
        String needle = search.get();
        String rigNow = rig.get();
        String stageNow = stage.get();
        Job<Loaded> j = context.tasks().submit("Dashboard", (listener, cancel) -> {
            WorkspaceFacts facts = WorkspaceFacts.read(config.roots().raw(), config.roots().calibrationOrRaw(), cancel);
            ArchiveSummary summary = context.archive().scan(config.roots().data(), config, listener, cancel);
            DashboardModel m = DashboardModel.of(summary, facts,
                    rigName -> config.filters(rigName).stream().map(ApdmConfig.FilterDef::name).toList());
            return new Loaded(m, buildTree(m, needle, rigNow, stageNow));
        }, loaded -> {
            loading.set(false);
            job.set(null);
            show(loaded.model(), loaded.tree());
            status.set(String.format(Locale.ROOT, "Read in %.1f s", (System.nanoTime() - start) / 1e9));
        }, failure -> {
            loading.set(false);
            job.set(null);
            status.set(Failures.message(failure));
        });
        job.set(j);
    }

    private void filterChanged() {
        if (!showing) {
            rebuildTree();
        }
    }

    /** Shows a model that is already computed (FX thread). */
    public void show(DashboardModel m) {
        show(m, null);
    }

    /**
     * Shows a model with the tree built in the background for the filter of that time (FX thread); the benchmark
     * measures from here. A filter changed meanwhile rebuilds the tree.
     */
    public void show(DashboardModel m, Tree prebuilt) {
        String[] filter = {search.get(), rig.get(), stage.get()};
        showing = true;
        try {
            fill(m);
        } finally {
            showing = false;
        }
        if (prebuilt != null && java.util.Arrays.equals(filter, new String[] {search.get(), rig.get(), stage.get()})) {
            shownCounts.set(prebuilt.counts());
            tree.set(prebuilt.root());
        } else {
            rebuildTree();
        }
    }

    private void fill(DashboardModel m) {
        model.set(m);
        queue.setAll(m.queue());
        List<String> rigs = new ArrayList<>();
        rigs.add(ALL);
        m.rigs().forEach(r -> rigs.add(r.rig()));
        rigChoices.setAll(rigs);
        List<String> stages = new ArrayList<>();
        stages.add(ALL);
        stages.addAll(m.stageColumns());
        stageChoices.setAll(stages);
        if (!rigChoices.contains(rig.get())) {
            rig.set(ALL);
        }
        if (!stageChoices.contains(stage.get())) {
            stage.set(ALL);
        }
    }

    /** Opens the page that resolves a queue entry. */
    public void open(NextStep step) {
        if (step.pageId() != null && navigator.has(step.pageId())) {
            navigator.show(step.pageId(), step.argument());
        }
    }

    public boolean canOpen(NextStep step) {
        return step.pageId() != null && navigator.has(step.pageId());
    }

    /** Shows one target wherever it is (a queue entry about a target). */
    public void showTarget(String target) {
        rig.set(ALL);
        stage.set(ALL);
        search.set(target == null ? "" : target);
    }

    /** Filters the tree to one rig and stage (a click in the rig × stage overview). */
    public void focus(String rigName, String stageName) {
        rig.set(rigName == null ? ALL : rigName);
        stage.set(stageName == null ? ALL : stageName);
    }

    private void rebuildTree() {
        Tree t = buildTree(model.get(), search.get(), rig.get(), stage.get());
        shownCounts.set(t.counts());
        tree.set(t.root());
    }

    /** What the background work hands to the FX thread. */
    private record Loaded(DashboardModel model, Tree tree) {
    }

    /** A filtered tree and what it shows. */
    public record Tree(TreeItem<Row> root, String counts) {
    }

    /**
     * Builds the rig → stage → target tree for a filter. Pure; safe on a worker thread (the items are not yet
     * attached to a view), so a new archive's tree is built in the background.
     */
    public static Tree buildTree(DashboardModel m, String searchText, String rigFilter, String stageFilter) {
        TreeItem<Row> root = new TreeItem<>(new Row(Row.Kind.RIG, "archive", 0, 0, 0, "", 0, "", false, "", false));
        if (m == null) {
            return new Tree(root, "");
        }
        String needle = searchText == null ? "" : searchText.trim().toLowerCase(Locale.ROOT);
        long targets = 0;
        long frames = 0;
        for (DashboardModel.RigRow r : m.rigs()) {
            if (!ALL.equals(rigFilter) && !r.rig().equals(rigFilter)) {
                continue;
            }
            boolean rigMatches = needle.isEmpty() || r.rig().toLowerCase(Locale.ROOT).contains(needle);
            List<TreeItem<Row>> stageItems = new ArrayList<>();
            long rigFrames = 0;
            double rigHours = 0;
            for (DashboardModel.StageRow s : r.stages()) {
                if (!ALL.equals(stageFilter) && !s.stage().equals(stageFilter)) {
                    continue;
                }
                List<TreeItem<Row>> targetItems = new ArrayList<>();
                long stageFrames = 0;
                double stageHours = 0;
                for (DashboardModel.TargetRow t : s.targets()) {
                    if (!rigMatches && !t.target().toLowerCase(Locale.ROOT).contains(needle)) {
                        continue;
                    }
                    String panels = t.panels().isEmpty() ? "" : "panels " + String.join(", ", t.panels()) + "; ";
                    String text = t.planned() ? String.format(Locale.ROOT, "%.0f %%", t.plannedPercent())
                            : t.readyNights() + "/" + t.nights() + " nights";
                    String note = panels + (t.planned()
                            ? String.format(Locale.ROOT, "%.0f %% of the hours the Target Scheduler plans (its least "
                                    + "complete filter; accepted frames, as in the report)", t.plannedPercent())
                            : "nothing planned in the Target Scheduler: " + t.readyNights() + " of " + t.nights()
                                    + " nights accepted and calibrated");
                    targetItems.add(new TreeItem<>(new Row(Row.Kind.TARGET, t.target(), t.frames(), t.hours(),
                            t.nights(), String.join(" ", t.filters()), t.completion(), text, t.planned(), note, false)));
                    stageFrames += t.frames();
                    stageHours += t.hours();
                }
                if (targetItems.isEmpty()) {
                    continue;
                }
                // sums of what the filter shows, so the rows add up
                TreeItem<Row> stageItem = new TreeItem<>(new Row(Row.Kind.STAGE, s.stage(), stageFrames, stageHours, 0, "", 0,
                        "", false, s.known() ? targetItems.size() + (targetItems.size() == 1 ? " target" : " targets")
                                : "not a known stage", !s.known()));
                stageItem.getChildren().setAll(targetItems);
                stageItem.setExpanded(true);
                stageItems.add(stageItem);
                rigFrames += stageFrames;
                rigHours += stageHours;
                targets += targetItems.size();
                frames += stageFrames;
            }
            if (!stageItems.isEmpty()) {
                TreeItem<Row> rigItem = new TreeItem<>(new Row(Row.Kind.RIG, r.rig(), rigFrames, rigHours, 0, "",
                        0, "", false, stageItems.size() + (stageItems.size() == 1 ? " stage" : " stages"), false));
                rigItem.getChildren().setAll(stageItems);
                rigItem.setExpanded(true);
                root.getChildren().add(rigItem);
            }
        }
        return new Tree(root, String.format(Locale.ROOT, "%,d targets · %,d frames", targets, frames));
    }


    public ReadOnlyObjectProperty<DashboardModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TreeItem<Row>> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ObservableList<NextStep> queue() {
        return queue;
    }

    public ObservableList<String> rigChoices() {
        return rigChoices;
    }

    public ObservableList<String> stageChoices() {
        return stageChoices;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> rigProperty() {
        return rig;
    }

    public ObjectProperty<String> stageProperty() {
        return stage;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty shownCountsProperty() {
        return shownCounts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Job<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }
}
