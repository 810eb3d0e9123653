package org.apdm.gui.calibration;

import org.apdm.core.calibration.FlatDecider;
import org.apdm.core.task.CancellationToken;
import org.apdm.gui.operation.FxQuestion;

/**
 * The window's side of the core's {@link FlatDecider}: while distribute plans on a worker thread, each question is
 * shown on the FX thread ({@link FlatAsker}) and the worker waits for the answer. Cancel leaves the question open,
 * as the command line does with nobody at the terminal.
 */
final class FlatChoices implements FlatDecider {

    private final FlatAsker asker;
    private final CancellationToken cancel;
    private final java.util.concurrent.atomic.AtomicInteger unanswered = new java.util.concurrent.atomic.AtomicInteger();

    FlatChoices(FlatAsker asker, CancellationToken cancel) {
        this.asker = asker;
        this.cancel = cancel;
    }

    /** Questions left open (cancelled while asking). */
    int unanswered() {
        return unanswered.get();
    }

    @Override
    public Answer choose(Question question) {
        Answer a = ask(question);
        if (!a.answered()) {
            unanswered.incrementAndGet();
        }
        return a;
    }

    private Answer ask(Question question) {
        return FxQuestion.ask(() -> asker.ask(question), cancel, Answer.unanswered());
    }
}
