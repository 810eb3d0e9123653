package org.apdm.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokenising cases of reference-spec §12.1 (get_file_headers), then the deliberate fixes. */
class PathTokensTest {

    /** Parses a '/'-separated relative path: folders outermost first, the file name last. */
    private static PathTokens parse(String path) {
        return PathTokens.parse(Arrays.asList(path.split("/")));
    }

    @Test
    void dashPairsAndSetTempWithANegativeValue() {
        PathTokens t = parse("KEY1-value1_SET-TEMP--10_KEY2_value2.fits");

        assertEquals("value1", t.get("KEY1"));
        assertEquals("-10", t.get("SETTEMP"), "SET-TEMP is one key, its value keeps the minus");
        assertEquals("value2", t.get("KEY2"));
    }

    @Test
    void exposureLosesItsSecondsSuffix() {
        PathTokens t = parse("KEY1-value1_EXPOSURE-120.00s_KEY2_value2.fits");

        assertEquals("120.00", t.get("EXPOSURE"));
        assertEquals("value1", t.get("KEY1"));
        assertEquals("value2", t.get("KEY2"));
    }

    @Test
    void underscorePairs() {
        PathTokens t = parse("dir/ONE_1_TWO_2_THREE_3");

        assertEquals("1", t.get("ONE"));
        assertEquals("2", t.get("TWO"));
        assertEquals("3", t.get("THREE"));
    }

    @Test
    void valuesMayContainSpaces() {
        PathTokens t = parse("dir/ONE_1_TWO_SOME THING_THREE_3");

        assertEquals("1", t.get("ONE"));
        assertEquals("SOME THING", t.get("TWO"));
        assertEquals("3", t.get("THREE"));
    }

    @Test
    void dashPairs() {
        PathTokens t = parse("dir/ONE-1_TWO-2_THREE-3");

        assertEquals("1", t.get("ONE"));
        assertEquals("2", t.get("TWO"));
        assertEquals("3", t.get("THREE"));
    }

    @Test
    void masterFlatNameWithCameraContainingSpaces() {
        PathTokens t = parse("dir/masterFlat_DATE_2023-12-04_FILTER_B_SETTEMP_-10.00_INSTRUME_ZWO ASI2600MM Pro"
                + "_GAIN_100_OFFSET_50.xisf");

        assertEquals("ZWO ASI2600MM Pro", t.get("INSTRUME"));
        assertEquals("100", t.get("GAIN"));
        assertEquals("2023-12-04", t.get("DATE"));
        assertEquals("B", t.get("FILTER"));
        assertEquals("-10.00", t.get("SETTEMP"));
        assertEquals("50", t.get("OFFSET"));
    }

    @Test
    void firstOccurrenceWins() {
        for (String name : List.of("TEST_A_TEST_B_NOTEST_C_TESTING_D", "NOTEST_C_TEST_A_TEST_B_TESTING_D",
                "NOTEST_C_TESTING_D_TEST_A_TEST_B")) {
            assertEquals("A", parse("dir/" + name).get("TEST"), name);
        }
    }

    @Test
    void outerFoldersWinOverInnerOnesAndOverTheFileName() {
        PathTokens t = parse("FILTER_Ha/GAIN_100_FILTER_OIII/FILTER_SII_GAIN_0_OFFSET_50.fits");

        assertEquals("Ha", t.get("FILTER"));
        assertEquals("100", t.get("GAIN"));
        assertEquals("50", t.get("OFFSET"));
    }

    @Test
    void fullMasterPathBelowARigAndTargetFolder() {
        String name = "masterFlat_DATE_2023-12-04_FILTER_X_SETTEMP_-10.00_INSTRUME_ASI2600MM Pro_GAIN_100_OFFSET_50.xisf";
        for (String path : List.of(
                "STUFF/data/R135@f2.8+ASI2600MM Pro/My Target Name Panel 3/accept/DATE_2023-12-04/" + name,
                "STUFF/data/R135@f2.8+ASI2600MM Pro/My Target Name Panel 3/DATE_2023-12-04/" + name)) {
            PathTokens t = parse(path);

            assertEquals("ASI2600MM Pro", t.get("INSTRUME"), path);
            assertEquals("100", t.get("GAIN"), path);
            assertEquals("2023-12-04", t.get("DATE"), path);
            assertEquals("X", t.get("FILTER"), path);
            assertEquals("-10.00", t.get("SETTEMP"), path);
            assertEquals("50", t.get("OFFSET"), path);
        }
    }

    @Test
    void tokensOfTargetAndAcceptFolders() {
        // reference objectFromPath=False: OBJECT comes from the inner folder's token
        PathTokens t = parse("sometbasepath/profileid/Target Name_LOCATION_Home/accept/"
                + "DATE_2023-12-12_OBJECT_Some Other Name/etc.fits");

        assertEquals("Some Other Name", t.get("OBJECT"));
        assertEquals("Home", t.get("LOCATION"));
        assertEquals("2023-12-12", t.get("DATE"));
    }

