package org.apdm.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paths exactly as each program writes them (docs/capture-profiles.md says where each example was seen): the
 * program is detected from the path alone, and the path gives what the header may lack.
 */
class CaptureProfilesTest {

    static final CaptureSource AUTO = new CaptureSource(Path.of("/card"), CaptureProfiles.AUTO, Map.of());

    static CaptureProfileMatcher.Facts detect(String path) {
        return CaptureProfileMatcher.facts(AUTO, Path.of(path));
    }

    static void assertValues(String path, String program, Map<String, String> expected) {
        CaptureProfileMatcher.Facts f = detect(path);
        assertEquals(program, f.profile().program(), path);
        assertFalse(f.output(), path);
        assertEquals(expected, f.layers().pattern(), path);
    }

    @Test
    void ekosDefaultFormatWithAndWithoutFilter() {
        assertValues("M 31/Light/Ha/M 31_Light_Ha_300_secs_2024-01-15T22-10-05_001.fits", "KStars/Ekos",
                Map.of("OBJECT", "M 31", "TYPE", "Light", "FILTER", "Ha", "EXP", "300", "DATE-LOC", "2024-01-15T22:10:05"));
        assertValues("M 31/Dark/M 31_Dark_0.500_secs_2024-01-16T08-00-00_012.fits", "KStars/Ekos",
                Map.of("OBJECT", "M 31", "TYPE", "Dark", "EXP", "0.500", "DATE-LOC", "2024-01-16T08:00:00"));
        assertEquals("DARK", detect("M 31/DarkFlat/L/M 31_DarkFlat_L_2_secs_2024-01-16T08-00-00_001.fits")
                .layers().pattern().get("TYPE"), "a dark flat is a dark of the flat's exposure");
    }

    @Test
    void asiairLightsAndCalibrationInAllTheirVariants() {
        assertValues("Autorun/Light/M 16/Light_M 16_300.0s_Bin1_2600MC_gain100_20250320-045641_14.0C_0001.fit",
                "ZWO ASIAIR", Map.of("TYPE", "Light", "OBJECT", "M 16", "EXP", "300", "BIN", "1", "GAIN", "100",
                        "DATE-LOC", "2025-03-20T04:56:41", "TEMP", "14.0"));
        assertValues("Plan/Light/LDN 1093/Light_LDN 1093_120.0s_Bin1_H_gain100_20240707-002348_-10.0C_0001.fit",
                "ZWO ASIAIR", Map.of("TYPE", "Light", "OBJECT", "LDN 1093", "EXP", "120", "BIN", "1", "FILTER", "H",
                        "GAIN", "100", "DATE-LOC", "2024-07-07T00:23:48", "TEMP", "-10.0"));
        assertValues("Autorun/Flat/Flat_810.0ms_Bin1_H_gain0_20240707-102251_-9.9C_0019.fit", "ZWO ASIAIR",
                Map.of("TYPE", "Flat", "EXP", "0.81", "BIN", "1", "FILTER", "H", "GAIN", "0",
                        "DATE-LOC", "2024-07-07T10:22:51", "TEMP", "-9.9"));
        assertValues("Autorun/Flat/Flat_1.0ms_Bin1_S_gain100_20240624-094304_-10.5C_0001.fit", "ZWO ASIAIR",
                Map.of("TYPE", "Flat", "EXP", "0.001", "BIN", "1", "FILTER", "S", "GAIN", "100",
                        "DATE-LOC", "2024-06-24T09:43:04", "TEMP", "-10.5"));
        assertValues("Autorun/Flat/Flat_3.4s_Bin1_2600MM_OIII_gain100_20260701-210029_272deg_-6.5C_0010.fit",
                "ZWO ASIAIR", Map.of("TYPE", "Flat", "EXP", "3.4", "BIN", "1", "FILTER", "OIII", "GAIN", "100",
                        "DATE-LOC", "2026-07-01T21:00:29", "TEMP", "-6.5"));
        assertValues("Autorun/Bias/Bias_250.0us_Bin1_ISO800_20220916-150458_36.0C_0001.fit", "ZWO ASIAIR",
                Map.of("TYPE", "Bias", "EXP", "0.00025", "BIN", "1", "DATE-LOC", "2022-09-16T15:04:58", "TEMP", "36.0"));
        assertValues("Autorun/Dark/Dark_300.0s_Bin1_2600MM_gain120_20260716-193952_180deg_-10.3C_APO120_0001.fit",
                "ZWO ASIAIR", Map.of("TYPE", "Dark", "EXP", "300", "BIN", "1", "GAIN", "120",
                        "DATE-LOC", "2026-07-16T19:39:52", "TEMP", "-10.3"));
        assertTrue(detect("Live/Dark/MasterDark_Stack10_30.0s_Bin1_2600MC_gain100_20250223-200216_-10.0C.fit").output(),
                "the ASIAIR's live-stacked master is not a sub");
        assertTrue(CaptureProfiles.ASIAIR.ignoredHeader().contains("TELESCOP"), "ASIAIR writes the mount there");
    }

