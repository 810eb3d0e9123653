package org.apdm.gui.dashboard;

/**
 * One entry of the "what to do next" queue and the page that resolves it.
 *
 * @param pageId   the page that does it ({@code ingest}, {@code cull}, ...); a page the window does not have
 *                 yet shows the entry without a button
 * @param argument what to open the page with (a rig folder), or null
 */
public record NextStep(Kind kind, String title, String detail, String actionLabel, String pageId, String argument) {

    /** What kind of work, in the order of the user's process. */
    public enum Kind {
        INGEST, CULL, CALIBRATE, PROMOTE, MASTER, BAKE, DISK, PROBLEM, UNKNOWN_STAGE;

        /** Warnings rather than work. */
        public boolean warning() {
            return this == DISK || this == PROBLEM || this == UNKNOWN_STAGE;
        }
    }
}
