package org.apdm.core.metadata;

import static org.apdm.core.metadata.FitsBytes.card;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.metadata.MetadataReader.Precedence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names and headers together: precedence, formats, refusals. */
class MetadataReaderTest {

    @TempDir
    Path root;

    private final MetadataReader reader = new MetadataReader(new NormalizationRules(
            NormalizationRules.DEFAULT_FILTER_ALIASES, NightDateRule.LOCAL_MINUS_12H, ZoneId.of("America/New_York"),
            NormalizationRules.DEFAULT_CAMERA_CONSTANTS, Set.of()));

    private FrameMetadata read(String relative, Precedence precedence) throws Exception {
        return read(reader, relative, Map.of(), precedence);
    }

    private FrameMetadata read(MetadataReader r, String relative, Map<String, String> structural, Precedence precedence)
            throws Exception {
        return r.read(root.resolve(relative), Path.of(relative), structural, precedence, true);
    }

    private Path fits(String relative, Map<String, ?> keywords) throws Exception {
        Path file = root.resolve(relative);
        SampleFiles.writeFits(file, keywords);
        return file;
    }

    private static Map<String, Object> keywords(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void pathFirstLetsTheFileNameOverrideTheHeader() throws Exception {
        fits("test_GAIN_999.fits", keywords("IMAGETYP", "LIGHT", "OBJECT", "Cave Nebula LBN529", "FILTER", "H",
                "GAIN", 100, "OFFSET", 50, "SET-TEMP", -5.0, "EXPOSURE", 300.0));

        FrameMetadata m = read("test_GAIN_999.fits", Precedence.PATH_FIRST);

        assertEquals("999", m.get(Field.GAIN), "the file name wins (reference get_fits_headers with override)");
        assertEquals("H", m.get(Field.FILTER));
        assertEquals("50", m.get(Field.OFFSET));
        assertEquals("-5.00", m.get(Field.SETTEMP));
        assertEquals("300.00", m.get(Field.EXPOSURE));
        assertEquals("Cave Nebula LBN529", m.get(Field.TARGET));
        assertEquals(FrameType.LIGHT, m.type());
    }

    @Test
    void headerFirstLetsAMasterHeaderWinAndNamesFillGaps() throws Exception {
        String name = "masterFlat_DATE_2023-12-04_FILTER_X_SETTEMP_-10.00_INSTRUME_ASI2600MM Pro_GAIN_999_OFFSET_50.xisf";
        SampleFiles.writeXisf(root.resolve(name), keywords("INSTRUME", "ZWO ASI2600MM Pro", "TELESCOP", "C8",
                "IMAGETYP", "Master Flat", "OBSGEO-B", 35.60527778, "FILTER", "B", "GAIN", 100));

        FrameMetadata header = read(name, Precedence.HEADER_FIRST);
        FrameMetadata names = read(name, Precedence.PATH_FIRST);

        assertEquals("ZWO ASI2600MM Pro", header.get(Field.CAMERA));
        assertEquals("B", header.get(Field.FILTER));
        assertEquals("100", header.get(Field.GAIN));
        assertEquals("C8", header.get(Field.OPTIC));
        assertEquals(FrameType.MASTER_FLAT, header.type());
        assertEquals("35.6", header.get(Field.LATITUDE));
        assertEquals("-10.00", header.get(Field.SETTEMP), "not in the header: taken from the name");
        assertEquals("50", header.get(Field.OFFSET));
        assertEquals("2023-12-04", header.get(Field.DATE));

        assertEquals("ASI2600MM Pro", names.get(Field.CAMERA));
        assertEquals("X", names.get(Field.FILTER));
        assertEquals("999", names.get(Field.GAIN));
        assertEquals("C8", names.get(Field.OPTIC), "the header still fills what the name lacks");
    }

    @Test
    void dateFolderWinsOverTheHeaderDate() throws Exception {
        fits("M 31/DATE_2023-12-12/LIGHT_0001.fits", keywords("IMAGETYP", "LIGHT", "DATE-LOC", "2023-12-09T22:00:00.000",
                "DATE-OBS", "2023-12-10T03:00:00.000"));

        FrameMetadata m = read("M 31/DATE_2023-12-12/LIGHT_0001.fits", Precedence.PATH_FIRST);

        assertEquals("2023-12-12", m.get(Field.DATE));
        assertEquals("2023-12-10_03-00-00", m.get(Field.DATETIME));
    }

    @Test
    void ninaFrameWithDefaultNightRule() throws Exception {
        String relative = "M 51/2025-06-13/LIGHT/2025-06-13_23-57-30_Slot 1_-9.70_180.00s_0007.fits";
        fits(relative, keywords("IMAGETYP", "LIGHT", "EXPOSURE", 180.0, "EXPTIME", 180.0,
                "DATE-LOC", "2025-06-14T01:57:30.1150000", "DATE-OBS", "2025-06-14T05:57:30.115", "GAIN", 100,
                "OFFSET", 50, "INSTRUME", "ZWO ASI2600MC Pro", "SET-TEMP", -10.0, "CCD-TEMP", -9.7, "TELESCOP", "RedCat 51",
                "FOCRATIO", 4.9, "FILTER", "Slot 1", "OBJECT", "M 51"));

        FrameMetadata m = read(relative, Precedence.PATH_FIRST);

        assertEquals("2025-06-13", m.get(Field.DATE), "01:57 local belongs to the night of the 13th");
        assertEquals("2025-06-14_05-57-30", m.get(Field.DATETIME));
        assertEquals("Slot 1", m.get(Field.FILTER));
        assertEquals("180.00", m.get(Field.EXPOSURE));
        assertEquals("-9.70", m.get(Field.TEMP));
        assertEquals("-10.00", m.get(Field.SETTEMP));
        assertEquals("4.9", m.get(Field.FOCAL_RATIO));
        assertEquals("RedCat 51", m.get(Field.OPTIC));
        assertEquals("M 51", m.get(Field.TARGET));
    }

    @Test
    void structuralValuesRankAboveNameTokens() throws Exception {
        fits("C8E@f10.0+ASI2600MM/INSTRUME_Other_GAIN_120.fits", keywords("IMAGETYP", "LIGHT", "INSTRUME", "Header Cam"));
        Map<String, String> rig = Map.of("TELESCOP", "C8E", "FOCRATIO", "10.0", "INSTRUME", "ASI2600MM");

        FrameMetadata m = read(reader, "C8E@f10.0+ASI2600MM/INSTRUME_Other_GAIN_120.fits", rig, Precedence.HEADER_FIRST);

        assertEquals("ASI2600MM", m.get(Field.CAMERA));
        assertEquals("C8E", m.get(Field.OPTIC));
        assertEquals("10.0", m.get(Field.FOCAL_RATIO));
        assertEquals("120", m.get(Field.GAIN));
    }

    @Test
    void cr2WithoutTypeIsALight() throws Exception {
        Files.createDirectories(root.resolve("Canon"));
        Files.write(root.resolve("Canon/IMG_0001_EXP_30.cr2"), new byte[] {0x49, 0x49, 0x2A, 0x00});
        Files.write(root.resolve("Canon/IMG_0002_TYPE_DARK.cr2"), new byte[] {0x49, 0x49, 0x2A, 0x00});
        Files.write(root.resolve("Canon/IMG_0003.CR2"), new byte[] {0x49, 0x49, 0x2A, 0x00});

        FrameMetadata light = read("Canon/IMG_0001_EXP_30.cr2", Precedence.PATH_FIRST);

        assertEquals(FrameType.LIGHT, light.type());
        assertEquals("30.00", light.get(Field.EXPOSURE));
        assertEquals(FrameType.DARK, read("Canon/IMG_0002_TYPE_DARK.cr2", Precedence.PATH_FIRST).type());
        assertEquals(FrameType.LIGHT, read("Canon/IMG_0003.CR2", Precedence.PATH_FIRST).type());
    }

    @Test
    void textFileIsNotAnImageFile() throws Exception {
        Files.writeString(root.resolve("notes_FILTER_Ha.txt"), "clouds");

        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read("notes_FILTER_Ha.txt", Precedence.PATH_FIRST));

        assertTrue(e.getMessage().contains("not an image file"), e.getMessage());
    }

