package org.apdm.gui.shell;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small building blocks every view uses, so pages look alike. */
public final class Ui {

    private Ui() {
    }

    public static Label label(String text, String... styles) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styles);
        return l;
    }

    public static Label label(ObservableValue<String> text, String... styles) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll(styles);
        return l;
    }

    public static Label wrapped(String text, String... styles) {
        Label l = label(text, styles);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    public static Button button(String text, Runnable action, String... styles) {
        Button b = new Button(text);
        b.setMnemonicParsing(false); // folder names carry underscores
        b.getStyleClass().addAll(styles);
        b.setOnAction(e -> action.run());
        return b;
    }

    public static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    public static HBox row(double spacing, Node... nodes) {
        HBox h = new HBox(spacing, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    public static VBox card(Node... nodes) {
        VBox v = new VBox(nodes);
        v.getStyleClass().add("card");
        return v;
    }

    /** A number with its label, coloured by {@code tone} (good, warn, bad, quiet, or none). */
    public static VBox tile(String value, String label, String tone) {
        VBox v = new VBox(label(value, "tile-value"), label(label, "tile-label"));
        v.getStyleClass().add("tile");
        if (tone != null && !tone.isEmpty()) {
            v.getStyleClass().add(tone);
        }
        return v;
    }

    /** A coloured message box (info, good, warn, bad). */
    public static HBox banner(String tone, String text) {
        Label l = wrapped(text);
        HBox.setHgrow(l, Priority.ALWAYS);
        l.setMaxWidth(Double.MAX_VALUE);
        HBox h = new HBox(l);
        h.getStyleClass().addAll("banner", tone);
        return h;
    }

    /**
     * A card naming the folders an operation works on: label and path per row; an unset one says where to set it.
     */
    public static VBox folders(java.util.List<String[]> rows) {
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(14);
        g.setVgap(6);
        for (int i = 0; i < rows.size(); i++) {
            String value = rows.get(i)[1];
            g.addRow(i, label(rows.get(i)[0], "muted"), value == null || value.isEmpty()
                    ? label("(not set: Settings → Folders)", "muted") : wrapped(value, "path"));
        }
        return card(label("Folders", "section-title"), g);
    }

    /** A tab of a page, with an id tests and the tour find it by. */
    public static javafx.scene.control.Tab tab(String title, String id, Node content) {
        javafx.scene.control.Tab t = new javafx.scene.control.Tab(title, content);
        t.setId(id);
        return t;
    }

    /** The tabs of a page (several operations on one page): not closable, filling the page's height. */
    public static javafx.scene.control.TabPane tabs(javafx.scene.control.Tab... tabs) {
        javafx.scene.control.TabPane pane = new javafx.scene.control.TabPane(tabs);
        pane.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return pane;
    }

    /** A drop-down of choices bound both ways to the view model's property. */
    public static javafx.scene.control.ComboBox<String> choice(javafx.collections.ObservableList<String> items,
                                                               javafx.beans.property.Property<String> value, String id) {
        javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>(items);
        box.valueProperty().bindBidirectional(value);
        box.setId(id);
        return box;
    }

    /** The heading of a page: title and one line saying what the page is for. */
    public static VBox header(String title, String lead) {
        VBox v = new VBox(2, label(title, "page-title"), wrapped(lead, "page-lead"));
        return v;
    }
}
