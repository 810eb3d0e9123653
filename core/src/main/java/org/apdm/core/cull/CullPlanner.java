package org.apdm.core.cull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges the frames of a group against a pass. Pure: group and pass in, proposal out.
 *
 * <ul>
 *   <li>absolute limits: a value above {@code max} or below {@code min} rejects; a value equal to a limit is kept;</li>
 *   <li>relative rules: mean and sample standard deviation (n−1) of the frames that have the metric; a frame
 *       more than {@code sigma} deviations worse than the mean is rejected (the Target Scheduler grader's rule);
 *       needs at least 3 values;</li>
 *   <li>a frame without a value for a metric is never rejected for it; it counts as "no data".</li>
 * </ul>
 */
public final class CullPlanner {

    static final int MIN_SAMPLES = 3;

    private CullPlanner() {
    }

    public static GroupProposal propose(CullGroup group, CullPass pass) {
        Map<String, GroupProposal.MetricStats> stats = new LinkedHashMap<>();
        for (String metric : metricsOf(pass)) {
            stats.put(metric, stats(group, metric));
        }
        List<String> notes = new ArrayList<>();
        for (CullPass.RelativeLimit r : pass.relative()) {
            GroupProposal.MetricStats s = stats.get(r.metric());
            if (s.withValue() < MIN_SAMPLES) {
                notes.add(r.metric() + " ±" + r.sigma() + "σ not applied: only " + s.withValue() + " frames have a value");
            }
        }
        List<GroupProposal.Reject> rejects = new ArrayList<>();
        for (CullFrame f : group.frames()) {
            List<String> reasons = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            for (CullPass.Limit l : pass.limits()) {
                Double v = f.metric(l.metric());
                if (v == null) {
                    continue;
                }
                if (l.max() != null && v > l.max()) {
                    reasons.add(l.metric() + " " + num(v) + " > " + num(l.max()));
                    addOnce(broken, l.metric());
                } else if (l.min() != null && v < l.min()) {
                    reasons.add(l.metric() + " " + num(v) + " < " + num(l.min()));
                    addOnce(broken, l.metric());
                }
            }
            for (CullPass.RelativeLimit r : pass.relative()) {
                GroupProposal.MetricStats s = stats.get(r.metric());
                Double v = f.metric(r.metric());
                if (v == null || s.withValue() < MIN_SAMPLES || s.stddev() == null) {
                    continue;
                }
                double deviation = r.higherWorse() ? v - s.mean() : s.mean() - v;
                if (deviation > r.sigma() * s.stddev()) {
                    reasons.add(r.metric() + " " + num(v) + " is " + num(deviation / s.stddev()) + "σ worse than the group mean "
                            + num(s.mean()));
                    addOnce(broken, r.metric());
                }
            }
            if (!reasons.isEmpty()) {
                rejects.add(new GroupProposal.Reject(f, reasons, broken));
            }
        }
        return new GroupProposal(group, pass, rejects, stats, notes);
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    /** Every metric a pass looks at, in the order it names them. */
    public static List<String> metricsOf(CullPass pass) {
        List<String> out = new ArrayList<>();
        pass.limits().forEach(l -> addOnce(out, l.metric()));
        pass.relative().forEach(r -> addOnce(out, r.metric()));
        return out;
    }

    static GroupProposal.MetricStats stats(CullGroup group, String metric) {
        List<Double> values = new ArrayList<>();
        for (CullFrame f : group.frames()) {
            Double v = f.metric(metric);
            if (v != null) {
                values.add(v);
            }
        }
        int noData = group.frames().size() - values.size();
        if (values.isEmpty()) {
            return new GroupProposal.MetricStats(metric, 0, noData, null, null, null, null, null);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Double sd = null;
        if (n >= 2) {
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            sd = Math.sqrt(ss / (n - 1));
        }
        return new GroupProposal.MetricStats(metric, n, noData, sorted.get(0), median, sorted.get(n - 1), mean, sd);
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
