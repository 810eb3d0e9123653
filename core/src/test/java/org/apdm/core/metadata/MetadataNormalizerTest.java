package org.apdm.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.metadata.MetadataNormalizer.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** normalize_headers of reference-spec §1.3 / §12.1, with the old scripts' bugs fixed. */
class MetadataNormalizerTest {

    /** Values in folder names must round like the user's Python scripts did, so new folders match his old ones. */
    @ParameterizedTest
    @CsvSource({"0.125,0.12", "2.675,2.67", "0.7,0.70", "-9,-9.00", "300,300.00", "-0.001,0.00", "1.0051,1.01"})
    void twoDecimalsRoundLikePythonFormat(String raw, String expected) {
        assertEquals(expected, MetadataNormalizer.twoDecimals(raw));
    }

    @Test
    void coordinatesRoundToOneDecimalLikePython() {
        assertEquals("35.6", MetadataNormalizer.degrees("35.60527778"));
        assertEquals("-78.8", MetadataNormalizer.degrees("-78.79361111"));
        assertEquals("0.2", MetadataNormalizer.degrees("0.25"), "0.25 is exact in binary: half-even gives 0.2");
        assertEquals("35.6", MetadataNormalizer.degrees("+35 36 19.0"));
    }

    private static final Path FILE = Path.of("frame.fits");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static NormalizationRules rules(NightDateRule night) {
        return new NormalizationRules(NormalizationRules.DEFAULT_FILTER_ALIASES, night, NEW_YORK,
                NormalizationRules.DEFAULT_CAMERA_CONSTANTS, Set.of());
    }

