package org.apdm.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pattern language profiles are declared in: what a user's file names yield. */
class NamePatternTest {

    @Test
    void findsValuesInTheLastFoldersAndTheFileName() {
        NamePattern p = NamePattern.of("{OBJECT}/{TYPE}/{FILTER}/{OBJECT}_{TYPE}_{FILTER}_{EXP}_secs_"
                + "{DATE-LOC:yyyy-MM-dd'T'HH-mm-ss}_{SEQ}");
        Map<String, String> v = p.match(Path.of("anywhere", "M 31", "Light", "Ha",
                "M 31_Light_Ha_300_secs_2024-01-15T22-10-05_001.fits"));
        assertEquals(Map.of("OBJECT", "M 31", "TYPE", "Light", "FILTER", "Ha", "EXP", "300",
                "DATE-LOC", "2024-01-15T22:10:05", "SEQ", "001"), v);
    }

    @Test
    void aTimestampAtMidnightKeepsItsSecondsAndMillisecondsAreKept() {
        NamePattern p = NamePattern.of("{OBJECT}_{DATE-LOC:yyyyMMdd-HHmmssSSS}");
        assertEquals("2025-04-13T00:00:00", p.match(Path.of("M 42_20250413-000000000.fits")).get("DATE-LOC"));
        assertEquals("2025-04-13T19:31:10.677", p.match(Path.of("M 42_20250413-193110677.fits")).get("DATE-LOC"));
    }

    @Test
    void aNameOfAnotherShapeDoesNotMatch() {
        NamePattern p = NamePattern.of("{OBJECT}/{TYPE}/{OBJECT}_{TYPE}_{EXP}_secs_{SEQ}");
        assertNull(p.match(Path.of("M31", "Light", "M33_Light_300_secs_001.fits")), "OBJECT differs");
        assertNull(p.match(Path.of("Light", "M31_Light_300_secs_001.fits")), "too few folders");
        assertNull(NamePattern.of("{DATE-LOC:yyyyMMdd}_{SEQ}").match(Path.of("20241340_1.fits")), "month 13");
    }

    @Test
    void aTypoInAProfileIsCaughtWhenItIsDeclared() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NamePattern.of("{OBJEKT}_{SEQ}"))
                .getMessage().contains("{OBJEKT}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NamePattern.of("{EXP:0.0}"))
                .getMessage().contains("take a format"));
    }
}
