package org.apdm.gui.dashboard;

/**
 * One entry of the "what to do next" queue and the page that resolves it.
 *
 * @param pageId   the page that does it ({@code ingest}, {@code cull}, {@code calibration}, ...; {@code dashboard}
 *                 to show a target), or null for a warning with nothing to open
 * @param argument what to open the page with (a rig folder, a target to show), or null
 */
public record NextStep(Kind kind, String title, String detail, String actionLabel, String pageId, String argument) {

    /** What kind of work, in the order of the user's process. */
    public enum Kind {
        INGEST, CULL, CALIBRATE, PROMOTE, MASTER, BAKE, DISK, WARNING, PROBLEM, UNKNOWN_STAGE;

        /** Warnings rather than work. */
        public boolean warning() {
            return this == DISK || this == WARNING || this == PROBLEM || this == UNKNOWN_STAGE;
        }
    }
}
