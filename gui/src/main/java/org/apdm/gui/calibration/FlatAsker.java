package org.apdm.gui.calibration;

import java.util.concurrent.CompletableFuture;
import org.apdm.core.calibration.FlatDecider;

/**
 * Asks the user which night's master flat a night without its own should use (flat fallback "ask"). Called on the
 * FX thread; completes with the answer ({@link FlatDecider.Answer#none()} when the rig was changed).
 */
@FunctionalInterface
public interface FlatAsker {
    CompletableFuture<FlatDecider.Answer> ask(FlatDecider.Question question);
}
