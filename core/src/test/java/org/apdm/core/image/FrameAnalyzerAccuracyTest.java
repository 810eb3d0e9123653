package org.apdm.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Synthetic star fields with known PSFs: the measured HFR and FWHM are within 5 % of the truth and the star count
 * within 10 %, for Gaussian and Moffat stars, round and elongated, with noise, a gradient and hot pixels.
 */
class FrameAnalyzerAccuracyTest {

    static Stream<Arguments> fields() {
        StarField.Spec g = StarField.Spec.round(1024, 768, StarField.Profile.GAUSSIAN, 3.5);
        StarField.Spec m = StarField.Spec.round(1024, 768, StarField.Profile.MOFFAT, 4.0);
        return Stream.of(
                Arguments.of("gaussian round", g),
                Arguments.of("gaussian small", StarField.Spec.round(1024, 768, StarField.Profile.GAUSSIAN, 2.2)),
                Arguments.of("gaussian wide", StarField.Spec.round(1024, 768, StarField.Profile.GAUSSIAN, 6.0).withSpacing(64)),
                Arguments.of("moffat round", m),
                Arguments.of("moffat beta 3", new StarField.Spec(1024, 768, StarField.Profile.MOFFAT, 4, 4, 0, 3.0, 64,
                        2000, 20000, 1000, 0, 20, 0, 7)),
                Arguments.of("gaussian elongated", g.elongated(2.5, 0.6)),
                Arguments.of("moffat elongated", m.elongated(3.0, 1.2)),
                Arguments.of("gaussian noisy", g.withNoise(60).withPeaks(1000, 10000)),
                Arguments.of("moffat gradient", m.withGradient(3000)),
                Arguments.of("gaussian hot pixels", g.withHotPixels(300)),
                Arguments.of("everything", m.elongated(3.2, 2.0).withNoise(40).withGradient(2000).withHotPixels(200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void measuresKnownStars(String name, StarField.Spec spec) {
        StarField.Field f = StarField.generate(spec);
        PixelMetrics m = FrameAnalyzer.analyze(f.image()).metrics();
        System.out.printf("%-20s stars %d/%d hfr %.3f/%.3f fwhm %.3f/%.3f ecc %.3f/%.3f bg %.1f noise %.2f%n", name,
                m.stars(), f.stars(), m.hfr(), f.hfr(), m.fwhm(), f.fwhm(), m.eccentricity(), f.eccentricity(),
                m.background(), m.noise());
        assertNotNull(m.hfr(), "no star measured");
        assertEquals(f.stars(), m.stars(), 0.10 * f.stars(), "star count");
        assertEquals(f.hfr(), m.hfr(), 0.05 * f.hfr(), "HFR");
        assertEquals(f.fwhm(), m.fwhm(), 0.05 * f.fwhm(), "FWHM");
        if (f.eccentricity() == 0) {
            // eccentricity grows as the square root of the axis difference: 0.2 is an axis ratio of 0.98
            assertTrue(m.eccentricity() < 0.25, "round stars measured with eccentricity " + m.eccentricity());
        } else {
            assertEquals(f.eccentricity(), m.eccentricity(), 0.05, "eccentricity");
        }
        assertEquals(spec.noise(), m.noise(), 0.1 * spec.noise(), "noise");
        assertTrue(Math.abs(m.background() - spec.background()) < 3 * spec.noise() + 0.02 * spec.gradient(),
                "background " + m.background());
    }
}