    @Test
    void seestarSubsAndItsStacks() {
        assertValues("MyWorks/M 81_sub/Light_M 81_10.0s_IRCUT_20250607-221746.fit", "ZWO Seestar",
                Map.of("OBJECT", "M 81", "EXP", "10.0", "FILTER", "IRCUT", "DATE-LOC", "2025-06-07T22:17:46",
                        "TYPE", "LIGHT"));
        assertValues("MyWorks/M 31_mosaic_sub/Light_M 31_10.0s_LP_20251001-213000.fit", "ZWO Seestar",
                Map.of("OBJECT", "M 31", "EXP", "10.0", "FILTER", "LP", "DATE-LOC", "2025-10-01T21:30:00",
                        "TYPE", "LIGHT"));
        assertTrue(detect("MyWorks/M 81/Stacked_37_M 81_10.0s_IRCUT_20250607-221810.fit").output());
    }

    @Test
    void dwarf3SubsFailedSubsDarksAndItsOwnProducts() {
        Map<String, String> sub = Map.of("OBJECT", "IC 434", "EXP", "60", "GAIN", "60", "FILTER", "Astro",
                "DATE-LOC", "2025-10-18T04:52:26.559", "TEMP", "17", "TYPE", "LIGHT");
        assertValues("IC 434 Horsehead Nebula/DWARF_RAW_TELE_IC 434_EXP_60_GAIN_60_2025-10-18-04-51-22-420/"
                + "IC 434_60s60_Astro_20251018-045226559_17C.fits", "DWARF 3", sub);
        assertValues("DWARF_RAW_TELE_IC 434_EXP_60_GAIN_60_2025-10-18-04-51-22-420/"
                + "failed_IC 434_60s60_Astro_20251018-045226559_17C.fits", "DWARF 3", sub);
        assertValues("M 42_15s60_Astro_20250413-193110677_27C.fits", "DWARF 3", Map.of("OBJECT", "M 42", "EXP", "15",
                "GAIN", "60", "FILTER", "Astro", "DATE-LOC", "2025-04-13T19:31:10.677", "TEMP", "27", "TYPE", "LIGHT"));
        assertValues("Barnard 33_30s60_Duo-Band_20260324-203732172_36C.fits", "DWARF 3", Map.of("OBJECT", "Barnard 33",
                "EXP", "30", "GAIN", "60", "FILTER", "Duo-Band", "DATE-LOC", "2026-03-24T20:37:32.172", "TEMP", "36",
                "TYPE", "LIGHT"));
        assertValues("DWARF_DARK/tele_exp_15_gain_130_bin_1_2025-10-31-05-42-52-480/raw_15s_130_0000_20251031-054306711_16C.fits",
                "DWARF 3", Map.of("EXP", "15", "GAIN", "130", "DATE-LOC", "2025-10-31T05:43:06.711", "TEMP", "16",
                        "TYPE", "DARK"));
        assertTrue(detect("DWARF_RAW_TELE_IC 434_EXP_60_GAIN_60_2025-10-18-04-51-22-420/"
                + "stacked-16_IC 434_60s60_Astro_20251018-045127226.fits").output());
        assertTrue(detect("CALI_FRAME/dark/cam_0/dark_exp_15.000000_gain_130_bin_1_16C_stack_10.fits").output());
    }

