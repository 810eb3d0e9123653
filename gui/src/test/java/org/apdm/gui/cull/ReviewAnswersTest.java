package org.apdm.gui.cull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apdm.core.cull.CullFrame;
import org.apdm.core.cull.CullGroup;
import org.apdm.core.cull.CullPass;
import org.apdm.core.cull.CullPlanner;
import org.apdm.core.cull.GroupProposal;
import org.junit.jupiter.api.Test;

/** The window's answers to the cull: from the review, with the limits as adjusted there, or asked when unknown. */
class ReviewAnswersTest {

    static final CullPass PASS = new CullPass("pass1", List.of(new CullPass.Limit("hfr", 4.6, null)), List.of(), 30);

    static GroupProposal proposal(String folder) {
        List<CullFrame> frames = new ArrayList<>();
        double[] hfr = {3.0, 5.0, 6.0, 4.8};
        for (int i = 0; i < hfr.length; i++) {
            frames.add(new CullFrame(Path.of("/d/" + folder + "/f" + i + ".fits"), Path.of(folder, "f" + i + ".fits"),
                    Map.of("hfr", hfr[i])));
        }
        return CullPlanner.propose(new CullGroup("C8E@f10.0+X", Path.of("C8E@f10.0+X/10_Blink/" + folder), frames), PASS);
    }

    @Test
    void rejectKeepAndAnAdjustedLimit() {
        GroupProposal a = proposal("A");
        GroupProposal b = proposal("B");
        GroupProposal c = proposal("C");
        CullPass looser = new CullPass("pass1", List.of(new CullPass.Limit("hfr", 5.5, null)), List.of(), 30);
        ReviewAnswers answers = new ReviewAnswers(Map.of(
                GroupReview.key(a), new ReviewAnswers.Answer(GroupReview.Decision.REJECT, PASS),
                GroupReview.key(b), new ReviewAnswers.Answer(GroupReview.Decision.KEEP, PASS),
                GroupReview.key(c), new ReviewAnswers.Answer(GroupReview.Decision.REJECT, looser)), p -> {
                    throw new AssertionError("nobody needs to be asked");
                });

        assertSame(a, answers.decide(a));
        assertNull(answers.decide(b));
        GroupProposal adjusted = answers.decide(c);
        assertEquals(1, adjusted.rejects().size(), "only the frame above the adjusted limit");
        assertEquals(List.of("hfr 6 > 5.5"), adjusted.rejects().get(0).reasons());
        assertEquals(List.of(), answers.asked());
    }

    @Test
    void aGroupNobodyReviewedIsAsked() {
        GroupProposal d = proposal("D");
        List<GroupProposal> asked = new ArrayList<>();
        ReviewAnswers answers = new ReviewAnswers(Map.of(), p -> {
            asked.add(p);
            return null;
        });

        assertNull(answers.decide(d));
        assertEquals(List.of(d), asked);
        assertEquals(List.of(d), answers.asked());
    }
}
