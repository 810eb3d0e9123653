package org.apdm.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.apdm.core.metadata.MetadataReader.Precedence;
import org.apdm.core.testing.CameraRawFiles;
import org.apdm.core.testing.CameraRawFiles.Exif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A DSLR's raw frames say their exposure, ISO, camera and capture time through EXIF. */
class CameraRawMetadataTest {

    @TempDir
    Path root;

    private final MetadataReader reader = new MetadataReader(new NormalizationRules(
            NormalizationRules.DEFAULT_FILTER_ALIASES, NightDateRule.LOCAL_MINUS_12H, ZoneId.of("America/New_York"),
            NormalizationRules.DEFAULT_CAMERA_CONSTANTS, Set.of()));

    private FrameMetadata read(String relative) throws Exception {
        return reader.read(root.resolve(relative), Path.of(relative), Map.of(), Precedence.PATH_FIRST, true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "IMG_0001.CR2, Canon, Canon EOS 200D, Canon EOS 200D",
            "IMG_0001.cr3, Canon, Canon EOS R6, Canon EOS R6",
            "DSC_0001.NEF, NIKON CORPORATION, NIKON D5300, NIKON D5300",
            "DSC00001.ARW, SONY, ILCE-7M3, SONY ILCE-7M3",
            "IMG_0001.dng, Google, Pixel 8, Google Pixel 8"})
    void everyRawFormatGivesExposureIsoCameraAndNight(String name, String make, String model, String camera)
            throws Exception {
        CameraRawFiles.write(root.resolve(name), Exif.of(make, model, 120, 1600, "2024:03:09 23:41:07"));

        FrameMetadata m = read(name);

        assertEquals(FrameType.LIGHT, m.type(), "a raw file without a type is a light");
        assertEquals("120.00", m.get(Field.EXPOSURE));
        assertEquals("1600", m.get(Field.GAIN));
        assertEquals(camera, m.get(Field.CAMERA));
        assertEquals("2024-03-09", m.get(Field.DATE), "the night starts on the evening of the capture");
    }

    @Test
    void aBiasOfAFractionOfASecondIsNamedAsNinaNamesItsBiasAndAnEarlyMorningFrameBelongsToTheEveningBefore()
            throws Exception {
        CameraRawFiles.write(root.resolve("bias.cr2"),
                new Exif("Canon", "Canon EOS 200D", 1, 4000, 100, "2024:03:10 04:12:00", null));

        FrameMetadata m = read("bias.cr2");

        assertEquals("0.00", m.get(Field.EXPOSURE), "two decimals, as in EXP_0.00 of N.I.N.A.'s bias folders");
        assertEquals("2024-03-09", m.get(Field.DATE));
    }

    @Test
    void theFolderNamesStillWinOverExif() throws Exception {
        CameraRawFiles.write(root.resolve("EXP_300/IMG_0001.cr2"),
                Exif.of("Canon", "Canon EOS 200D", 120, 800, "2024:03:09 23:41:07"));

        assertEquals("300.00", read("EXP_300/IMG_0001.cr2").get(Field.EXPOSURE));
    }

    @Test
    void aRawFileWithoutReadableExifIsStillALightWithAWarning() throws Exception {
        Files.write(root.resolve("IMG_0009.cr2"), new byte[] {0x49, 0x49, 0x2A, 0x00});

        FrameMetadata m = read("IMG_0009.cr2");

        assertEquals(FrameType.LIGHT, m.type());
        assertNull(m.get(Field.EXPOSURE));
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("no EXIF could be read")), m.warnings().toString());
    }
}
