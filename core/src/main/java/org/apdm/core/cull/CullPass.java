package org.apdm.core.cull;

import java.util.List;

/**
 * One automatic cull pass over a rig's {@code 10_Blink}.
 *
 * @param name              shown in reports and used by {@code --pass}
 * @param limits            absolute limits; a frame breaking any of them is rejected
 * @param relative          rules against the frame's group: more than k standard deviations worse than the mean
 * @param autoAcceptPercent a group whose rejected share is below this is applied without asking;
 *                          100 means always apply
 */
public record CullPass(String name, List<Limit> limits, List<RelativeLimit> relative, double autoAcceptPercent) {

    public CullPass {
        limits = List.copyOf(limits);
        relative = List.copyOf(relative);
    }

    /**
     * An absolute limit on one metric.
     *
     * @param metric a field ({@code hfr}, {@code rmsac}, {@code stars}) or any header keyword or file-name token
     * @param max    reject when the value is greater; null for none
     * @param min    reject when the value is smaller; null for none
     */
    public record Limit(String metric, Double max, Double min) {
    }

    /**
     * A relative rule, the way the Target Scheduler grader judges frames.
     *
     * @param metric      as for {@link Limit}
     * @param sigma       how many standard deviations from the group mean are tolerated
     * @param higherWorse true when a larger value is worse (HFR, RMS); false for star counts
     */
    public record RelativeLimit(String metric, double sigma, boolean higherWorse) {
    }
}
