package org.apdm.gui.shell;

/** Opens a page of the window; the dashboard's queue entries lead to the operation that resolves them. */
public interface Navigator {

    /** Shows the page; {@code argument} (a rig folder, or null) preselects what it works on. */
    void show(String pageId, String argument);

    /** Whether the window has this page (steps of later versions do not exist yet). */
    boolean has(String pageId);

    Navigator NONE = new Navigator() {
        @Override
        public void show(String pageId, String argument) {
        }

        @Override
        public boolean has(String pageId) {
            return false;
        }
    };
}
