package org.apdm.gui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/** Settings saved from the window keep the user's file as he wrote it, apart from what he changed. */
class ConfigDocumentTest {

    static final String EXAMPLE = ConfigLoader.exampleConfig();
    static final String C8E = "C8E@f10.0+ZWO ASI2600MM Pro";

    /** Lines of {@code after} that are not in {@code before}, and the other way round. */
    static List<String> diff(String before, String after) {
        List<String> a = new ArrayList<>(before.lines().toList());
        List<String> b = new ArrayList<>(after.lines().toList());
        List<String> out = new ArrayList<>();
        List<String> onlyA = new ArrayList<>(a);
        b.forEach(onlyA::remove);
        List<String> onlyB = new ArrayList<>(b);
        a.forEach(onlyB::remove);
        onlyA.forEach(l -> out.add("- " + l));
        onlyB.forEach(l -> out.add("+ " + l));
        return out;
    }

    static long comments(String text) {
        return text.lines().filter(l -> l.strip().startsWith("#")).count();
    }

    @Test
    void changingAValueChangesOnlyItsCharacters() {
        ConfigDocument d = ConfigDocument.of(EXAMPLE).with(List.of("roots", "raw"), "/astro/RAW");

        assertEquals(List.of("-   raw: ~/Astrophotography/RAW", "+   raw: /astro/RAW"), diff(EXAMPLE, d.text()));
        assertFalse(d.reformatted());
        assertEquals("/astro/RAW", d.get(List.of("roots", "raw")));
    }

    @Test
    void aNumberWithATrailingCommentKeepsTheComment() {
        ConfigDocument d = ConfigDocument.of(EXAMPLE).with(List.of("rigs", C8E, "cull", 0, "max_rms"), 1.8);

        assertEquals(List.of(
                "-         max_rms: 2.0          # guiding RMS in arcseconds (RMSAC in N.I.N.A. file names)",
                "+         max_rms: 1.8          # guiding RMS in arcseconds (RMSAC in N.I.N.A. file names)"),
                diff(EXAMPLE, d.text()));
    }

    @Test
    void aNewSettingReplacesItsCommentedOutExample() {
        ConfigDocument d = ConfigDocument.of(EXAMPLE).with(List.of("roots", "library"), "/astro/Library");

        assertEquals(List.of("-   # library: ~/Astrophotography/Data", "+   library: /astro/Library"), diff(EXAMPLE, d.text()));
        assertEquals(comments(EXAMPLE) - 1, comments(d.text()));
    }

    @Test
    void aNewSettingWithoutAnExampleIsAddedToItsSection() {
        ConfigDocument d = ConfigDocument.of(EXAMPLE).with(List.of("rigs", C8E, "calibration", "rig_changes"),
                List.of("2024-05-01"));

        assertEquals(List.of("+       rig_changes: ['2024-05-01']"), diff(EXAMPLE, d.text()));
        assertEquals(List.of("2024-05-01"), d.get(List.of("rigs", C8E, "calibration", "rig_changes")));
        assertEquals(comments(EXAMPLE), comments(d.text()));
    }

    @Test
    void aNewPassIsAppendedAsABlockAndAnOldOneRemoved() {
        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("name", "strict");
        pass.put("max_hfr", 3.5);
        pass.put("auto_accept_percent", 100);
        ConfigDocument added = ConfigDocument.of(EXAMPLE).with(List.of("rigs", C8E, "cull", 2), pass);

        assertEquals(List.of("+       - name: strict", "+         max_hfr: 3.5", "+         auto_accept_percent: 100"),
                diff(EXAMPLE, added.text()));
        ConfigDocument removed = added.with(List.of("rigs", C8E, "cull", 1), null);
        assertEquals(2, ((List<?>) removed.get(List.of("rigs", C8E, "cull"))).size());
        assertEquals("strict", removed.get(List.of("rigs", C8E, "cull", 1, "name")));
        assertEquals(comments(EXAMPLE), comments(removed.text()));
        assertFalse(removed.reformatted());
    }