    @Test
    void gainAtTheEndOfAPixInsightMasterName() {
        PathTokens dashes = parse("temp/PI_WBPP/_calibration/master/masterFlat_BIN-1_6248x4176_FILTER-S_mono"
                + "_INSTRUME-ZWO ASI2600MM Pro_DATE-2023-12-06_SETTEMP--10.00_OFFSET-50_GAIN-100.xisf");
        PathTokens underscore = parse("master/masterFlat_BIN-1_6248x4176_FILTER-S_mono"
                + "_INSTRUME-ZWO ASI2600MM Pro_DATE-2023-12-06_SETTEMP--10.00_OFFSET-50_GAIN_100.xisf");

        assertEquals("100", dashes.get("GAIN"));
        assertEquals("S", dashes.get("FILTER"));
        assertEquals("ZWO ASI2600MM Pro", dashes.get("INSTRUME"));
        assertEquals("2023-12-06", dashes.get("DATE"));
        assertEquals("-10.00", dashes.get("SETTEMP"));
        assertEquals("50", dashes.get("OFFSET"));
        assertEquals("1", dashes.get("BIN"));
        assertEquals("100", underscore.get("GAIN"));
    }

    @Test
    void ninaLightNameWithMetrics() {
        PathTokens t = parse("child1/FILTER_UVIR_EXP_120.00_2023-12-07_20-27-45_HFR_2.51_STARS_718_RMSAC_0.85"
                + "_TEMP_-9.90.fits");

        assertEquals("UVIR", t.get("FILTER"));
        assertEquals("120.00", t.get("EXP"));
        assertEquals("2.51", t.get("HFR"));
        assertEquals("718", t.get("STARS"));
        assertEquals("0.85", t.get("RMSAC"));
        assertEquals("-9.90", t.get("TEMP"));
    }

    @Test
    void keysAreUpperCaseAndFileNameTokensAreKeptForBareWords() {
        PathTokens t = parse("dwarf/M 42_15s60_Astro_20250413-193110677_27C.fits");
        PathTokens lower = parse("filter_Ha_exp_300.fits");

        assertEquals(List.of("M 42", "15s60", "Astro", "20250413-193110677", "27C"), t.fileNameTokens());
        assertEquals("Ha", lower.get("FILTER"));
        assertEquals("300", lower.get("EXP"));
    }

    @Test
    void segmentsOfARelativePath() {
        assertEquals(List.of("a b", "c_d", "e.fits"), PathTokens.segments(Path.of("a b", "c_d", "e.fits")));
    }

    // ---- the old scripts' bugs, fixed

    @Test
    void aKnownKeyIsNotTakenAsTheValueOfTheWordBeforeIt() {
        PathTokens t = parse("RAW_EXP_300.fits");

        assertEquals("300", t.get("EXP"));
        assertNull(t.get("RAW"), "RAW=EXP would be junk");
    }

    @Test
    void emptyValuesAreNoValues() {
        PathTokens t = parse("2023-12-07_20-27-45_FILTER_R_HFR__STARS__RMSAC_0.85.fits");

        assertFalse(t.values().containsKey("HFR"));
        assertFalse(t.values().containsKey("STARS"));
        assertEquals("0.85", t.get("RMSAC"));
        assertEquals("R", t.get("FILTER"));
    }

    @Test
    void anEmptyValueDoesNotBlockALaterOne() {
        PathTokens t = parse("HFR__FILTER_/HFR_2.51_FILTER_Ha.fits");

        assertEquals("2.51", t.get("HFR"));
        assertEquals("Ha", t.get("FILTER"));
    }

    @Test
    void secondsSuffixIsDroppedFromEveryExposureKey() {
        assertEquals("120", parse("LIGHT_EXP_120s.fits").get("EXP"));
        assertEquals("300.5", parse("LIGHT_EXPTIME_300.5s.fits").get("EXPTIME"));
        assertEquals("120.00", parse("LIGHT_EXPOSURE_120.00s.fits").get("EXPOSURE"));
        assertEquals("Ss", parse("LIGHT_FILTER_Ss.fits").get("FILTER"), "only exposures lose an s");
        assertEquals("longs", parse("LIGHT_EXP_longs.fits").get("EXP"), "not a number: kept, and refused later");
    }

    @Test
    void dateObsInANameIsNotDateEqualsObs() {
        PathTokens t = parse("LIGHT_DATE-OBS_2023-12-04_DATE-LOC-2023-12-05.fits");

        assertNull(t.get("DATE"), "DATE-OBS must not give DATE=OBS");
        assertEquals("2023-12-04", t.get("DATEOBS"));
        assertEquals("2023-12-05", t.get("DATELOC"));
    }

    @Test
    void lowerCaseTokensFollowTheSameRules() {
        PathTokens t = parse("light_set-temp--10_ccd-temp_-9.8_date-obs_2023-12-04_filter_exp_300.fits");

        assertEquals("-10", t.get("SETTEMP"));
        assertEquals("-9.8", t.get("CCDTEMP"));
        assertEquals("2023-12-04", t.get("DATEOBS"));
        assertNull(t.get("DATE"), "date-obs must not give DATE=obs");
        assertNull(t.get("SET"));
        assertNull(t.get("FILTER"), "'exp' is a key, not the filter name");
        assertEquals("300", t.get("EXP"));
    }

    @Test
    void ccdTempIsOneKey() {
        PathTokens t = parse("LIGHT_CCD-TEMP_-9.80.fits");

        assertEquals("-9.80", t.get("CCDTEMP"));
        assertNull(t.get("CCD"));
    }
}
