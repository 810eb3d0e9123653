package org.apdm.gui.cull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.cull.CullScanner;
import org.apdm.core.cull.GroupProposal;
import org.apdm.core.fileops.OperationOutcome;
import org.apdm.core.summary.CullSummary;
import org.apdm.core.summary.PathDisplay;
import org.apdm.core.task.CancellationToken;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Failures;
import org.apdm.gui.operation.FxQuestion;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.operation.RunResult;
import org.apdm.gui.task.Job;
import org.apdm.gui.task.Work;

/**
 * The cull in the window: check (a dry run of {@link CullOperation}) → review the groups that need a decision
 * (chart, statistics, adjustable limits) → plan (a dry run with those decisions: the exact moves) → approve →
 * run (the same operation, answering from the review) → result. Rejected frames can be restored from
 * {@link RestoreViewModel}. FX thread; the operation runs on the background executor.
 */
public final class CullViewModel {

    /** Where the cull is. */
    public enum Stage { READY, CHECKING, REVIEW, PLANNING, PLANNED, RUNNING, DONE, FAILED }

    public static final String ALL = "All rigs";

    private final AppContext context;
    private final GroupAsker asker;
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.READY);
    private final ObservableList<String> rigChoices = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> rig = new SimpleObjectProperty<>(ALL);
    private final ObservableList<GroupReview> reviews = FXCollections.observableArrayList();
    private final ObjectProperty<GroupReview> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PlanPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper approveLabel = new ReadOnlyStringWrapper("");

    public CullViewModel(AppContext context, GroupAsker asker) {
        this.context = context;
        this.asker = asker;
    }

    /** Lists the rigs that have a 10_Blink (background); {@code preselect} a rig folder, or null. */
    public void loadRigs(String preselect) {
        ApdmConfig config = context.config();
        if (config == null || config.roots().data() == null) {
            return;
        }
        Path data = config.roots().data();
        context.tasks().submit("Cull", (l, c) -> CullScanner.rigsWithBlink(data), rigs -> {
            List<String> choices = new ArrayList<>();
            choices.add(ALL);
            choices.addAll(rigs);
            if (preselect != null && !choices.contains(preselect)) {
                choices.add(preselect);
            }
            rigChoices.setAll(choices);
            rig.set(preselect != null ? preselect : ALL);
        }, failure -> message.set(Failures.message(failure)));
    }

    /** Judges 10_Blink and lists the groups with rejects; changes nothing. */
    public void check() {
        Stage s = stage.get();
        if (s == Stage.CHECKING || s == Stage.PLANNING || s == Stage.RUNNING) {
            return;
        }
        reviews.clear();
        selected.set(null);
        preview.set(null);
        result.set(null);
        message.set("");
        Ready ready = ready(true);
        if (ready == null) {
            return;
        }
        CullOperation.Request request = ready.request();
        CullOperation op = ready.operation();
        stage.set(Stage.CHECKING);
        context.log().add("Cull", "checking 10_Blink");
        ReviewAnswers answers = new ReviewAnswers(Map.of(), p -> null);
        start((listener, cancel) -> op.run(request, answers, listener, cancel), r -> {
            List<GroupReview> asking = new ArrayList<>();
            List<GroupReview> automatic = new ArrayList<>();
            for (CullOperation.GroupResult g : r.groups()) {
                if (g.proposal().rejects().isEmpty()) {
                    continue;
                }
                GroupReview review = new GroupReview(g.proposal());
                (review.needsDecision() ? asking : automatic).add(review);
            }
            reviews.setAll(asking);
            reviews.addAll(automatic);
            selected.set(reviews.isEmpty() ? null : reviews.get(0));
            message.set(asking.isEmpty()
                    ? (automatic.isEmpty() ? "Nothing to reject in 10_Blink." : "No group needs a decision; show the plan to apply the automatic ones.")
                    : asking.size() + (asking.size() == 1 ? " group needs" : " groups need") + " your decision.");
            context.log().addAll("Cull", CullSummary.groupLines(r));
            stage.set(Stage.REVIEW);
        });
    }

    /** A dry run with the review's decisions: the exact moves, for approval. */
    public void plan() {
        if (stage.get() != Stage.REVIEW && stage.get() != Stage.PLANNED) {
            return;
        }
        Ready ready = ready(true);
        if (ready == null) {
            return;
        }
        CullOperation.Request request = ready.request();
        CullOperation op = ready.operation();
        stage.set(Stage.PLANNING);
        ReviewAnswers answers = new ReviewAnswers(answers(), p -> null);
        start((listener, cancel) -> op.run(request, answers, listener, cancel), r -> {
            List<GroupProposal> unknown = answers.asked();
            if (!unknown.isEmpty()) {
                List<GroupReview> added = unknown.stream().map(GroupReview::new).toList();
                reviews.addAll(0, added);
                selected.set(added.get(0));
                message.set(added.size() + (added.size() == 1 ? " more group needs" : " more groups need")
                        + " a decision now that the earlier pass's rejects are counted.");
                stage.set(Stage.REVIEW);
                return;
            }
            PlanPreview p = preview(r, request);
            preview.set(p);
            long n = p.counts().moves();
            approveLabel.set("Move " + n + (n == 1 ? " frame" : " frames") + " to Reject");
            context.log().addAll("Cull", p.summaryLines());
            stage.set(Stage.PLANNED);
        });
    }

    /** Runs the cull with the review's decisions; a group nobody reviewed is asked about in a dialog. */
    public void approve() {
        if (stage.get() != Stage.PLANNED) {
            return;
        }
        Ready ready = ready(false);
        if (ready == null) {
            return;
        }
        CullOperation.Request request = ready.request();
        CullOperation op = ready.operation();
        stage.set(Stage.RUNNING);
        context.log().add("Cull", "running the approved plan");
        Map<String, ReviewAnswers.Answer> decided = answers();
        start((listener, cancel) -> op.run(request, new ReviewAnswers(decided, p -> askAndWait(p, cancel)),
                listener, cancel), r -> {
            PathDisplay display = new PathDisplay(List.of(request.data(), request.reject()));
            List<String> lines = new ArrayList<>(CullSummary.groupLines(r));
            lines.addAll(CullSummary.tailLines(r, request.data(), request.reject()));
            RunResult rr = RunResult.of("Cull", r.cancelled(), outcomes(r), r.unreadable(), display, lines);
            result.set(rr);
            context.log().addAll("Cull", lines);
            stage.set(Stage.DONE);
        });
    }

    public void cancel() {
        Job<?> j = job.get();
        if (j != null) {
            j.cancel();
        }
    }

    /** Drops the check, the decisions and any plan. */
    public void startOver() {
        Stage s = stage.get();
        if (s == Stage.CHECKING || s == Stage.PLANNING || s == Stage.RUNNING) {
            return;
        }
        reviews.clear();
        selected.set(null);
        preview.set(null);
        result.set(null);
        message.set("");
        stage.set(Stage.READY);
    }

    /** Back from the plan to the review, to change a decision. */
    public void backToReview() {
        if (stage.get() == Stage.PLANNED) {
            preview.set(null);
            stage.set(Stage.REVIEW);
        }
    }

    /** Groups still waiting for a decision. */
    public long undecided() {
        return reviews.stream().filter(r -> r.needsDecision() && r.decisionProperty().get() == GroupReview.Decision.UNDECIDED)
                .count();
    }

    private Map<String, ReviewAnswers.Answer> answers() {
        Map<String, ReviewAnswers.Answer> m = new HashMap<>();
        for (GroupReview r : reviews) {
            if (!r.needsDecision()) {
                continue;
            }
            GroupReview.Decision d = r.decisionProperty().get();
            // a group left undecided keeps its frames, as the command line does when nobody answers
            m.put(r.key(), new ReviewAnswers.Answer(d == GroupReview.Decision.UNDECIDED ? GroupReview.Decision.KEEP : d,
                    r.passProperty().get()));
        }
        return m;
    }

    private GroupProposal askAndWait(GroupProposal p, CancellationToken cancel) {
        return FxQuestion.ask(() -> asker.ask(p), cancel, null);
    }

    /** A request from the page's folders and rig, with its operation; the folder problem is shown instead. */
    private record Ready(CullOperation.Request request, CullOperation operation) {
    }

    private Ready ready(boolean dryRun) {
        try {
            return new Ready(request(dryRun), operation());
        } catch (IllegalStateException e) {
            fail(e.getMessage());
            return null;
        }
    }

    private CullOperation operation() {
        ApdmConfig config = context.config();
        return new CullOperation(config, context.engine(config), context.clock()).withShownMetrics(GroupReview.CHARTED);
    }

    private CullOperation.Request request(boolean dryRun) {
        ApdmConfig config = context.config();
        if (config.roots().data() == null) {
            throw new IllegalStateException("No data folder is configured; set it in Settings.");
        }
        if (config.roots().reject() == null) {
            throw new IllegalStateException("No reject folder is configured; set roots.reject in Settings.");
        }
        List<String> rigs = rig.get() == null || ALL.equals(rig.get()) ? List.of() : List.of(rig.get());
        CullOperation.Request request = new CullOperation.Request(config.roots().data().toAbsolutePath().normalize(),
                config.roots().reject().toAbsolutePath().normalize(), rigs, null, null, dryRun);
        if (request.folderProblem() != null) {
            throw new IllegalStateException(request.folderProblem() + "; check Settings → Folders.");
        }
        return request;
    }

    private static List<OperationOutcome> outcomes(CullOperation.Result r) {
        List<OperationOutcome> out = new ArrayList<>();
        r.groups().forEach(g -> out.addAll(g.outcomes()));
        return out;
    }

    private PlanPreview preview(CullOperation.Result r, CullOperation.Request request) {
        PathDisplay display = new PathDisplay(List.of(request.data(), request.reject()));
        List<String> lines = new ArrayList<>(CullSummary.groupLines(r));
        lines.addAll(CullSummary.tailLines(r, request.data(), request.reject()));
        return PlanPreview.of("Cull", outcomes(r), r.unreadable(), display, lines);
    }

    private <T> void start(Work<T> work, java.util.function.Consumer<T> done) {
        Job<T> j;
        try {
            j = context.tasks().submit("Cull", work, v -> {
                job.set(null);
                done.accept(v);
            }, failure -> {
                job.set(null);
                fail(Failures.message(failure));
            });
        } catch (RuntimeException e) {
            fail(Failures.message(e));
            return;
        }
        j.onLine(line -> context.log().add("Cull", line));
        job.set(j);
    }

    private void fail(String text) {
        message.set(text);
        context.log().add("Cull", "error: " + text);
        stage.set(Stage.FAILED);
    }

    /** Decisions by group, for tests and the status line. */
    public Map<String, GroupReview.Decision> decisions() {
        Map<String, GroupReview.Decision> m = new LinkedHashMap<>();
        reviews.forEach(r -> m.put(r.folder() + " " + r.checked().pass().name(), r.decisionProperty().get()));
        return m;
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ObservableList<String> rigChoices() {
        return rigChoices;
    }

    public ObjectProperty<String> rigProperty() {
        return rig;
    }

    public ObservableList<GroupReview> reviews() {
        return reviews;
    }

    public ObjectProperty<GroupReview> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<PlanPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Job<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty approveLabelProperty() {
        return approveLabel.getReadOnlyProperty();
    }
}
