package org.apdm.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder layout of the user's real archive (reference-spec §13.5, taken from the 2,320 rows of his
 * database) is read to the target, panel, night, filter and exposure his database has for it.
 *
 * <p>Each case writes two frames whose header disagrees with the path on purpose (exposure 999 s, filter L,
 * night 2030-01-01): where the path says a value, the path must win; where it is silent, the header gives it.
 */
class InventoryLayoutsTest {

    private static final String RIG = "Z73@f5.9+ZWO ASI533MC Pro";
    private static final String H_EXP = "999.00";
    private static final String H_FILTER = "L";
    private static final String H_NIGHT = "2030-01-01";

    /** A layout case: the path below the rig, the header, and what must be read. */
    record Case(String path, boolean headerFilter, String target, String panel, String night, String filter,
                String exposure, boolean accepted) {
        @Override
        public String toString() {
            return path;
        }
    }

    private static Case c(String path, String target, String panel, String night, String filter, String exposure) {
        return new Case(path, true, target, panel, night, filter, exposure, true);
    }

    /** The header has no FILTER keyword (one-shot colour camera): the filter is RGB. */
    private static Case osc(String path, String target, String panel, String night, String exposure) {
        return new Case(path, false, target, panel, night, "RGB", exposure, true);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                // 748: current standard
                c("60_Done/Dust vdB158/accept/DATE_2024-10-07/FILTER_UVIR_EXP_120.00_SETTEMP_-5.00",
                        "Dust vdB158", "", "2024-10-07", "UVIR", "120.00"),
                // 597: pre-SETTEMP standard, target with a comma and parentheses
                c("60_Done/Pinwheel Galaxy, M101 (90d)/accept/DATE_2022-03-01/FILTER_G_EXP_300.00",
                        "Pinwheel Galaxy, M101 (90d)", "", "2022-03-01", "G", "300.00"),
                // 403: current mosaic
                c("30_Master/Witch Head Nebula NGC1909/accept/DATE_2024-11-26/FILTER_ALPT_EXP_240.00_SETTEMP_-5.00_PANEL_2",
                        "Witch Head Nebula NGC1909", "2", "2024-11-26", "ALPT", "240.00"),
                // 122: legacy LIGHT_<f>, exposure from the header, Ha → H
                c("60_Done/Bode's Galaxy/accept/DATE_2021-12-22/LIGHT_Ha", "Bode's Galaxy", "", "2021-12-22", "H", H_EXP),
                // 98: legacy mosaic
                c("60_Done/Veil Nebula/accept/PANEL_1/DATE_2021-09-29/LIGHT_O3", "Veil Nebula", "1", "2021-09-29", "O", H_EXP),
                // 84: panel folder above the date
                c("60_Done/Globular Cluster M9/accept/PANEL_1/DATE_2023-05-06/FILTER_G_EXP_120.00",
                        "Globular Cluster M9", "1", "2023-05-06", "G", "120.00"),
                // 61: panel folder below the date
                c("30_Master/Orion Mosaic M42/accept/DATE_2023-12-04/PANEL_12/FILTER_LeXtr_EXP_240.00",
                        "Orion Mosaic M42", "12", "2023-12-04", "LeXtr", "240.00"),
                // 30: DATE_…_FOCRATIO_ suffix
                c("40_Process/Pegasus Mosaic Sh2-122/accept/DATE_2023-11-12_FOCRATIO_2.8/PANEL_13/FILTER_UVIR_EXP_120.00",
                        "Pegasus Mosaic Sh2-122", "13", "2023-11-12", "UVIR", "120.00"),
                // 27: duplicated DATE, legacy one-decimal exposure
                c("40_Process/Auriga Constellation NGC1857 Mosaic/accept/DATE_2023-10-24/PANEL_2/DATE_2023-10-24/FILTER_LenHa_EXP_240.0",
                        "Auriga Constellation NGC1857 Mosaic", "2", "2023-10-24", "LenHa", "240.00"),
                // 24: nested accept
                c("60_Done/Bubble and Brain/accept/DATE_2021-09-03_OFFSET_50_FILTER_UVIR/accept",
                        "Bubble and Brain", "", "2021-09-03", "UVIR", H_EXP),
                // 16
                c("60_Done/Whirlpool M51/accept/DATE_2021-05-31_OFFSET_50_FILTER_LeXtr",
                        "Whirlpool M51", "", "2021-05-31", "LeXtr", H_EXP),
                // 12: LIGHT_<filter>/EXP_ legacy layout
                c("60_Done/Bode's Galaxy, M81 (90d)/accept/DATE_2022-01-31/LIGHT_G/EXP_15.00",
                        "Bode's Galaxy, M81 (90d)", "", "2022-01-31", "G", "15.00"),
                // 10: DATE/RAW, filter and exposure from the header
                osc("60_Done/M104/accept/DATE_2021-04-03/RAW", "M104", "", "2021-04-03", H_EXP),
                // 9
                c("60_Done/Lagoon Trifid Mosaic/accept/PANEL_2/DATE_2021-06-30_OFFSET_50_FILTER_UVIR/accept",
                        "Lagoon Trifid Mosaic", "2", "2021-06-30", "UVIR", H_EXP),
                // 8: no DATE folder; the night from DATE-LOC
                c("60_Done/Moon 2022-06-25 Earthshine/accept/RAW_Images/FILTER_UVIR_EXP_0.10",
                        "Moon 2022-06-25 Earthshine", "", H_NIGHT, "UVIR", "0.10"),
                // 6: DATE_…_170d
                c("60_Done/Starburst Galaxy IC342/accept/DATE_2023-01-24_170d/FILTER_G_EXP_120.00",
                        "Starburst Galaxy IC342", "", "2023-01-24", "G", "120.00"),
                // 6+3: DATE_…_BAD in an unknown stage
                c("70_Abandon/NOT Thor's Helmet/accept/DATE_2023-12-14_BAD/FILTER_G_EXP_30.00_SETTEMP_-10.00",
                        "NOT Thor's Helmet", "", "2023-12-14", "G", "30.00"),
                // 5: DATE_…_EXP_/RAW, no filter
                osc("60_Done/IC443/accept/DATE_2021-04-02_EXP_600/RAW", "IC443", "", "2021-04-02", "600.00"),
                // 5: no EXP
                c("60_Done/Elephant's Trunk/accept/DATE_2021-06-15/FILTER_UVIR", "Elephant's Trunk", "", "2021-06-15",
                        "UVIR", H_EXP),
                // 5
                c("20_Data/California Nebula NGC1499/accept/DATE_2023-11-05_FOCRATIO_2.8/FILTER_UVIR_EXP_30.00",
                        "California Nebula NGC1499", "", "2023-11-05", "UVIR", "30.00"),
                // 4
                c("60_Done/Soul Nebula Sh2-199/accept/DATE_2024-01-11_SETTEMP_-10.00/FILTER_B_EXP_30.00_SETTEMP_-10.00",
                        "Soul Nebula Sh2-199", "", "2024-01-11", "B", "30.00"),
                // 4
                c("60_Done/Rho Ophiuchi Cloud, IC4603/accept/DATE_2022-05-29_Bigwoods/FILTER_UVIR_EXP_300.00",
                        "Rho Ophiuchi Cloud, IC4603", "", "2022-05-29", "UVIR", "300.00"),
                // 4
                c("60_Done/Scutum Star Cloud/accept/PANEL_2/DATE_2021-08-18_OFFSET_50_FILTER_LeXtr/RAW",
                        "Scutum Star Cloud", "2", "2021-08-18", "LeXtr", H_EXP),
                // 3: TYPE_LIGHT_EXP_, the filter from the header (a mono camera would have one)
                c("60_Done/M81/accept/DATE_2021-03-21/TYPE_LIGHT_EXP_45", "M81", "", "2021-03-21", H_FILTER, "45.00"),
                osc("60_Done/M82/accept/DATE_2021-03-22/TYPE_LIGHT_EXP_45", "M82", "", "2021-03-22", "45.00"),
                // 3
                c("60_Done/Cyg GoM.1, Pelican Nebula/accept/DATE_2021-06-17_OFFSET_50_FILTER_LeXtr/RAW_a",
                        "Cyg GoM.1, Pelican Nebula", "", "2021-06-17", "LeXtr", H_EXP),
                // 3: frames directly in DATE
                c("60_Done/Pinwheel M101/accept/DATE_2021-05-14", "Pinwheel M101", "", "2021-05-14", H_FILTER, H_EXP),
                // 2: LOCATION suffix on the date
                c("60_Done/AL Hubble M44/accept/DATE_2025-02-28_LOCATION_3BA/FILTER_UVIR_EXP_120.00_SETTEMP_-5.00",
                        "AL Hubble M44", "", "2025-02-28", "UVIR", "120.00"),
                // 2
                c("60_Done/Whirlpool M51/accept/DATE_2021-04-30_FILTER_UVIR", "Whirlpool M51", "", "2021-04-30",
                        "UVIR", H_EXP),
                // compact dates; LexTr written with a lower-case x is the user's LeXtr
                c("60_Done/Eagle Nebula/accept/DATE_20210514/RAW_a", "Eagle Nebula", "", "2021-05-14", H_FILTER, H_EXP),
                c("60_Done/Eagle Nebula/accept/DATE_20210520_FILTER_LexTr/RAW_a", "Eagle Nebula", "", "2021-05-20",
                        "LeXtr", H_EXP),
                c("60_Done/Globular Cluster M5/accept/DATE_20210513", "Globular Cluster M5", "", "2021-05-13", H_FILTER,
                        H_EXP),
                // GROUP_A / GROUP_B
                c("60_Done/Iris Nebula, NGC7023/accept/DATE_2021-07-04_OFFSET_50_FILTER_UVIR_GROUP_A",
                        "Iris Nebula, NGC7023", "", "2021-07-04", "UVIR", H_EXP),
                // MERIDIAN_Pre / _Post
                osc("60_Done/M101/accept/DATE_2021-04-02/RAW/MERIDIAN_Post", "M101", "", "2021-04-02", H_EXP),
                // RAW_EXP_
                osc("60_Done/M13/accept/DATE_2021-04-01/RAW_EXP_300", "M13", "", "2021-04-01", "300.00"),
                // DATE_…_TYPE_LIGHT/RAW and DATE_…_EXP_/TYPE_LIGHT
                osc("60_Done/Whale Galaxy/accept/DATE_2021-04-05_TYPE_LIGHT/RAW", "Whale Galaxy", "", "2021-04-05", H_EXP),
                osc("60_Done/IC443/accept/DATE_2021-04-01_EXP_600/TYPE_LIGHT", "IC443", "", "2021-04-01", "600.00"),
                // Processing: the path says nothing
                c("60_Done/Moon 2022-06-25 Earthshine/accept/Processing", "Moon 2022-06-25 Earthshine", "", H_NIGHT,
                        H_FILTER, H_EXP),
                // an empty FILTER_ token is no filter
                osc("60_Done/Pegasus Cluster M15/accept/DATE_2021-08-29_OFFSET_50_FILTER_", "Pegasus Cluster M15", "",
                        "2021-08-29", H_EXP),
                // panel with a note
                c("60_Done/Barnard7 Mosaic/accept/PANEL_3+Mars+Photobomb/DATE_2022-12-27/FILTER_RGB_EXP_15.00",
                        "Barnard7 Mosaic", "3+Mars+Photobomb", "2022-12-27", "RGB", "15.00"),
                c("30_Master/Orion Mosaic M42/accept/DATE_2024-01-04/FILTER_UVIR_EXP_120.00_SETTEMP_-10.00_PANEL_15_NOTE-BadObstruction",
                        "Orion Mosaic M42", "15", "2024-01-04", "UVIR", "120.00"),
                c("20_Data/LND1311 and LDN1321/accept/DATE_2025-03-18_BadFlats/FILTER_ALPT_EXP_240.00_SETTEMP_-5.00",
                        "LND1311 and LDN1321", "", "2025-03-18", "ALPT", "240.00"),
                // target folder notes
                c("20_Data/Blue Horsehead_NoMoonAvoid/accept/DATE_2025-03-18_BadFlats_NoMoonAvoid/FILTER_UVIR_EXP_120.00_SETTEMP_-5.00",
                        "Blue Horsehead", "", "2025-03-18", "UVIR", "120.00"),
                c("30_Master/Moon_2024-08-15/accept/DATE_2024-08-15/FILTER_UVIR_EXP_0.05_SETTEMP_-5.00",
                        "Moon", "", "2024-08-15", "UVIR", "0.05"),
                c("30_Master/Cocoon Nebula IC5146_LOCATION_SRSP/accept/DATE_2024-11-26/FILTER_G_EXP_30.00_SETTEMP_-5.00",
                        "Cocoon Nebula IC5146", "", "2024-11-26", "G", "30.00"),
                c("60_Done/Pleiades M45+Outreach_LOCATION_3BA/accept/DATE_2024-10-12/FILTER_UVIR_EXP_60.00_SETTEMP_-5.00",
                        "Pleiades M45+Outreach", "", "2024-10-12", "UVIR", "60.00"),
                c("60_Done/C3 and Friends_First Light/accept/DATE_2025-03-02/FILTER_ALPT_EXP_240.00_SETTEMP_-10.00",
                        "C3 and Friends", "", "2025-03-02", "ALPT", "240.00"),
                c("40_Process/California and Dust NGC1499 Panel 1/accept/DATE_2024-12-30/FILTER_UVIR_EXP_120.00_SETTEMP_-10.00",
                        "California and Dust NGC1499", "1", "2024-12-30", "UVIR", "120.00"),
                // a target whose name has an underscore the sanitiser put there (M 42: Orion)
                c("60_Done/M 42_ Orion/accept/DATE_2024-01-02/FILTER_R_EXP_60.00", "M 42_ Orion", "", "2024-01-02",
                        "R", "60.00"),
                // not yet blinked: ingest's layout in 10_Blink, outside accept
                new Case("10_Blink/M 81/DATE_2025-03-01/FILTER_L_EXP_120.00_SETTEMP_-10.00", true, "M 81", "",
                        "2025-03-01", "L", "120.00", false)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void readsEveryLayoutOfTheArchive(Case c, @TempDir Path root) throws IOException {
        Path folder = root.resolve(RIG).resolve(c.path());
        for (int i = 0; i < 2; i++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", "LIGHT");
            h.put("EXPOSURE", 999.0);
            if (c.headerFilter()) {
                h.put("FILTER", H_FILTER);
            }
            h.put("DATE-LOC", "2030-01-02T01:0" + i + ":00.000");
            h.put("OBJECT", "Something Else");
            SampleFiles.writeFits(folder.resolve("2030-01-02_01-0" + i + "-00_HFR_2.10.fits"), h);
        }
        Inventory inv = new InventoryScanner().scan(root, ProgressListener.NONE, CancellationToken.none());

        assertEquals(List.of(), inv.problems());
        assertEquals(1, inv.folders().size(), "one folder of lights");
        InventoryFolder f = inv.folders().get(0);
        assertEquals(RIG, f.rig());
        assertEquals(c.path().substring(0, c.path().indexOf('/')), f.stage());
        assertEquals(c.target(), f.target(), "target");
        assertEquals(c.panel(), f.panel(), "panel");
        assertEquals(c.night(), f.night(), "night");
        assertEquals(c.filter(), f.filter(), "filter");
        assertEquals(c.exposure(), f.exposure(), "exposure");
        assertEquals(c.accepted(), f.accepted(), "accepted");
        assertEquals(2, f.frames());
        assertEquals(2 * Double.parseDouble(c.exposure()) / 3600.0, f.hours(), 1e-9);
        assertEquals(folder.toAbsolutePath().normalize(), f.folder());
        if (f.stage().equals("70_Abandon")) {
            assertEquals(List.of("70_Abandon"), inv.unknownStages());
        } else {
            assertTrue(inv.unknownStages().isEmpty());
        }
    }
}
