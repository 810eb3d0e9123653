package org.apdm.core.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apdm.core.calibration.MasterKind;
import org.junit.jupiter.api.Test;

/** The script Siril runs: the right command for the installed version, and folders with blanks quoted. */
class SirilScriptTest {

    final Path frames = Path.of("/state/integrate/b/003-flat/frames");
    final Path seq = Path.of("/state/integrate/b/003-flat/seq");
    final Path out = Path.of("/state/integrate/b/003-flat/master");
    final Path bias = Path.of("/state/integrate/b/masters/masterBias_001.fits");

    /** A path as the script writes it: absolute, with forward slashes (C:/… on Windows). */
    static String abs(String p) {
        return Path.of(p).toAbsolutePath().toString().replace('\\', '/');
    }

    @Test
    void flatsAreCalibratedWithTheCommandOfTheInstalledSiril() {
        String old = SirilScript.of(MasterKind.FLAT, frames, seq, out, bias, "rej 3 3 -norm=mul",
                new SirilRunner.Version(1, 0, 6));
        assertTrue(old.contains("\npreprocess raw -bias=" + abs("/state/integrate/b/masters/masterBias_001.fits") + "\n"), old);
        assertTrue(old.endsWith("stack pp_raw rej 3 3 -norm=mul -out=" + abs("/state/integrate/b/003-flat/master") + "\n"), old);
        String current = SirilScript.of(MasterKind.FLAT, frames, seq, out, bias, "rej 3 3 -norm=mul",
                SirilRunner.Version.parse("siril 1.2.4").orElseThrow());
        assertTrue(current.contains("\ncalibrate raw -bias="), current);
    }

    @Test
    void flatsWithoutABiasAndDarksAreStackedAsTheyAre() {
        String flat = SirilScript.of(MasterKind.FLAT, frames, seq, out, null, "rej 3 3 -norm=mul",
                new SirilRunner.Version(1, 2, 0));
        assertTrue(flat.contains("stack raw rej 3 3 -norm=mul"), flat);
        String dark = SirilScript.of(MasterKind.DARK, Path.of("/My Astro/frames"), seq, out, null, "rej 3 3 -nonorm",
                new SirilRunner.Version(1, 0, 0));
        assertEquals("requires 1.0.0\ncd \"" + abs("/My Astro/frames") + "\"\nconvert raw -out=" + abs("/state/integrate/b/003-flat/seq")
                + "\ncd " + abs("/state/integrate/b/003-flat/seq") + "\nstack raw rej 3 3 -nonorm -out="
                + abs("/state/integrate/b/003-flat/master") + "\n", dark);
    }
}
