package org.apdm.gui.shell;

import javafx.animation.AnimationTimer;

/**
 * Runs work at the start of the next frame of the FX thread. Building a large view in steps, one per frame, keeps
 * every frame short: {@code Platform.runLater} would run all steps before the next frame is drawn.
 */
public final class NextFrame {

    private NextFrame() {
    }

    /** Runs {@code step} on the FX thread when the next frame begins. Call on the FX thread. */
    public static void run(Runnable step) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                step.run();
            }
        }.start();
    }
}
