package org.apdm.gui.cull;

import java.util.concurrent.CompletableFuture;
import org.apdm.core.cull.GroupProposal;

/**
 * Asks the user about a group nobody reviewed, while a cull runs (normally never: the review covers every
 * group; files changed since then can bring new ones). Called on the FX thread; completes with the proposal
 * to apply, or null to keep every frame.
 */
@FunctionalInterface
public interface GroupAsker {
    CompletableFuture<GroupProposal> ask(GroupProposal proposal);
}
