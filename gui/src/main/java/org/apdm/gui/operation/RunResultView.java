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
        var banner = Ui.banner(r.tone(), r.sentence());
        banner.setId("resultBanner");
        FlowPane tiles = new FlowPane(10, 10);
        r.tiles().forEach(t -> tiles.getChildren().add(Ui.tile(t.value(), t.label(), t.tone())));
        tiles.setId("resultTiles");
        java.util.List<SheetTable> sheetTables = r.sheets().stream().map(SheetTable::new).toList();

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
            sheetTables.forEach(t -> t.filter(needle));
        });
        TableView<PlanPreview.LeftRow> leftTable = new TableView<>(left);
        leftTable.getColumns().add(PlanPreviewView.column("File (stays where it is)", 460, PlanPreview.LeftRow::file));
        leftTable.getColumns().add(PlanPreviewView.column("Reason", 520, PlanPreview.LeftRow::reason));
        leftTable.setPlaceholder(Ui.label("Nothing left behind.", "muted"));
        leftTable.setId("resultLeftBehind");
        java.util.List<javafx.scene.control.Tab> tabList = new java.util.ArrayList<>();
        for (SheetTable t : sheetTables) {
            tabList.add(LazyTabs.tab(t.title(), t::table));
        }
        if (sheetTables.isEmpty() || !r.rows().isEmpty() || !r.leftBehind().isEmpty()) {
            tabList.add(LazyTabs.tab("Needs attention (" + problems.size() + ")", () -> table(problems, "Nothing needs attention.")));
            tabList.add(LazyTabs.tab("All files (" + r.rows().size() + ")", () -> table(all, "No file was changed.")));
            tabList.add(LazyTabs.tab("Left behind (" + r.leftBehind().size() + ")", () -> leftTable));
        }
        TabPane tabs = LazyTabs.of(tabList.toArray(javafx.scene.control.Tab[]::new));
        tabs.setId("resultTabs");
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
