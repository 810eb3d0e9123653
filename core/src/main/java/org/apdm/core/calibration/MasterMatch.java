package org.apdm.core.calibration;

import java.util.List;

/**
 * How one requirement of a light group (its dark, flat or bias) is met.
 *
 * @param kind       dark, flat or bias
 * @param status     what was found
 * @param master     the master to use (in the library, or already next to the lights), or null
 * @param candidates the masters that made it ambiguous, or the dates that could be chosen
 * @param detail     words for the report ("flat of 2025-03-01, 1 day earlier", "no master dark with …")
 */
public record MasterMatch(MasterKind kind, Status status, MasterFrame master, List<MasterFrame> candidates,
                          String detail) {

    public MasterMatch {
        candidates = List.copyOf(candidates);
    }

    public enum Status {
        /** Already next to the lights. */
        PRESENT,
        /** Exactly one master in the library with every key equal. */
        EXACT,
        /** A flat of another night in the same rig period, by the configured policy or the user's choice. */
        FALLBACK,
        /** A shorter dark, to be scaled with a bias (dark scaling on). */
        SCALED,
        /** Not needed (a bias without dark scaling). */
        NOT_NEEDED,
        /** No master fits. */
        MISSING,
        /** Two or more masters fit equally; none is used. */
        AMBIGUOUS,
        /** The policy is to ask, and nobody could be asked (dry run, no terminal). */
        UNDECIDED
    }

    public static MasterMatch notNeeded(MasterKind kind) {
        return new MasterMatch(kind, Status.NOT_NEEDED, null, List.of(), "");
    }

    public static MasterMatch of(MasterKind kind, Status status, MasterFrame master, String detail) {
        return new MasterMatch(kind, status, master, List.of(), detail);
    }

    /** The lights have what they need from this requirement (or will after the copy). */
    public boolean satisfied() {
        return switch (status) {
            case PRESENT, EXACT, FALLBACK, SCALED, NOT_NEEDED -> true;
            default -> false;
        };
    }

    /** A library master is to be copied next to the lights. */
    public boolean needsCopy() {
        return master != null && (status == Status.EXACT || status == Status.FALLBACK || status == Status.SCALED);
    }
}