    @Test
    void aFlowListIsRewrittenInPlace() {
        ConfigDocument d = ConfigDocument.of(EXAMPLE).with(List.of("rigs", C8E, "calibration", "darks"),
                List.of("exposure", "settemp", "camera", "gain"));

        assertEquals(List.of("-       darks: [exposure, settemp, camera, gain, offset]",
                "+       darks: [exposure, settemp, camera, gain]"), diff(EXAMPLE, d.text()));
    }

    @Test
    void aNewRigAndAMissingSectionAreCreated() {
        ConfigDocument d = ConfigDocument.of(EXAMPLE)
                .with(List.of("rigs", "RC8@f8.0+ZWO ASI2600MM Pro", "cull"), List.of(Map.of("name", "pass1", "max_hfr", 3.8)))
                .with(List.of("locations", "match_within_km"), 40);

        assertEquals(3.8, d.get(List.of("rigs", "RC8@f8.0+ZWO ASI2600MM Pro", "cull", 0, "max_hfr")));
        assertEquals(40, d.get(List.of("locations", "match_within_km")));
        assertEquals(comments(EXAMPLE), comments(d.text()));
        assertFalse(d.reformatted());
    }

    @Test
    void anEmptySectionGetsItsFirstSetting() {
        String yaml = "# mine\nroots:\nduplicates: keep  # always\n";
        ConfigDocument d = ConfigDocument.of(yaml).with(List.of("roots", "data"), "/d");

        assertEquals("# mine\nroots:\n  data: /d\nduplicates: keep  # always\n", d.text());
    }

    @Test
    void removingASettingDropsItsLines() {
        ConfigDocument d = ConfigDocument.of(EXAMPLE).with(List.of("sync_service", "timeout_seconds"), null);

        assertEquals(List.of("-   timeout_seconds: 120"), diff(EXAMPLE, d.text()));
        assertNull(d.get(List.of("sync_service", "timeout_seconds")));
    }

    @Test
    void namesThatNeedQuotesAreQuoted() {
        ConfigDocument d = ConfigDocument.of("roots:\n  raw: x\n").with(List.of("roots", "data"), "C:/Astro # data")
                .with(List.of("filters", "aliases", ""), "RGB");

        assertEquals("C:/Astro # data", d.get(List.of("roots", "data")));
        assertEquals("RGB", d.get(List.of("filters", "aliases", "")));
        assertTrue(d.text().startsWith("roots:\n  raw: x\n"), d.text());
    }

    @Test
    void anEmptyFileGetsTheSettings() {
        ConfigDocument d = ConfigDocument.of("").with(List.of("roots", "raw"), "/r");

        assertEquals("roots:\n  raw: /r\n", d.text());
    }

    @Test
    void aWindowsFileKeepsItsLineEndings() {
        String crlf = "# mine\r\nroots:\r\n  raw: C:/RAW\r\n";
        ConfigDocument d = ConfigDocument.of(crlf).with(List.of("roots", "data"), "C:/Data").with(List.of("roots", "raw"), "D:/RAW");

        assertEquals("# mine\r\nroots:\r\n  raw: D:/RAW\r\n  data: C:/Data\r\n", d.text());
        assertFalse(d.reformatted());
    }

    @Test
    void theResultReadsAsAValidConfiguration() throws Exception {
        ConfigDocument d = ConfigDocument.of(EXAMPLE).with(List.of("roots", "raw"), "/astro/RAW")
                .with(List.of("rigs", C8E, "cull", 0, "min_stars"), 150)
                .with(List.of("calibration", "flat_fallback"), "nearest");

        assertEquals(150.0, ConfigLoader.parse(d.text(), "c.yaml").rigs().get(C8E).cull().get(0).minStars());
        assertEquals("nearest", ConfigLoader.parse(d.text(), "c.yaml").calibration().flatFallback());
    }
}