    @Test
    void truncatedFitsIsRefused() throws Exception {
        byte[] whole = SampleFiles.fits(keywords("IMAGETYP", "LIGHT", "OBJECT", "M 31"), 64, 64);
        Files.write(root.resolve("cut.fits"), Arrays.copyOf(whole, whole.length - 3000));

        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> read("cut.fits", Precedence.PATH_FIRST));

        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void unreadableHeaderIsRefusedButNamesAloneNeedNoHeader() throws Exception {
        Path file = root.resolve("FILTER_Ha_EXP_300_GAIN_100.fits");
        Files.writeString(file, "not a FITS file at all", StandardCharsets.US_ASCII);

        assertThrows(UnreadableFileException.class, () -> read("FILTER_Ha_EXP_300_GAIN_100.fits", Precedence.PATH_FIRST));
        FrameMetadata m = reader.read(file, Path.of("FILTER_Ha_EXP_300_GAIN_100.fits"), Map.of(), Precedence.PATH_FIRST, false);
        assertEquals("300.00", m.get(Field.EXPOSURE));
        assertEquals("H", m.get(Field.FILTER));
        assertEquals("100", m.get(Field.GAIN));
    }

    @Test
    void dwarfFrameGetsItsConstantsAndTheFilterFromTheName() throws Exception {
        String astro = "DWARF_RAW_M 42/M 42_15s60_Astro_20250413-193110677_27C.fits";
        String duo = "DWARF_RAW_M 42/M 42_15s60_Duo-Band_20250413-193110677_27C.fits";
        fits(astro, keywords("INSTRUME", "DWARFIII", "EXPTIME", 15.0, "FILTER", null));
        fits(duo, keywords("INSTRUME", "DWARFIII", "EXPTIME", 15.0));

        FrameMetadata a = read(astro, Precedence.PATH_FIRST);
        FrameMetadata d = read(duo, Precedence.PATH_FIRST);

        assertEquals("4.3", a.get(Field.FOCAL_RATIO));
        assertEquals(FrameType.LIGHT, a.type());
        assertEquals("Astro", a.get(Field.FILTER));
        assertEquals("15.00", a.get(Field.EXPOSURE));
        assertEquals("Duo-Band", d.get(Field.FILTER));
    }