    /** Keyword → value pairs; a value may be null (keyword present without a value). */
    private static Map<String, String> map(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Source header(String... keysAndValues) {
        return new Source(map(keysAndValues), false);
    }

    private static Source path(String... keysAndValues) {
        return new Source(map(keysAndValues), true);
    }

    private static FrameMetadata normalize(NightDateRule night, List<String> fileNameTokens, Source... sources) {
        return new MetadataNormalizer(rules(night)).normalize(FILE, List.of(sources), fileNameTokens, List.of());
    }

    private static FrameMetadata normalize(Source... sources) {
        return normalize(NightDateRule.LOCAL_MINUS_12H, List.of(), sources);
    }

    @Test
    void referenceNormalizeHeadersTable() {
        FrameMetadata m = normalize(NightDateRule.UTC_MINUS_16H, List.of(), header(
                "DATE-OBS", "2023-12-04T23:09:59.893", "FILTER", "O3", "EXPTIME", "0.7", "CCD-TEMP", "-9",
                "SET-TEMP", "-10", "IMAGETYP", "Master Flat", "GAIN", null, "OFFSET", "50", "TELESCOP", "C8",
                "FOCRATIO", "2.8", "INSTRUME", "ZWO ASI2600MM Pro", "SITELAT", null, "OBSGEO-B", "35.60527778",
                "SITELONG", null, "OBSGEO-L", "-78.79361111", "OBJECT", "Some Awesome Nebula"));

        assertEquals("2023-12-04", m.get(Field.DATE));
        assertEquals("2023-12-04_23-09-59", m.get(Field.DATETIME));
        assertEquals("O", m.get(Field.FILTER));
        assertEquals("0.70", m.get(Field.EXPOSURE));
        assertEquals("-9.00", m.get(Field.TEMP));
        assertEquals("-10.00", m.get(Field.SETTEMP));
        assertEquals("MASTER FLAT", m.get(Field.TYPE));
        assertEquals(FrameType.MASTER_FLAT, m.type());
        assertNull(m.get(Field.GAIN));
        assertEquals("50", m.get(Field.OFFSET));
        assertEquals("C8", m.get(Field.OPTIC));
        assertEquals("2.8", m.get(Field.FOCAL_RATIO));
        assertEquals("ZWO ASI2600MM Pro", m.get(Field.CAMERA));
        assertEquals("35.6", m.get(Field.LATITUDE));
        assertEquals("-78.8", m.get(Field.LONGITUDE));
        assertEquals("Some Awesome Nebula", m.get(Field.TARGET));
        assertNull(m.get(Field.PANEL));
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }

    @Test
    void focalRatioKeepsAtLeastOneDecimal() {
        assertEquals("2.8", normalize(header("FOCRATIO", "2.8")).get(Field.FOCAL_RATIO));
        assertEquals("10.0", normalize(header("FOCRATIO", "10")).get(Field.FOCAL_RATIO));
        assertEquals("4.75", normalize(header("FOCRATIO", "4.75")).get(Field.FOCAL_RATIO));
        assertEquals("6.3", normalize(header("FOCRATIO", "6.30000009536743")).get(Field.FOCAL_RATIO));
    }

    @Test
    void objectWithPanelSplitsIntoTargetAndPanel() {
        FrameMetadata m = normalize(header("OBJECT", "Some Awesome Nebula Panel 2"));

        assertEquals("Some Awesome Nebula", m.get(Field.TARGET));
        assertEquals("2", m.get(Field.PANEL));
    }

    @Test
    void panelSplitsAtTheLastPanelWordOnly() {
        FrameMetadata twice = normalize(header("OBJECT", "Orion Panel 1 Panel 2"));
        assertEquals("Orion Panel 1", twice.get(Field.TARGET));
        assertEquals("2", twice.get(Field.PANEL));

        FrameMetadata lower = normalize(header("OBJECT", "M 31 panel 2"));
        assertEquals("M 31 panel 2", lower.get(Field.TARGET), "the split is case-sensitive");
        assertNull(lower.get(Field.PANEL));

        FrameMetadata bare = normalize(header("OBJECT", "Panel 2"));
        assertEquals("Panel 2", bare.get(Field.TARGET), "needs a name before ' Panel '");
        assertNull(bare.get(Field.PANEL));

        FrameMetadata empty = normalize(header("OBJECT", "X Panel "));
        assertEquals("X", empty.get(Field.TARGET));
        assertNull(empty.get(Field.PANEL));
    }

    @Test
    void panelTokenWinsOverTheSplitOfTheName() {
        FrameMetadata other = normalize(path("PANEL", "6"), header("OBJECT", "My Target Panel 3"));
        assertEquals("6", other.get(Field.PANEL));
        assertEquals("My Target Panel 3", other.get(Field.TARGET), "a different panel number stays in the name");

        FrameMetadata same = normalize(path("PANEL", "3"), header("OBJECT", "My Target Panel 3"));
        assertEquals("3", same.get(Field.PANEL));
        assertEquals("My Target", same.get(Field.TARGET));
    }

    @Test
    void singleQuotesAreStrippedFromTargets() {
        assertEquals("Barnards Loop", normalize(header("OBJECT", "'Barnard's Loop'")).get(Field.TARGET));
        assertEquals("Barnards Loop", normalize(path("PANEL", "1"), header("OBJECT", "Barnard's Loop"))
                .get(Field.TARGET), "also when a PANEL token exists (the old scripts kept them then)");
    }

    @ParameterizedTest
    @CsvSource({
        "BaaderUVIRCut, UVIR",
        "OptolongLeXtreme, LeXtr",
        "S2, S",
        "Ha, H",
        "O3, O",
        "R, R",
        "SomethingElse, SomethingElse",
        "LexTr, LexTr"
    })
    void filterAliases(String written, String expected) {
        assertEquals(expected, normalize(header("IMAGETYP", "LIGHT", "FILTER", written)).get(Field.FILTER));
    }

    @Test
    void emptyOrMissingFilterOnLightsAndFlatsIsRgb() {
        assertEquals("RGB", normalize(header("IMAGETYP", "LIGHT", "FILTER", "")).get(Field.FILTER));
        assertEquals("RGB", normalize(header("IMAGETYP", "LIGHT")).get(Field.FILTER));
        assertEquals("RGB", normalize(header("IMAGETYP", "FLAT")).get(Field.FILTER));
        assertNull(normalize(header("IMAGETYP", "DARK")).get(Field.FILTER), "a dark has no filter");
        assertNull(normalize(header("IMAGETYP", "BIAS")).get(Field.FILTER));
    }

    @Test
    void nightIsDateLocMinus12HoursByDefault() {
        assertEquals("2025-03-01", normalize(header("DATE-LOC", "2025-03-02T01:30:00.000")).get(Field.DATE));
        assertEquals("2025-03-01", normalize(header("DATE-LOC", "2025-03-01T21:30:00.000")).get(Field.DATE));
        assertEquals("2025-03-01", normalize(header("DATE-LOC", "2025-03-02T11:59:59.999")).get(Field.DATE));
        assertEquals("2025-03-02", normalize(header("DATE-LOC", "2025-03-02T12:00:00.000")).get(Field.DATE));
    }

    @Test
    void dateLocWinsOverDateObsForTheNightByDefault() {
        // taken in Sydney (01:30 local = 14:30 UTC); DATE-OBS in the configured New York zone would say 28 February
        FrameMetadata m = normalize(header("DATE-OBS", "2025-03-01T14:30:00.000", "DATE-LOC", "2025-03-02T01:30:00.000"));

        assertEquals("2025-03-01", m.get(Field.DATE));
        assertEquals("2025-03-01_14-30-00", m.get(Field.DATETIME), "the file-name timestamp is UTC");
    }

    @Test
    void withoutDateLocTheNightUsesDateObsInTheConfiguredZone() {
        // 06:30 UTC on 2 March is 01:30 EST on 2 March: the night of 1 March in New York
        assertEquals("2025-03-01", normalize(header("DATE-OBS", "2025-03-02T06:30:00.000")).get(Field.DATE));
        // 18:00 UTC is 13:00 EST: the night of 2 March
        assertEquals("2025-03-02", normalize(header("DATE-OBS", "2025-03-02T18:00:00.000")).get(Field.DATE));
    }

    @Test
    void oldRuleIsDateObsMinus16Hours() {
        assertEquals("2023-10-02", night16("2023-10-02T21:04:46.237"));
        assertEquals("2023-10-01", night16("2023-10-02T01:04:46.237"));
        assertEquals("2023-10-01", night16("2023-10-02T15:59:59.999"));
        assertEquals("2023-10-02", night16("2023-10-02T16:00:00.000"));
        assertEquals("2023-10-02", normalize(NightDateRule.UTC_MINUS_16H, List.of(),
                header("DATE-OBS", "2023-10-02T21:04:46.237", "DATE-LOC", "2023-10-01T12:00:00.000")).get(Field.DATE),
                "the old rule ignores DATE-LOC");
        assertEquals(NightDateRule.UTC_MINUS_16H, NightDateRule.parse("date-obs-minus-16h"));
        assertEquals(NightDateRule.LOCAL_MINUS_12H, NightDateRule.parse(" Date-Loc-Minus-12h "));
    }

    private static String night16(String dateObs) {
        return normalize(NightDateRule.UTC_MINUS_16H, List.of(), header("DATE-OBS", dateObs)).get(Field.DATE);
    }

    @Test
    void datetimeIsTheFileNameTimestamp() {
        assertEquals("2023-10-02_21-04-46", normalize(header("DATE-OBS", "2023-10-02T21:04:46.237")).get(Field.DATETIME));
        assertEquals("2023-10-02_01-04-46", normalize(header("DATE-OBS", "2023-10-02T01:04:46.237")).get(Field.DATETIME));
    }

    @Test
    void dateObsWithAnyNumberOfFractionalDigitsAndZ() {
        for (String obs : List.of("2025-06-13T21:57:30", "2025-06-13T21:57:30.115", "2025-06-13T21:57:30.1150000",
                "2025-06-13T21:57:30.1150000Z", "2025-06-13T21:57:30Z", "2025-06-13T21:57:30.9")) {
            FrameMetadata m = normalize(NightDateRule.UTC_MINUS_16H, List.of(), header("DATE-OBS", obs));

            assertEquals("2025-06-13", m.get(Field.DATE), obs);
            assertEquals("2025-06-13_21-57-30", m.get(Field.DATETIME), obs);
            assertTrue(m.warnings().isEmpty(), obs + ": " + m.warnings());
        }
    }

    @Test
    void unreadableTimestampIsDroppedWithAWarning() {
        FrameMetadata m = normalize(header("DATE-OBS", "last Tuesday"));

        assertNull(m.get(Field.DATE));
        assertNull(m.get(Field.DATETIME));
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("DATE-OBS") && w.contains("last Tuesday")), m.warnings().toString());
    }

    @Test
    void exposurePrefersExposureOverExptimeOverExp() {
        assertEquals("120.00", normalize(header("EXP", "30", "EXPTIME", "60", "EXPOSURE", "120")).get(Field.EXPOSURE));
        assertEquals("60.00", normalize(header("EXP", "30", "EXPTIME", "60")).get(Field.EXPOSURE));
        assertEquals("30.00", normalize(header("EXP", "30")).get(Field.EXPOSURE));
        // old quirk: x_EXPOSURE_120s_EXP_30 gave 30.00 because the last writer won
        assertEquals("120.00", normalize(path("EXPOSURE", "120", "EXP", "30")).get(Field.EXPOSURE));
    }

    @Test
    void aFlatOfAMillisecondKeepsItsExposureWhileABiasKeepsNinasZero() {
        assertEquals("0.001", normalize(header("IMAGETYP", "Flat", "EXPTIME", "0.001")).get(Field.EXPOSURE),
                "an ASIAIR panel flat of 1.0 ms is not a flat of no exposure");
        assertEquals("0.00025", normalize(header("IMAGETYP", "Dark", "EXPTIME", "0.00025")).get(Field.EXPOSURE));
        assertEquals("0.81", normalize(header("IMAGETYP", "Flat", "EXPTIME", "0.81")).get(Field.EXPOSURE));
        assertEquals("0.00", normalize(header("IMAGETYP", "Bias", "EXPTIME", "0.001")).get(Field.EXPOSURE),
                "bias folders stay EXP_0.00, as N.I.N.A. names them");
    }

    @Test
    void nonNumericExposureIsDroppedWithAWarning() {
        FrameMetadata m = normalize(header("EXPOSURE", "long"));

        assertNull(m.get(Field.EXPOSURE), "never written into a folder name");
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("EXPOSURE") && w.contains("'long'")), m.warnings().toString());
        assertNull(normalize(header("EXPOSURE", "120s")).get(Field.EXPOSURE));
        assertNull(normalize(header("EXPOSURE", "NaN")).get(Field.EXPOSURE));
        assertNull(normalize(header("GAIN", "high")).get(Field.GAIN));
    }

    @Test
    void nonNumericPreferredKeyFallsBackToTheNextKeyOfTheSameSource() {
        FrameMetadata m = normalize(header("EXPOSURE", "n/a", "EXPTIME", "120"));

        assertEquals("120.00", m.get(Field.EXPOSURE));
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("'n/a'")), m.warnings().toString());
    }

    @Test
    void nonNumericValueInTheFirstSourceFallsBackToTheNextSource() {
        FrameMetadata m = normalize(path("EXP", "abc"), header("EXPOSURE", "300"));

        assertEquals("300.00", m.get(Field.EXPOSURE));
    }

    @Test
    void dateTokenInThePathWinsOverTheHeaderDate() {
        FrameMetadata m = normalize(path("DATE", "2023-12-12"), header("DATE-LOC", "2023-12-09T22:00:00.000",
                "DATE-OBS", "2023-12-10T03:00:00.000"));

        assertEquals("2023-12-12", m.get(Field.DATE));
        assertEquals("2023-12-10_03-00-00", m.get(Field.DATETIME), "the file-name timestamp still comes from the header");
        assertEquals("2023-12-12", normalize(path("DATE", "20231212")).get(Field.DATE));
    }

    @Test
    void dateTokenThatIsNotADateIsIgnoredWithAWarning() {
        FrameMetadata m = normalize(path("DATE", "tonight"), header("DATE-LOC", "2023-12-09T22:00:00.000"));

        assertEquals("2023-12-09", m.get(Field.DATE));
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("tonight")), m.warnings().toString());
    }

    @Test
    void firstSourceWinsFieldByField() {
        FrameMetadata m = normalize(path("GAIN", "999", "FILTER", "X"), header("GAIN", "100", "FILTER", "B", "OFFSET", "50"));

        assertEquals("999", m.get(Field.GAIN));
        assertEquals("X", m.get(Field.FILTER));
        assertEquals("50", m.get(Field.OFFSET), "a later source fills gaps");
    }

    @Test
    void pathTempWinsOverCcdTempButHeaderTempIsNotASensorTemperature() {
        assertEquals("-9.90", normalize(path("TEMP", "-9.9"), header("CCD-TEMP", "-5")).get(Field.TEMP));
        assertEquals("-5.00", normalize(header("TEMP", "20", "CCD-TEMP", "-5")).get(Field.TEMP));
    }

    @Test
    void dwarfCameraConstants() {
        List<String> astro = List.of("M 42", "15s60", "Astro", "20250413-193110677", "27C");
        FrameMetadata m = normalize(NightDateRule.LOCAL_MINUS_12H, astro, header("INSTRUME", "DWARFIII"));

        assertEquals("4.3", m.get(Field.FOCAL_RATIO));
        assertEquals("LIGHT", m.get(Field.TYPE));
        assertEquals("Astro", m.get(Field.FILTER));

        List<String> duo = List.of("M 42", "15s60", "Duo-Band", "20250413-193110677", "27C");
        assertEquals("Duo-Band", normalize(NightDateRule.LOCAL_MINUS_12H, duo, header("INSTRUME", "DWARFIII")).get(Field.FILTER));
    }

    @Test
    void dwarfConstantsNeverOverrideWrittenValues() {
        List<String> astro = List.of("M 42", "Astro");
        FrameMetadata m = normalize(NightDateRule.LOCAL_MINUS_12H, astro,
                header("INSTRUME", "DWARFIII", "FOCRATIO", "5.6", "IMAGETYP", "DARK", "FILTER", "Ha"));

        assertEquals("5.6", m.get(Field.FOCAL_RATIO));
        assertEquals("DARK", m.get(Field.TYPE));
        assertEquals("H", m.get(Field.FILTER));

        FrameMetadata other = normalize(NightDateRule.LOCAL_MINUS_12H, astro, header("INSTRUME", "ASI2600MM"));
        assertNull(other.get(Field.FOCAL_RATIO), "constants belong to the DWARF only");
        assertNull(other.get(Field.FILTER));
    }

    @Test
    void latitudeAndLongitudeToOneDecimalFromDecimalOrSexagesimal() {
        FrameMetadata m = normalize(header("SITELAT", "+35 36 19.0", "SITELONG", "-78 47 37"));

        assertEquals("35.6", m.get(Field.LATITUDE));
        assertEquals("-78.8", m.get(Field.LONGITUDE));
        assertEquals("0.0", normalize(header("SITELAT", "-0.01")).get(Field.LATITUDE), "no negative zero in a path");
    }

    @Test
    void gainOffsetAndFocalLengthArePlainNumbers() {
        FrameMetadata m = normalize(header("GAIN", "100.0", "OFFSET", "50", "FOCALLEN", "2032.5"));

        assertEquals("100", m.get(Field.GAIN));
        assertEquals("50", m.get(Field.OFFSET));
        assertEquals("2032.5", m.get(Field.FOCAL_LENGTH));
    }

    @Test
    void binningFromXAndYBinning() {
        assertEquals("2x2", normalize(header("XBINNING", "2", "YBINNING", "2")).get(Field.BINNING));
        assertEquals("1x1", normalize(header("XBINNING", "1")).get(Field.BINNING));
        assertEquals("1", normalize(path("BIN", "1")).get(Field.BINNING));
    }
}
