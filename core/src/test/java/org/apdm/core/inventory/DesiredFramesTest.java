package org.apdm.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Target Scheduler module plugs its source in through {@code META-INF/services}; without one nothing is wanted. */
class DesiredFramesTest {

    @TempDir
    Path dir;

    ApdmConfig config() throws Exception {
        return ConfigLoader.load(null, new ConfigLocations(dir.resolve("none.yaml"), dir), Map.of());
    }

    @Test
    void aRegisteredProviderIsUsedForItsConfiguration() throws Exception {
        ApdmConfig c = config();
        ApdmConfig withScheduler = c.withScheduler(new ApdmConfig.SchedulerSettings(dir.resolve("fake-desired.sqlite"),
                95, false, 5, java.time.Duration.ofSeconds(1)));
        List<String> warnings = new ArrayList<>();
        DesiredFrames d = DesiredFrames.fromConfig(withScheduler, warnings::add);
        assertTrue(d.available());
        assertEquals(1.0, d.desired("any rig", "M 31").get(0).hours(), 1e-9);
        assertEquals(List.of(), warnings);
    }

    @Test
    void withoutASourceWantIsUnknownNotZero() throws Exception {
        DesiredFrames d = DesiredFrames.fromConfig(config().withScheduler(new ApdmConfig.SchedulerSettings(null, 95,
                false, 5, java.time.Duration.ofSeconds(1))), w -> { });
        assertSame(DesiredFrames.NONE, d);
        assertFalse(d.available());
        assertEquals(List.of(), d.desired("rig", "target"));
    }
}
