package org.apdm.core.cull;

import java.util.List;
import java.util.Map;

/**
 * What a pass proposes for one group: which frames to reject and why, with the statistics a user
 * needs to judge the proposal.
 *
 * @param group         the group
 * @param pass          the pass
 * @param rejects       frames to reject, in capture order, each with its reasons
 * @param stats         per metric of the pass: min, median, max and how many frames have no value
 * @param relativeNotes relative rules that could not be applied (fewer than 3 values), for the report
 */
public record GroupProposal(CullGroup group, CullPass pass, List<Reject> rejects, Map<String, MetricStats> stats,
                            List<String> relativeNotes) {

    public GroupProposal {
        rejects = List.copyOf(rejects);
        stats = Map.copyOf(stats);
        relativeNotes = List.copyOf(relativeNotes);
    }

    /** A frame to reject; {@code reasons} read like "hfr 5.77 > 4.6". */
    public record Reject(CullFrame frame, List<String> reasons, List<String> metricsBroken) {
        public Reject {
            reasons = List.copyOf(reasons);
            metricsBroken = List.copyOf(metricsBroken);
        }
    }

    /** Statistics of one metric over the group. */
    public record MetricStats(String metric, int withValue, int noData, Double min, Double median, Double max,
                              Double mean, Double stddev) {
    }

    public int total() {
        return group.frames().size();
    }

    /** Rejected share in percent. */
    public double rejectedPercent() {
        return total() == 0 ? 0 : 100.0 * rejects.size() / total();
    }

    /** Applied without asking: the share is below the pass's auto-accept percentage, or the pass always applies. */
    public boolean automatic() {
        return rejects.isEmpty() || pass.autoAcceptPercent() >= 100 || rejectedPercent() < pass.autoAcceptPercent();
    }

    /** The share the way the old cull printed it: truncated to one decimal ({@code 42.8}). */
    public String percentText() {
        return String.valueOf(Math.floor(rejectedPercent() * 10) / 10);
    }
}
