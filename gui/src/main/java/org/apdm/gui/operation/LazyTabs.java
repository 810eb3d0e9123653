package org.apdm.gui.operation;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.apdm.gui.shell.NextFrame;

/**
 * Tabs whose content is built when first shown, the first one a frame after the tab bar: a table's skin and
 * styles cost tens of milliseconds on the FX thread, and a plan has three tables, of which the user sees one.
 */
final class LazyTabs {

    private LazyTabs() {
    }

    static Tab tab(String title, Supplier<Node> content) {
        Tab t = new Tab(title);
        t.setUserData(content);
        t.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                fill(t);
            }
        });
        return t;
    }

    @SuppressWarnings("unchecked")
    private static void fill(Tab t) {
        if (t.getContent() == null && t.getUserData() instanceof Supplier<?> s) {
            t.setContent(((Supplier<Node>) s).get());
        }
    }

    static TabPane of(Tab... tabs) {
        TabPane pane = new TabPane(tabs);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab first = pane.getSelectionModel().getSelectedItem();
        if (first != null) {
            NextFrame.run(() -> fill(first));
        }
        return pane;
    }
}
