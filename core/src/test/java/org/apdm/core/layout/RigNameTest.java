package org.apdm.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RigNameTest {

    @Test
    void cameraIsEverythingAfterTheFirstPlus() {
        RigName r = RigName.parse("C8E@f10.0+ZWO ASI2600MM Pro").orElseThrow();
        assertEquals("C8E", r.optic());
        assertEquals("10.0", r.focalRatio());
        assertEquals("ZWO ASI2600MM Pro", r.camera());
        assertEquals("Canon EOS 6D+Mod", RigName.parse("R135@f2.8+Canon EOS 6D+Mod").orElseThrow().camera());
    }

    @Test
    void namesWithoutTheConventionAreNotRigs() {
        assertTrue(RigName.parse("WO-GT81-0.8_ASI2600_AM5").isEmpty());
        assertTrue(RigName.parse("NINA_Quattro").isEmpty());
    }
}
