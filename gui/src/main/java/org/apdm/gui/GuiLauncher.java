package org.apdm.gui;

import javafx.application.Application;

/**
 * Starts the window. A plain class on purpose: starting an {@code Application} subclass as the jar's main class
 * fails with "JavaFX runtime components are missing" when JavaFX is on the classpath (java-feasibility §8).
 */
public final class GuiLauncher {

    /**
     * JavaFX warns on every start that it was loaded from the classpath (the runnable jar's choice, ADR 0049); only that
     * line is dropped. Held here so the filter sticks (java.util.logging keeps loggers weakly).
     */
    private static final java.util.logging.Logger CLASSPATH_WARNING =
            java.util.logging.Logger.getLogger("javafx");

    private GuiLauncher() {
    }

    /** Opens the window and returns when it is closed. */
    public static void launch(AppContext.Options options) {
        CLASSPATH_WARNING.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        ApdmApplication.options = options;
        Application.launch(ApdmApplication.class);
    }
}
