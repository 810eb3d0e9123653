package org.apdm.gui.database;

import java.util.concurrent.CompletableFuture;
import org.apdm.core.profile.ProfileImportPlanner;

/**
 * Asks the user what to do with a N.I.N.A. profile whose name is not {@code <optic>@f<ratio>+<camera>}: skip it,
 * or import it under a rig name typed in (the command line's {@code --rig-name}). Called on the FX thread.
 */
@FunctionalInterface
public interface ProfileNameAsker {

    /** The answer: the rig name to import the profile as, or null to skip it. */
    record Answer(String rig) {
        public static Answer skip() {
            return new Answer(null);
        }

        public static Answer importAs(String rig) {
            return new Answer(rig);
        }
    }

    CompletableFuture<Answer> ask(ProfileImportPlanner.Skipped profile);
}
