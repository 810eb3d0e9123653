package org.apdm.gui.task;

import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/** Work for the background executor: a core call with the listener and token it needs. Runs off the FX thread. */
@FunctionalInterface
public interface Work<T> {
    T run(ProgressListener listener, CancellationToken cancel) throws Exception;
}
