package org.apdm.gui.cull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.apdm.core.cull.CullFrame;
import org.apdm.core.cull.CullPass;
import org.apdm.core.cull.CullPlanner;
import org.apdm.core.cull.GroupProposal;

/**
 * One group in the cull review: the proposal of the check, the limits as the user adjusted them, the proposal
 * those limits give (re-planned by the core's pure {@link CullPlanner#propose} on every change) and the
 * decision. FX thread.
 */
public final class GroupReview {

    /** What the user decided. */
    public enum Decision { UNDECIDED, REJECT, KEEP }

    /** The metrics charted for every group, whether or not the pass judges them. */
    public static final List<String> CHARTED = List.of("hfr", "rmsac", "stars");

    private final GroupProposal checked;
    private final ObjectProperty<CullPass> pass;
    private final ReadOnlyObjectWrapper<GroupProposal> proposal;
    private final ObjectProperty<Decision> decision = new SimpleObjectProperty<>(Decision.UNDECIDED);

    public GroupReview(GroupProposal checked) {
        this.checked = checked;
        this.pass = new SimpleObjectProperty<>(checked.pass());
        this.proposal = new ReadOnlyObjectWrapper<>(checked);
        pass.addListener((o, a, b) -> proposal.set(CullPlanner.propose(checked.group(), b)));
    }

    /** Rig, pass and folder: the same group in a later check. */
    public static String key(GroupProposal p) {
        return p.group().rig() + "\u0000" + p.pass().name() + "\u0000" + p.group().folder().toString().replace('\\', '/');
    }

    public String key() {
        return key(checked);
    }

    public GroupProposal checked() {
        return checked;
    }

    /** Whether the pass asks the user (the rejected share reaches its auto-accept percentage). */
    public boolean needsDecision() {
        return !checked.automatic();
    }

    public String folder() {
        return checked.group().folder().toString().replace('\\', '/');
    }

    public ObjectProperty<CullPass> passProperty() {
        return pass;
    }

    public ReadOnlyObjectProperty<GroupProposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    public GroupProposal proposal() {
        return proposal.get();
    }

    public ObjectProperty<Decision> decisionProperty() {
        return decision;
    }

    public boolean adjusted() {
        return !pass.get().equals(checked.pass());
    }

    /** Sets an absolute limit of the pass (max, or min for star-like metrics); null removes it. */
    public void setLimit(String metric, boolean max, Double value) {
        CullPass p = pass.get();
        List<CullPass.Limit> limits = new ArrayList<>();
        boolean found = false;
        for (CullPass.Limit l : p.limits()) {
            if (l.metric().equals(metric)) {
                found = true;
                CullPass.Limit n = max ? new CullPass.Limit(metric, value, l.min()) : new CullPass.Limit(metric, l.max(), value);
                if (n.max() != null || n.min() != null) {
                    limits.add(n);
                }
            } else {
                limits.add(l);
            }
        }
        if (!found && value != null) {
            limits.add(max ? new CullPass.Limit(metric, value, null) : new CullPass.Limit(metric, null, value));
        }
        pass.set(new CullPass(p.name(), limits, p.relative(), p.autoAcceptPercent()));
    }

    /** The absolute limit of a metric (max or min), or null. */
    public Double limit(String metric, boolean max) {
        for (CullPass.Limit l : pass.get().limits()) {
            if (l.metric().equals(metric)) {
                return max ? l.max() : l.min();
            }
        }
        return null;
    }

    /** Back to the pass's own limits. */
    public void resetLimits() {
        pass.set(checked.pass());
    }

    /** Metrics to chart: HFR, RMS and stars, then any other the pass judges. */
    public List<String> chartedMetrics() {
        Set<String> out = new LinkedHashSet<>();
        for (String m : CHARTED) {
            if (checked.group().frames().stream().anyMatch(f -> f.metric(m) != null) || CullPlanner.metricsOf(pass.get()).contains(m)) {
                out.add(m);
            }
        }
        out.addAll(CullPlanner.metricsOf(pass.get()));
        return new ArrayList<>(out);
    }

    /** One point of a chart: the frame's position in capture order, its value, and whether it is rejected now. */
    public record Point(int index, double value, boolean rejected, String file) {
    }

    /** A line across a chart: an absolute limit, or the mean ± kσ of a relative rule. */
    public record LimitLine(String label, double value) {
    }

    /** The points of a metric under the current proposal. */
    public List<Point> points(String metric) {
        GroupProposal p = proposal.get();
        Set<CullFrame> rejected = new HashSet<>();
        p.rejects().forEach(r -> rejected.add(r.frame()));
        List<Point> out = new ArrayList<>();
        List<CullFrame> frames = p.group().frames();
        for (int i = 0; i < frames.size(); i++) {
            Double v = frames.get(i).metric(metric);
            if (v != null) {
                out.add(new Point(i + 1, v, rejected.contains(frames.get(i)), frames.get(i).file().getFileName().toString()));
            }
        }
        return out;
    }

    /** The limits of a metric under the current pass. */
    public List<LimitLine> limits(String metric) {
        List<LimitLine> out = new ArrayList<>();
        GroupProposal p = proposal.get();
        for (CullPass.Limit l : p.pass().limits()) {
            if (l.metric().equals(metric)) {
                if (l.max() != null) {
                    out.add(new LimitLine("max " + l.max(), l.max()));
                }
                if (l.min() != null) {
                    out.add(new LimitLine("min " + l.min(), l.min()));
                }
            }
        }
        for (CullPass.RelativeLimit r : p.pass().relative()) {
            GroupProposal.MetricStats s = p.stats().get(r.metric());
            if (r.metric().equals(metric) && s != null && s.mean() != null && s.stddev() != null && s.withValue() >= 3) {
                double v = r.higherWorse() ? s.mean() + r.sigma() * s.stddev() : s.mean() - r.sigma() * s.stddev();
                out.add(new LimitLine("mean " + (r.higherWorse() ? "+ " : "− ") + r.sigma() + "σ", v));
            }
        }
        return out;
    }
}
