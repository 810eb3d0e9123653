package org.apdm.core.inventory;

import java.io.IOException;
import java.util.List;
import java.util.ServiceLoader;
import org.apdm.core.config.ApdmConfig;

/**
 * How much data the user wants of a target: the "want" of {@code totals.txt}, the completion of
 * {@code apdm report} and "ready for master" in {@code apdm status}. The Target Scheduler integration
 * implements it (exposure plans' desired counts); until one is configured, nothing is wanted
 * ({@link #NONE}).
 */
public interface DesiredFrames {

    /**
     * What is wanted of one filter (and panel) of a target.
     *
     * @param filter          canonical filter name ({@code H}); the scheduler's exposure template name
     * @param panel           mosaic panel, "" when none
     * @param frames          desired frames
     * @param exposureSeconds seconds per frame
     */
    record Desired(String filter, String panel, int frames, double exposureSeconds) {
        public double hours() {
            return frames * exposureSeconds / 3600.0;
        }
    }

    /**
     * The wanted data of a target on a rig.
     *
     * @param rig    rig folder name ({@code C8E@f10.0+ZWO ASI2600MM Pro})
     * @param target target name as the archive has it (without {@code " Panel N"})
     * @return every filter and panel planned; empty when nothing is planned or the target is unknown
     */
    List<Desired> desired(String rig, String target);

    /** False when there is no source at all, so "want" is unknown rather than zero. */
    default boolean available() {
        return true;
    }

    /** No source: nothing is wanted, and reports say so. */
    DesiredFrames NONE = new DesiredFrames() {
        @Override
        public List<Desired> desired(String rig, String target) {
            return List.of();
        }

        @Override
        public boolean available() {
            return false;
        }
    };

    /**
     * The first source a {@link DesiredFramesProvider} on the class path offers for this configuration,
     * else {@link #NONE}. A source that fails to open is reported through {@code warnings} and skipped.
     */
    static DesiredFrames fromConfig(ApdmConfig config, java.util.function.Consumer<String> warnings) {
        for (DesiredFramesProvider p : ServiceLoader.load(DesiredFramesProvider.class)) {
            try {
                java.util.Optional<DesiredFrames> d = p.open(config);
                if (d.isPresent()) {
                    return d.get();
                }
            } catch (IOException | RuntimeException e) {
                warnings.accept("desired frames are not available: " + e.getMessage());
            }
        }
        return NONE;
    }
}
