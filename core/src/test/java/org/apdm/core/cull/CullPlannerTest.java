package org.apdm.core.cull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CullPlannerTest {

    static CullFrame frame(int i, Double hfr, Double rms, Double stars) {
        Map<String, Double> m = new HashMap<>();
        if (hfr != null) {
            m.put("hfr", hfr);
        }
        if (rms != null) {
            m.put("rmsac", rms);
        }
        if (stars != null) {
            m.put("stars", stars);
        }
        Path f = Path.of("/d/rig/10_Blink/M 31/DATE_2025-01-01/FILTER_L_EXP_300.00/f" + i + ".fits");
        return new CullFrame(f, Path.of("rig/10_Blink/M 31/DATE_2025-01-01/FILTER_L_EXP_300.00/f" + i + ".fits"), m);
    }

    static CullGroup group(CullFrame... frames) {
        return new CullGroup("rig", Path.of("rig/10_Blink/M 31/DATE_2025-01-01/FILTER_L_EXP_300.00"), List.of(frames));
    }

    static CullPass pass(double maxHfr, double maxRms, double auto) {
        return new CullPass("p", List.of(new CullPass.Limit("hfr", maxHfr, null), new CullPass.Limit("rmsac", maxRms, null)),
                List.of(), auto);
    }

    @Test
    void rejectsAboveALimitAndKeepsAValueEqualToIt() {
        GroupProposal p = CullPlanner.propose(group(frame(1, 4.6, 1.0, null), frame(2, 4.61, 1.0, null),
                frame(3, 3.0, 2.0, null), frame(4, 3.0, 2.01, null)), pass(4.6, 2, 30));
        assertEquals(List.of("f2.fits", "f4.fits"), p.rejects().stream().map(r -> r.frame().file().getFileName().toString()).toList());
        assertEquals(List.of("hfr 4.61 > 4.6"), p.rejects().get(0).reasons());
        assertEquals(List.of("rmsac"), p.rejects().get(1).metricsBroken());
    }

    @Test
    void aFrameWithoutAValueIsNeverRejectedForItAndCountsAsNoData() {
        GroupProposal p = CullPlanner.propose(group(frame(1, null, 5.0, null), frame(2, 9.0, null, null),
                frame(3, null, null, null)), pass(4, 2, 30));
        assertEquals(2, p.rejects().size(), "hfr 9 and rms 5 reject; the missing values reject nothing");
        assertEquals(2, p.stats().get("hfr").noData());
        assertEquals(2, p.stats().get("rmsac").noData());
        assertEquals(9.0, p.stats().get("hfr").max());
    }

    @Test
    void minimumStarsRejectsBelow() {
        CullPass stars = new CullPass("s", List.of(new CullPass.Limit("stars", null, 200.0)), List.of(), 30);
        GroupProposal p = CullPlanner.propose(group(frame(1, 2.0, 1.0, 150.0), frame(2, 2.0, 1.0, 200.0)), stars);
        assertEquals(1, p.rejects().size());
        assertEquals("stars 150 < 200", p.rejects().get(0).reasons().get(0));
    }

    @Test
    void statisticsGiveMinMedianMax() {
        GroupProposal p = CullPlanner.propose(group(frame(1, 2.0, null, null), frame(2, 5.0, null, null),
                frame(3, 3.0, null, null), frame(4, 4.0, null, null)), pass(10, 10, 30));
        GroupProposal.MetricStats s = p.stats().get("hfr");
        assertEquals(2.0, s.min());
        assertEquals(3.5, s.median());
        assertEquals(5.0, s.max());
        assertEquals(0, s.noData());
    }

    @Test
    void autoAcceptAppliesBelowTheShareButAsksAtItExactly() {
        List<CullFrame> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(frame(i, i < 3 ? 9.0 : 2.0, 1.0, null));
        }
        GroupProposal thirty = CullPlanner.propose(group(frames.toArray(new CullFrame[0])), pass(4, 2, 30));
        assertEquals(30.0, thirty.rejectedPercent());
        assertFalse(thirty.automatic(), "30 % rejected with auto-accept 30: asked");
        GroupProposal below = CullPlanner.propose(group(frames.toArray(new CullFrame[0])), pass(4, 2, 30.01));
        assertTrue(below.automatic(), "30 % rejected with auto-accept 30.01: applied");
        GroupProposal always = CullPlanner.propose(group(frame(1, 9.0, 1.0, null)), pass(4, 2, 100));
        assertEquals(100.0, always.rejectedPercent());
        assertTrue(always.automatic(), "auto-accept 100 always applies, even 100 % rejected");
    }

    @Test
    void theRelativeRuleRejectsFramesSigmasWorseThanTheGroupMean() {
        CullPass relative = new CullPass("rel", List.of(), List.of(new CullPass.RelativeLimit("hfr", 2.0, true),
                new CullPass.RelativeLimit("stars", 2.0, false)), 30);
        List<CullFrame> frames = new ArrayList<>();
        double[] hfr = {2.0, 2.1, 1.9, 2.05, 1.95, 2.0, 2.1, 1.9, 3.5};
        for (int i = 0; i < hfr.length; i++) {
            frames.add(frame(i, hfr[i], null, i == 4 ? 100.0 : 500.0 + i));
        }
        GroupProposal p = CullPlanner.propose(group(frames.toArray(new CullFrame[0])), relative);
        assertEquals(List.of("f4.fits", "f8.fits"),
                p.rejects().stream().map(r -> r.frame().file().getFileName().toString()).toList());
        assertTrue(p.rejects().get(1).reasons().get(0).contains("σ worse than the group mean"));
        assertEquals(List.of("stars"), p.rejects().get(0).metricsBroken(), "few stars is worse: lower is worse for stars");
    }

    @Test
    void theRelativeRuleNeedsThreeValues() {
        CullPass relative = new CullPass("rel", List.of(), List.of(new CullPass.RelativeLimit("hfr", 0.1, true)), 30);
        GroupProposal p = CullPlanner.propose(group(frame(1, 2.0, null, null), frame(2, 9.0, null, null)), relative);
        assertTrue(p.rejects().isEmpty());
        assertEquals(1, p.relativeNotes().size());
        assertNull(CullPlanner.propose(group(), relative).stats().get("hfr").min());
    }
}
