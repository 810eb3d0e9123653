package org.apdm.gui.shell;

import java.util.function.Supplier;

/**
 * An entry of the sidebar. Workflow pages are the operations in the order of the user's process; a later step
 * (calibration, database, reports, scheduler) plugs in as one more {@code Page} in {@link PageCatalog}.
 *
 * @param badge   the step number shown in the sidebar, or an empty string
 * @param factory builds the page the first time it is opened
 */
public record Page(String id, String title, Section section, String badge, Supplier<PageView> factory) {

    /** The groups of the sidebar. */
    public enum Section {
        OVERVIEW("OVERVIEW"), WORKFLOW("WORKFLOW"), TOOLS("TOOLS");

        private final String heading;

        Section(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }
    }
}
