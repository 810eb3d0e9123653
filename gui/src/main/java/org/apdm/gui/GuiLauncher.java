package org.apdm.gui;

import javafx.application.Application;

/**
 * Starts the window. A plain class on purpose: starting an {@code Application} subclass as the jar's main class
 * fails with "JavaFX runtime components are missing" when JavaFX is on the classpath (java-feasibility §8).
 */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /** Opens the window and returns when it is closed. */
    public static void launch(AppContext.Options options) {
        ApdmApplication.options = options;
        Application.launch(ApdmApplication.class);
    }
}
