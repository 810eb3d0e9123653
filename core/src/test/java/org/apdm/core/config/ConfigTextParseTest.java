package org.apdm.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Text the window is about to save is checked with the same messages as a file on disk. */
class ConfigTextParseTest {

    @Test
    void aWrongTypeNamesTheSettingAndTheLine() {
        String yaml = """
                rigs:
                  "C8E@f10.0+ZWO ASI2600MM Pro":
                    cull:
                      - name: pass1
                        max_hfr: four
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "config.yaml"));
        assertEquals(1, e.problems().size());
        String p = e.problems().get(0);
        assertTrue(p.startsWith("config.yaml line 5: "), p);
        assertTrue(p.contains("rigs.\"C8E@f10.0+ZWO ASI2600MM Pro\".cull[0].max_hfr: expected a number"), p);
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheAllowedOnes() {
        String yaml = "roots:\n  raw: /r\n  rwa: /x\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "c.yaml"));
        String p = e.problems().get(0);
        assertTrue(p.startsWith("c.yaml line 3: roots.rwa: unknown setting 'rwa'"), p);
        assertTrue(p.contains("settings allowed here: calibration, data"), p);
    }

    @Test
    void blankTextIsAnEmptyConfiguration() throws ConfigException {
        assertEquals(ConfigFile.empty(), ConfigLoader.parse("  \n", "c.yaml"));
    }
}
