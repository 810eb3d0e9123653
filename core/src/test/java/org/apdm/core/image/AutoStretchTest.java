package org.apdm.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutoStretchTest {

    @Test
    void theSkyBackgroundLandsAtAQuarterAndStarsAreBright() {
        StarField.Field f = StarField.generate(StarField.Spec.round(512, 384, StarField.Profile.GAUSSIAN, 3.5));
        AutoStretch.Transfer t = AutoStretch.transfer(f.image());
        assertEquals(0.25, t.apply(1000), 0.02, "the background (1000 ADU) is shown at 0.25");
        assertTrue(t.apply(1000 - 3 * 20) < 0.05, "shadows below -2.8 MAD are clipped to black");
        assertTrue(t.apply(15000) > 0.9, "a star core is near white");
        AutoStretch.Rendered r = AutoStretch.render(f.image(), 4);
        assertEquals(128, r.width());
        assertEquals(96, r.height());
    }

    @Test
    void midtonesTransferIsThePixInsightFunction() {
        assertEquals(0.5, AutoStretch.mtf(0.2, 0.2), 1e-12);
        assertEquals(0.25, AutoStretch.mtf(AutoStretch.mtf(0.25, 0.1), 0.1), 1e-12);
    }
}
