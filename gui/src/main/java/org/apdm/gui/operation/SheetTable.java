package org.apdm.gui.operation;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.apdm.gui.shell.Ui;

/** A {@link PlanPreview.Sheet} as a searchable table; rows marked as problems are coloured. */
public final class SheetTable {

    private final PlanPreview.Sheet sheet;
    private final FilteredList<PlanPreview.SheetRow> rows;

    public SheetTable(PlanPreview.Sheet sheet) {
        this.sheet = sheet;
        this.rows = new FilteredList<>(FXCollections.observableArrayList(sheet.rows()));
    }

    /** Shows only rows with a cell containing {@code needle} (lower case; "" for all). */
    public void filter(String needle) {
        rows.setPredicate(r -> r.matches(needle));
    }

    String title() {
        return sheet.title() + " (" + sheet.rows().size() + ")";
    }

    public TableView<PlanPreview.SheetRow> table() {
        TableView<PlanPreview.SheetRow> t = new TableView<>(rows);
        t.setId(sheet.id());
        List<String> cols = sheet.columns();
        for (int i = 0; i < cols.size(); i++) {
            int c = i;
            TableColumn<PlanPreview.SheetRow, String> col = new TableColumn<>(cols.get(i));
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(c < d.getValue().cells().size()
                    ? d.getValue().cells().get(c) : ""));
            col.setPrefWidth(width(i, cols.size()));
            t.getColumns().add(col);
        }
        t.setRowFactory(x -> new TableRow<>() {
            @Override
            protected void updateItem(PlanPreview.SheetRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("problem");
                if (!empty && item != null && item.problem()) {
                    getStyleClass().add("problem");
                }
            }
        });
        t.setPlaceholder(Ui.label("Nothing here.", "muted"));
        return t;
    }

    /** Wide first and last columns (names, details), narrow ones between (counts, states). */
    private static double width(int i, int n) {
        if (n <= 3) {
            return i == 0 ? 360 : 300;
        }
        return i == 0 || i == n - 1 ? 260 : 110;
    }
}