    @Test
    void sharpCapWithAndWithoutATargetName() {
        assertValues("SharpCap Captures/2025-07-11/M57/23_40_59/M57_00004.fits", "SharpCap", Map.of("OBJECT", "M57"));
        assertValues("SharpCap Captures/2024-02-26/Capture/12_49_51/Capture_00001.fits", "SharpCap", Map.of());
    }

    @Test
    void aptLightsAndSingleShots() {
        assertValues("ZWO_ASI294MC_Pro/2018-09-17/M33/L_2018-09-18_01-00-46_Bin1x1_240s__-15C.fit",
                "Astro Photography Tool", Map.of("TYPE", "LIGHT", "BIN", "1x1", "EXP", "240", "TEMP", "-15"));
        assertValues("Single__2021-11-12_23-03-07_Bin1x1_130s__-15C.fit", "Astro Photography Tool",
                Map.of("BIN", "1x1", "EXP", "130", "TEMP", "-15"));
    }

    @Test
    void ninaDefaultPatternAndAnythingElseIsReadAsNina() {
        assertValues("2024-10-04/LIGHT/2024-10-04_23-10-00_Ha_-10.00_300.00s_0001.fits", "N.I.N.A.",
                Map.of("DATE", "2024-10-04", "TYPE", "LIGHT", "DATE-LOC", "2024-10-04T23:10:00", "FILTER", "Ha",
                        "TEMP", "-10.00", "EXP", "300.00"));
        CaptureProfileMatcher.Facts other = detect("M 31/FILTER_Ha_EXP_300/frame_0001.fits");
        assertEquals("N.I.N.A.", other.profile().program());
        assertTrue(other.layers().pattern().isEmpty());
    }

    @Test
    void theHeadersCreatorNamesTheProgramOfARenamedFrame() {
        assertEquals(CaptureProfiles.ASIAIR, CaptureProfiles.byCreator(Map.of("CREATOR", "ZWO ASIAIR Plus")));
        assertEquals(CaptureProfiles.SEESTAR, CaptureProfiles.byCreator(Map.of("CREATOR", "ZWO Seestar S50")));
        assertEquals(CaptureProfiles.SHARPCAP, CaptureProfiles.byCreator(Map.of("SWCREATE", "SharpCap v4.1.12946.0, 64 bit")));
        assertEquals(CaptureProfiles.APT, CaptureProfiles.byCreator(Map.of("SWCREATE", "Astro Photography Tool - APT v.3.54.1")));
        assertEquals(CaptureProfiles.DWARF3, CaptureProfiles.byCreator(Map.of("ORIGIN", "DWARFLAB")));
        assertEquals(CaptureProfiles.NINA, CaptureProfiles.byCreator(Map.of("SWCREATE", "N.I.N.A. 3.1.2.9001 (x64)")));
        assertNull(CaptureProfiles.byCreator(Map.of("SWCREATE", "MaxIm DL")));
        CaptureProfileMatcher.Facts renamed = detect("best/c1_0001.fit");
        assertTrue(renamed.unrecognised(), "no pattern matched: the header is asked");
        CaptureProfileMatcher.Facts asiair = CaptureProfileMatcher.facts(AUTO, Path.of("best/c1_0001.fit"),
                CaptureProfiles.ASIAIR);
        assertTrue(asiair.layers().ignoredHeader().contains("TELESCOP"), "still the ASIAIR's rules: TELESCOP is the mount");
        assertFalse(asiair.unrecognised());
    }

    @Test
    void aConfiguredProfileIsUsedAsIsAndItsDefaultsComeAfterTheProgramsConstants() {
        CaptureSource dwarf = new CaptureSource(Path.of("/dwarf"), "dwarf3", Map.of("INSTRUME", "My DWARF"));
        CaptureProfileMatcher.Facts f = CaptureProfileMatcher.facts(dwarf, Path.of("notes/odd name.fits"));
        assertEquals(CaptureProfiles.DWARF3, f.profile());
        assertFalse(f.detected());
        assertTrue(f.layers().pattern().isEmpty(), "a name of another shape gives nothing, the header still counts");
        assertEquals("My DWARF", f.layers().defaults().get("INSTRUME"), "the source's default wins over the constant");
        assertEquals("DWARFIII", f.layers().defaults().get("TELESCOP"));
        assertNull(CaptureProfiles.byId("maxim"));
    }
}
