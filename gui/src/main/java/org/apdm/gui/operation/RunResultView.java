package org.apdm.gui.operation;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.apdm.gui.shell.Ui;

/** What a run did: a sentence, tiles with the counts, and searchable tables of problems, all files and the files left behind. */
public final class RunResultView extends VBox {

    public RunResultView(RunResult r) {
        setSpacing(12);
        RunResult.Counts c = r.counts();
        String tone;
        String text;
        if (r.cancelled()) {
            tone = "warn";
            text = String.format(Locale.ROOT, "Cancelled after %,d files. Nothing is half done: %,d files were not started "
                    + "and stay where they were. Plan again to continue.", c.done(), c.notRun());
        } else if (c.problems() > 0) {
            tone = "warn";
            text = String.format(Locale.ROOT, "Done: %,d files. %,d stay where they were; each is listed with the reason.",
                    c.done(), c.problems());
        } else {
            tone = "good";
            text = String.format(Locale.ROOT, "Done: %,d files, nothing left behind.", c.done());
        }
        var banner = Ui.banner(tone, text);
        banner.setId("resultBanner");
        FlowPane tiles = new FlowPane(10, 10,
                Ui.tile(String.format(Locale.ROOT, "%,d", c.done()), "done", c.done() > 0 ? "good" : "quiet"),
                Ui.tile(String.format(Locale.ROOT, "%,d", c.duplicates()), "duplicates", c.duplicates() > 0 ? "warn" : "quiet"),
                Ui.tile(String.format(Locale.ROOT, "%,d", c.conflicts()), "conflicts", c.conflicts() > 0 ? "bad" : "quiet"),
                Ui.tile(String.format(Locale.ROOT, "%,d", c.failed()), "failed", c.failed() > 0 ? "bad" : "quiet"),
                Ui.tile(String.format(Locale.ROOT, "%,d", c.leftBehind()), "left behind", c.leftBehind() > 0 ? "warn" : "quiet"));
        if (c.notRun() > 0) {
            tiles.getChildren().add(Ui.tile(String.format(Locale.ROOT, "%,d", c.notRun()), "not started", "warn"));
        }
        tiles.setId("resultTiles");

        java.util.List<RunResult.Row> attention = new java.util.ArrayList<>(r.rows().stream()
                .filter(x -> x.problem() || x.outcome().equals("duplicate-kept") || x.outcome().equals("not-run")).toList());
        r.leftBehind().forEach(l -> attention.add(new RunResult.Row("left-behind", "none", l.file(), "", l.reason(), false)));
        FilteredList<RunResult.Row> problems = new FilteredList<>(FXCollections.observableArrayList(attention));
        FilteredList<RunResult.Row> all = new FilteredList<>(FXCollections.observableArrayList(r.rows()));
        FilteredList<PlanPreview.LeftRow> left = new FilteredList<>(FXCollections.observableArrayList(r.leftBehind()));
        TextField search = new TextField();
        search.setPromptText("Search files and reasons");
        search.textProperty().addListener((o, a, b) -> {
            String needle = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            problems.setPredicate(x -> x.matches(needle));
            all.setPredicate(x -> x.matches(needle));
            left.setPredicate(x -> x.matches(needle));
        });
        TableView<PlanPreview.LeftRow> leftTable = new TableView<>(left);
        leftTable.getColumns().add(PlanPreviewView.column("File (stays where it is)", 460, PlanPreview.LeftRow::file));
        leftTable.getColumns().add(PlanPreviewView.column("Reason", 520, PlanPreview.LeftRow::reason));
        leftTable.setPlaceholder(Ui.label("Nothing left behind.", "muted"));
        leftTable.setId("resultLeftBehind");
        TabPane tabs = LazyTabs.of(
                LazyTabs.tab("Needs attention (" + problems.size() + ")", () -> table(problems, "Nothing needs attention.")),
                LazyTabs.tab("All files (" + r.rows().size() + ")", () -> table(all, "No file was changed.")),
                LazyTabs.tab("Left behind (" + r.leftBehind().size() + ")", () -> leftTable));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(banner, tiles, search);
        org.apdm.gui.shell.NextFrame.run(() -> getChildren().add(tabs));
    }

    private static TableView<RunResult.Row> table(FilteredList<RunResult.Row> rows, String empty) {
        TableView<RunResult.Row> t = new TableView<>(rows);
        t.getColumns().add(PlanPreviewView.column("Outcome", 120, RunResult.Row::outcome));
        t.getColumns().add(PlanPreviewView.column("File", 360, RunResult.Row::source));
        t.getColumns().add(PlanPreviewView.column("Went to", 400, RunResult.Row::destination));
        t.getColumns().add(PlanPreviewView.column("Detail", 280, RunResult.Row::detail));
        t.setPlaceholder(Ui.label(empty, "muted"));
        t.setRowFactory(x -> new TableRow<>() {
            @Override
            protected void updateItem(RunResult.Row item, boolean empty1) {
                super.updateItem(item, empty1);
                getStyleClass().removeAll("problem", "bad");
                if (!empty1 && item != null) {
                    if (item.problem()) {
                        getStyleClass().add("bad");
                    } else if (!item.outcome().equals("moved") && !item.outcome().equals("copied")
                            && !item.outcome().equals("deleted")) {
                        getStyleClass().add("problem");
                    }
                }
            }
        });
        return t;
    }
}