    @Test
    void headerWarningsReachTheFrame() throws Exception {
        List<String> cards = FitsBytes.image(16, 16);
        cards.add(card("FILTER  = 'Ha'"));
        cards.add(card("FILTER  = 'OIII'"));
        cards.add(card("EXPOSURE= 'long'"));
        Files.write(root.resolve("warn.fits"), FitsBytes.file(cards, 512));

        FrameMetadata m = read("warn.fits", Precedence.PATH_FIRST);

        assertEquals("H", m.get(Field.FILTER), "the first of two FILTER cards (Ha, aliased to H)");
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("FILTER") && w.contains("twice")), m.warnings().toString());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("EXPOSURE") && w.contains("long")), m.warnings().toString());
    }

    @Test
    void extraKeysComeFromHeaderOrName() throws Exception {
        MetadataReader withExtras = new MetadataReader(NormalizationRules.defaults().withExtraKeys(Set.of("fwhm", "SQM")));
        fits("night_SQM_21.3.fits", keywords("IMAGETYP", "LIGHT", "FWHM", 2.5, "SQM", 19.0, "ECCENTR", 0.4));

        FrameMetadata m = read(withExtras, "night_SQM_21.3.fits", Map.of(), Precedence.PATH_FIRST);

        assertEquals("2.5", m.value("fwhm"));
        assertEquals("21.3", m.value("SQM"), "the name wins, as for every field under PATH_FIRST");
        assertEquals(Map.of("FWHM", "2.5", "SQM", "21.3"), m.extra(), "only configured keys are kept");
    }
}
