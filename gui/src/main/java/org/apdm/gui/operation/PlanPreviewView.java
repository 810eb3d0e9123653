package org.apdm.gui.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.apdm.gui.shell.Ui;

/**
 * A plan before approval: tiles with the counts, and searchable tables of every step (with its reason and the
 * engine's prediction), the destination folders, and the files left behind with their reasons.
 */
public final class PlanPreviewView extends VBox {

    private final TextField search = new TextField();
    private final FilteredList<PlanPreview.Row> rows;
    private final FilteredList<PlanPreview.FolderRow> folders;
    private final FilteredList<PlanPreview.LeftRow> left;

    public PlanPreviewView(PlanPreview p) {
        setSpacing(12);
        getStyleClass().add("plan-preview");
        FlowPane tiles = new FlowPane(10, 10);
        p.tiles().forEach(t -> tiles.getChildren().add(Ui.tile(t.value(), t.label(), t.tone())));
        tiles.setId("planTiles");
        VBox notes = new VBox(6);
        notes.setId("planNotes");
        p.notes().forEach(n -> notes.getChildren().add(Ui.banner("info", n)));
        List<SheetTable> sheetTables = p.sheets().stream().map(SheetTable::new).toList();

        rows = new FilteredList<>(FXCollections.observableArrayList(p.rows()));
        folders = new FilteredList<>(FXCollections.observableArrayList(p.folders()));
        left = new FilteredList<>(FXCollections.observableArrayList(p.leftBehind()));
        search.setPromptText("Search files, folders and reasons");
        search.setId("planSearch");
        search.textProperty().addListener((o, a, b) -> {
            String needle = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            rows.setPredicate(r -> r.matches(needle));
            folders.setPredicate(r -> r.matches(needle));
            left.setPredicate(r -> r.matches(needle));
            sheetTables.forEach(t -> t.filter(needle));
        });

        TableView<PlanPreview.Row> files = new TableView<>(rows);
        files.setId("planFiles");
        files.getColumns().add(column("Action", 70, PlanPreview.Row::action));
        files.getColumns().add(column("File", 360, PlanPreview.Row::source));
        files.getColumns().add(column("Goes to", 420, PlanPreview.Row::destination));
        files.getColumns().add(column("Why", 200, PlanPreview.Row::reason));
        files.getColumns().add(column("Expected", 110, PlanPreview.Row::outcome));
        files.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PlanPreview.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("problem");
                if (!empty && item != null && (item.problem() || item.outcome().startsWith("duplicate"))) {
                    getStyleClass().add("problem");
                }
            }
        });
        files.setPlaceholder(Ui.label("No file to change.", "muted"));

        TableView<PlanPreview.FolderRow> folderTable = new TableView<>(folders);
        folderTable.setId("planFolders");
        folderTable.getColumns().add(column("Action", 70, PlanPreview.FolderRow::action));
        folderTable.getColumns().add(column("Folder", 720, PlanPreview.FolderRow::folder));
        TableColumn<PlanPreview.FolderRow, Number> n = new TableColumn<>("Files");
        n.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().files()));
        n.setPrefWidth(80);
        n.getStyleClass().add("numeric");
        folderTable.getColumns().add(n);

        TableView<PlanPreview.LeftRow> leftTable = new TableView<>(left);
        leftTable.setId("planLeftBehind");
        leftTable.getColumns().add(column("File (stays where it is)", 460, PlanPreview.LeftRow::file));
        leftTable.getColumns().add(column("Reason", 520, PlanPreview.LeftRow::reason));
        leftTable.setPlaceholder(Ui.label("Every file has its place.", "muted"));

        List<Tab> tabList = new ArrayList<>();
        for (SheetTable t : sheetTables) {
            tabList.add(LazyTabs.tab(t.title(), t::table));
        }
        // an operation that changes no file (database, plans) shows only its own tables
        if (sheetTables.isEmpty() || !p.rows().isEmpty() || !p.leftBehind().isEmpty()) {
            tabList.add(LazyTabs.tab("Folders (" + p.folders().size() + ")", () -> folderTable));
            tabList.add(LazyTabs.tab("Files (" + p.rows().size() + ")", () -> files));
            tabList.add(LazyTabs.tab("Left behind (" + p.leftBehind().size() + ")", () -> leftTable));
        }
        TabPane tabs = LazyTabs.of(tabList.toArray(Tab[]::new));
        tabs.setId("planTabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(tiles);
        if (!p.notes().isEmpty()) {
            getChildren().add(notes);
        }
        getChildren().add(search);
        org.apdm.gui.shell.NextFrame.run(() -> getChildren().add(tabs));
    }

    static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> col = new TableColumn<>(title);
        col.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    public TextField search() {
        return search;
    }
}
