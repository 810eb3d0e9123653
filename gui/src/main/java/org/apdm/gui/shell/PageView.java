package org.apdm.gui.shell;

import javafx.scene.Node;

/** A page of the main window. */
public interface PageView {

    Node node();

    /** The page is shown; {@code argument} is what a link asked for (a rig folder), or null. */
    default void opened(String argument) {
    }
}
