package org.apdm.cli;

/**
 * Exit codes of every apdm command (documented in README.md).
 * <ul>
 *   <li>0: everything done</li>
 *   <li>1: done, but some files were left behind (each listed with its reason)</li>
 *   <li>2: usage or configuration error; nothing was changed</li>
 *   <li>3: aborted (cancelled, another run holds the lock, or an unexpected error)</li>
 * </ul>
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int LEFT_BEHIND = 1;
    public static final int USAGE = 2;
    public static final int ABORTED = 3;

    private ExitCodes() {
    }
}
