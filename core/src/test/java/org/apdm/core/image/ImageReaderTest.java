package org.apdm.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apdm.core.metadata.UnreadableFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReaderTest {

    @TempDir
    Path dir;

    /** A small frame with distinct values, inside 0..255 so every BITPIX holds it exactly. */
    static ImageData ramp(int w, int h, int channels) {
        float[][] planes = new float[channels][w * h];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < w * h; i++) {
                planes[c][i] = (i * 7 + c * 50) % 251;
            }
        }
        return new ImageData(w, h, planes, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 32, -32, -64})
    void fitsOfEveryBitpixReadsBackItsValues(int bitpix) throws Exception {
        ImageData img = ramp(13, 7, 1);
        Path f = dir.resolve("frame.fits");
        ImageWriter.write(f, ImageWriter.fits(img, bitpix, Map.of("IMAGETYP", "LIGHT")));
        ImageData back = ImageReader.read(f);
        assertEquals(13, back.width());
        assertEquals(7, back.height());
        assertArrayEquals(img.planes()[0], back.planes()[0]);
    }

    @Test
    void sixteenBitFitsUsesBzeroForTheFullUnsignedRange() throws Exception {
        float[] v = {0, 1, 32767, 32768, 65535, 40000};
        Path f = dir.resolve("u16.fits");
        ImageWriter.write(f, ImageWriter.fits(new ImageData(3, 2, v), 16, Map.of()));
        assertArrayEquals(v, ImageReader.read(f).planes()[0]);
    }

    @Test
    void threeAxisFitsGivesThreePlanes() throws Exception {
        ImageData img = ramp(5, 4, 3);
        Path f = dir.resolve("rgb.fits");
        ImageWriter.write(f, ImageWriter.fits(img, -32, Map.of()));
        ImageData back = ImageReader.read(f);
        assertEquals(3, back.channels());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(img.planes()[c], back.planes()[c]);
        }
    }

    @Test
    void bayerPatternAndOffsetsComeFromTheFitsHeader() throws Exception {
        Path f = dir.resolve("osc.fits");
        ImageWriter.write(f, ImageWriter.fits(ramp(4, 4, 1), 16, Map.of("BAYERPAT", "RGGB", "XBAYROFF", 1, "YBAYROFF", 0)));
        BayerPattern p = ImageReader.read(f).bayer();
        assertEquals("RGGB", p.pattern());
        assertEquals(BayerPattern.GREEN, p.colourAt(0, 0)); // shifted by one column
        assertEquals(BayerPattern.RED, p.colourAt(1, 0));
    }

    @ParameterizedTest
    @CsvSource({"UInt16,NONE,false", "UInt16,ZLIB,false", "UInt16,ZLIB,true", "UInt16,LZ4,true", "UInt16,LZ4HC,true",
            "UInt16,LZ4,false", "Float32,NONE,false", "Float32,ZLIB,true", "Float32,LZ4,true", "Float32,LZ4HC,false"})
    void xisfOfEveryCodecReadsBackItsValues(String format, ImageWriter.Codec codec, boolean shuffle) throws Exception {
        ImageData img = ramp(31, 17, 1);
        if (format.equals("Float32")) {
            float[] p = img.planes()[0];
            for (int i = 0; i < p.length; i++) {
                p[i] /= 251f; // PixInsight masters: 0..1
            }
        }
        Path f = dir.resolve("master.xisf");
        ImageWriter.write(f, ImageWriter.xisf(img, format, codec, shuffle, Map.of("IMAGETYP", "Master Dark")));
        ImageData back = ImageReader.read(f);
        assertEquals(31, back.width());
        assertArrayEquals(img.planes()[0], back.planes()[0]);
        assertNull(back.bayer());
    }

    @Test
    void rgbXisfGivesThreePlanes() throws Exception {
        ImageData img = ramp(6, 5, 3);
        Path f = dir.resolve("rgb.xisf");
        ImageWriter.write(f, ImageWriter.xisf(img, "UInt16", ImageWriter.Codec.LZ4, true, Map.of()));
        ImageData back = ImageReader.read(f);
        assertEquals(3, back.channels());
        assertArrayEquals(img.planes()[2], back.planes()[2]);
    }

    @Test
    void shufflingIsUndoneIncludingTheRemainder() {
        byte[] raw = new byte[23];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) i;
        }
        assertArrayEquals(raw, XisfImageReader.unshuffle(XisfImageReader.shuffle(raw, 4), 4));
        assertEquals(0, XisfImageReader.shuffle(raw, 4)[0]);
        assertEquals(4, XisfImageReader.shuffle(raw, 4)[1]);
    }

    @Test
    void aTruncatedFitsIsNamedAndSaysHowShort() throws Exception {
        Path f = dir.resolve("cut.fits");
        byte[] full = ImageWriter.fits(ramp(100, 100, 1), 16, Map.of());
        Files.write(f, Arrays.copyOf(full, full.length - 5000));
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> ImageReader.read(f));
        assertTrue(e.getMessage().startsWith("cut.fits: truncated"), e.getMessage());
        assertTrue(Files.exists(f));
    }

    @Test
    void aTruncatedXisfIsNamed() throws Exception {
        Path f = dir.resolve("cut.xisf");
        byte[] full = ImageWriter.xisf(ramp(100, 100, 1), "UInt16", ImageWriter.Codec.NONE, false, Map.of());
        Files.write(f, Arrays.copyOf(full, full.length - 100));
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> ImageReader.read(f));
        assertTrue(e.getMessage().startsWith("cut.xisf: truncated"), e.getMessage());
    }

    @Test
    void aDamagedCompressedBlockIsNamed() throws Exception {
        Path f = dir.resolve("bad.xisf");
        byte[] full = ImageWriter.xisf(ramp(100, 100, 1), "UInt16", ImageWriter.Codec.ZLIB, true, Map.of());
        for (int i = full.length - 200; i < full.length; i++) {
            full[i] = (byte) 0xAB;
        }
        Files.write(f, full);
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> ImageReader.read(f));
        assertTrue(e.getMessage().startsWith("bad.xisf: "), e.getMessage());
    }

    @Test
    void anXisfWithADoctypeIsReadWithoutResolvingItsEntities() throws Exception {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xisf version=\"1.0\"><Image geometry=\"1:1:1\" sampleFormat=\"UInt16\" location=\"attachment:0:2\">"
                + "&e;</Image></xisf>";
        byte[] head = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + head.length + 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("XISF0100".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(head.length).putInt(0).put(head);
        Path f = dir.resolve("evil.xisf");
        Files.write(f, b.array());
        // no DTD processing: the entity stays an unresolved reference and the image is read as declared
        ImageData img = ImageReader.read(f);
        assertEquals(1, img.width());
        assertTrue(XisfImageReader.secureFactory().getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD)
                .equals(Boolean.FALSE));
    }

    @Test
    void garbageIsNamedNotThrownAsSomethingElse() throws Exception {
        Path f = dir.resolve("noise.fits");
        Files.write(f, new byte[] {1, 2, 3, 4, 5});
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> ImageReader.read(f));
        assertTrue(e.getMessage().startsWith("noise.fits: "), e.getMessage());
    }
}
