package org.apdm.gui.cull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apdm.core.cull.CullOperation;
import org.apdm.core.cull.CullPass;
import org.apdm.core.cull.CullPlanner;
import org.apdm.core.cull.GroupProposal;

/**
 * The {@link CullOperation.Decider} of the window: answers from the decisions taken in the review (with the
 * limits as adjusted there, re-planned by {@link CullPlanner#propose}), and asks about any other group through
 * {@code unknown} (a dialog while running; "keep, and review it" while checking). Called on the worker thread;
 * reads only the immutable snapshot it was built with.
 */
final class ReviewAnswers implements CullOperation.Decider {

    /** A decision taken in the review. */
    record Answer(GroupReview.Decision decision, CullPass pass) {
    }

    /** Asks about a group nobody reviewed; may block the worker until the user answered. */
    @FunctionalInterface
    interface Unknown {
        GroupProposal ask(GroupProposal proposal);
    }

    private final Map<String, Answer> answers;
    private final Unknown unknown;
    private final List<GroupProposal> asked = new CopyOnWriteArrayList<>();

    ReviewAnswers(Map<String, Answer> answers, Unknown unknown) {
        this.answers = Map.copyOf(answers);
        this.unknown = unknown;
    }

    @Override
    public boolean approve(GroupProposal proposal) {
        return decide(proposal) != null;
    }

    @Override
    public GroupProposal decide(GroupProposal proposal) {
        Answer a = answers.get(GroupReview.key(proposal));
        if (a == null || a.decision() == GroupReview.Decision.UNDECIDED) {
            asked.add(proposal);
            return unknown.ask(proposal);
        }
        if (a.decision() == GroupReview.Decision.KEEP) {
            return null;
        }
        return a.pass().equals(proposal.pass()) ? proposal : CullPlanner.propose(proposal.group(), a.pass());
    }

    /** Groups that had no decision, in the order they were met. */
    List<GroupProposal> asked() {
        return List.copyOf(asked);
    }
}
