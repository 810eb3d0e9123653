package org.apdm.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.image.ImageData;
import org.apdm.core.image.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16.7 and 15: tile-compressed frames (.fits.fz, and N.I.N.A. 3's compressed .fits) and gzip-compressed ones
 * (.fits.gz) are read, not refused.
 */
class CompressedFitsTest {

    @TempDir
    Path dir;

    private Path compressed(String name) throws Exception {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("IMAGETYP", "LIGHT");
        k.put("OBJECT", "M 31");
        k.put("EXPOSURE", 120.0);
        k.put("FILTER", "Ha");
        Path f = dir.resolve(name);
        SampleFiles.writeCompressedFits(f, k, 64, 48, (short) 1000);
        return f;
    }

    @Test
    void theFramesKeywordsAndImageSizeComeFromTheCompressedExtension() throws Exception {
        for (String name : new String[] {"a.fits.fz", "b.fits"}) {
            RawHeader h = FitsHeaderReader.read(compressed(name));

            assertEquals("LIGHT", h.get("IMAGETYP"), name);
            assertEquals("M 31", h.get("OBJECT"), name);
            assertEquals("120.0", h.get("EXPOSURE"), name);
            assertEquals("16", h.get("BITPIX"), "the image's BITPIX, not the table's");
            assertEquals("64", h.get("NAXIS1"));
            assertEquals("48", h.get("NAXIS2"));
            assertFalse(h.values().containsKey("ZCMPTYPE"), "compression bookkeeping is not a frame keyword");
            assertFalse(h.truncated(), name);
        }
    }

    @Test
    void aCutCompressedFrameIsTruncated() throws Exception {
        Path f = compressed("cut.fits.fz");
        byte[] bytes = Files.readAllBytes(f);
        Path cutInData = dir.resolve("cut-data.fits.fz");
        Files.write(cutInData, Arrays.copyOf(bytes, bytes.length - 2880));
        Path cutInHeader = dir.resolve("cut-header.fits.fz");
        Files.write(cutInHeader, Arrays.copyOf(bytes, 2880 + 1200));

        assertTrue(FitsHeaderReader.read(cutInData).truncated());
        assertTrue(FitsHeaderReader.read(cutInHeader).truncated());
        assertThrows(UnreadableFileException.class, () -> ImageReader.read(cutInData));
    }

    @Test
    void thePixelsAreDecompressed() throws Exception {
        ImageData image = ImageReader.read(compressed("pixels.fits.fz"));

        assertEquals(64, image.width());
        assertEquals(48, image.height());
        assertEquals(1000f, image.planes()[0][0]);
        assertEquals(1000f, image.planes()[0][64 * 48 - 1]);
    }

    @Test
    void theCompressedExtensionKeepsBothPartsWhenRenamed() {
        assertEquals(ImageFormat.FITS, ImageFormat.of("x.fits.fz"));
        assertEquals(".fits.fz", ImageFormat.extension("2025-03-02_01-40-00.fits.fz"));
        assertEquals(".FIT.FZ", ImageFormat.extension("A.FIT.FZ"));
        assertEquals(".fits", ImageFormat.extension("a.b.fits"));
    }

    private Path gzipped(String name, byte[] fits) throws Exception {
        Path f = dir.resolve(name);
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(fits);
        }
        return f;
    }

    private static byte[] frame() {
        float[] px = new float[64 * 48];
        for (int i = 0; i < px.length; i++) {
            px[i] = 1000 + i % 7;
        }
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("IMAGETYP", "LIGHT");
        k.put("OBJECT", "M 31");
        k.put("EXPOSURE", 120.0);
        return org.apdm.core.image.ImageWriter.fits(new ImageData(64, 48, px), 16, k);
    }

    @Test
    void aGzipCompressedFrameIsReadLikeAPlainOne() throws Exception {
        Path gz = gzipped("light.fits.gz", frame());

        RawHeader h = FitsHeaderReader.read(gz);
        assertEquals("LIGHT", h.get("IMAGETYP"));
        assertEquals("M 31", h.get("OBJECT"));
        assertFalse(h.truncated(), "the trailer gives the uncompressed size");
        ImageData image = ImageReader.read(gz);
        assertEquals(64, image.width());
        assertEquals(1000f, image.planes()[0][0]);
        assertEquals(1000f + (64 * 48 - 1) % 7, image.planes()[0][64 * 48 - 1]);
        assertEquals(ImageFormat.FITS, ImageFormat.of("x.FITS.GZ"));
        assertEquals(ImageFormat.NONE, ImageFormat.of("notes.txt.gz"), "only a FITS name before .gz");
        assertEquals(".fits.gz", ImageFormat.extension("2025-03-02_01-40-00.fits.gz"));
    }

    @Test
    void aCutOrFakeGzipFrameIsNamedAsUnreadable() throws Exception {
        byte[] bytes = Files.readAllBytes(gzipped("whole.fits.gz", frame()));
        Path cut = dir.resolve("cut.fits.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        Path fake = dir.resolve("fake.fits.gz");
        Files.writeString(fake, "this is not gzip, only named like it");

        assertThrows(UnreadableFileException.class, () -> ImageReader.read(cut));
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FitsHeaderReader.read(fake));
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }
}
