package org.apdm.core.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.HeaderCardException;

/**
 * Writes small but valid FITS and XISF frames with chosen header values: for the demo workspace,
 * tests and benchmarks. Header cards are formatted by nom-tam-fits, so quoting, long strings and
 * number formats follow the standard.
 */
public final class SampleFiles {

    public static final int BLOCK = 2880;

    private SampleFiles() {
    }

    /** FITS bytes: a 16-bit image of {@code width x height} zero pixels and the given keywords in order. */
    public static byte[] fits(Map<String, ?> keywords, int width, int height) {
        StringBuilder h = new StringBuilder();
        h.append(card("SIMPLE", Boolean.TRUE, "conforms to FITS standard"));
        h.append(card("BITPIX", 16, "16-bit integers"));
        h.append(card("NAXIS", 2, null));
        h.append(card("NAXIS1", width, null));
        h.append(card("NAXIS2", height, null));
        h.append(card("BZERO", 32768, null));
        keywords.forEach((k, v) -> h.append(card(k, v, null)));
        h.append(String.format("%-80s", "END"));
        while (h.length() % BLOCK != 0) {
            h.append(' ');
        }
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        int data = width * height * 2;
        int padded = ((data + BLOCK - 1) / BLOCK) * BLOCK;
        byte[] out = new byte[header.length + padded];
        System.arraycopy(header, 0, out, 0, header.length);
        for (int i = 0; i < data; i += 2) {
            out[header.length + i] = (byte) 0x80; // 32768 + 0 with BZERO: a flat grey image
        }
        return out;
    }

    public static void writeFits(Path file, Map<String, ?> keywords) throws IOException {
        write(file, fits(keywords, 16, 16));
    }

    /**
     * A tile-compressed (RICE) FITS file as fpack and N.I.N.A. 3 write it: an empty primary, then a compressed
     * image extension carrying the keywords and a 16-bit {@code width x height} image of the given value.
     */
    public static void writeCompressedFits(Path file, Map<String, ?> keywords, int width, int height, short value)
            throws IOException {
        short[][] pixels = new short[height][width];
        for (short[] row : pixels) {
            java.util.Arrays.fill(row, value);
        }
        try {
            nom.tam.fits.ImageHDU image = (nom.tam.fits.ImageHDU) nom.tam.fits.Fits.makeHDU(pixels);
            nom.tam.fits.Header h = image.getHeader();
            for (Map.Entry<String, ?> e : keywords.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Boolean b) {
                    h.addValue(e.getKey(), b, null);
                } else if (v instanceof Integer || v instanceof Long) {
                    h.addValue(e.getKey(), ((Number) v).longValue(), null);
                } else if (v instanceof Number n) {
                    h.addValue(e.getKey(), n.doubleValue(), null);
                } else {
                    h.addValue(e.getKey(), String.valueOf(v), null);
                }
            }
            nom.tam.image.compression.hdu.CompressedImageHDU compressed =
                    nom.tam.image.compression.hdu.CompressedImageHDU.fromImageHDU(image, width, 1);
            compressed.setCompressAlgorithm(nom.tam.fits.header.Compression.ZCMPTYPE_RICE_1);
            compressed.compress();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (Files.exists(file)) {
                throw new java.nio.file.FileAlreadyExistsException(file.toString());
            }
            try (nom.tam.fits.Fits fits = new nom.tam.fits.Fits()) {
                fits.addHDU(compressed);
                fits.write(file.toFile());
            }
        } catch (nom.tam.fits.FitsException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** XISF bytes: the signature, the XML header with FITS keywords, and a tiny pixel attachment. */
    public static byte[] xisf(Map<String, ?> keywords) {
        int width = 8;
        int height = 8;
        int pixels = width * height * 2;
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<xisf version=\"1.0\" xmlns=\"http://www.pixinsight.com/xisf\">\n");
        xml.append("<Image geometry=\"").append(width).append(':').append(height)
                .append(":1\" sampleFormat=\"UInt16\" colorSpace=\"Gray\" location=\"attachment:%OFFSET%:")
                .append(pixels).append("\">\n");
        keywords.forEach((k, v) -> {
            String value = v instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(v);
            xml.append("<FITSKeyword name=\"").append(escape(k)).append("\" value=\"").append(escape(value))
                    .append("\" comment=\"\"/>\n");
        });
        xml.append("</Image>\n</xisf>\n");
        // the attachment offset is written into the header, so size the header with a fixed-width field
        String template = xml.toString();
        int headerLength = template.replace("%OFFSET%", "0000000000").getBytes(StandardCharsets.UTF_8).length;
        int offset = ((16 + headerLength + 15) / 16) * 16;
        byte[] header = template.replace("%OFFSET%", String.format("%010d", offset)).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("XISF0100".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(header.length).putInt(0).array());
        out.writeBytes(header);
        while (out.size() < offset) {
            out.write(0);
        }
        out.writeBytes(new byte[pixels]);
        return out.toByteArray();
    }

    public static void writeXisf(Path file, Map<String, ?> keywords) throws IOException {
        write(file, xisf(keywords));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One header card (or several, for a long string), formatted by nom-tam-fits. */
    public static String card(String key, Object value, String comment) {
        try {
            HeaderCard c;
            if (value instanceof String s) {
                c = new HeaderCard(key, s, comment);
            } else if (value instanceof Boolean b) {
                c = new HeaderCard(key, b, comment);
            } else if (value instanceof Integer i) {
                c = new HeaderCard(key, i, comment);
            } else if (value instanceof Long l) {
                c = new HeaderCard(key, l, comment);
            } else if (value instanceof Number n) {
                c = new HeaderCard(key, n.doubleValue(), comment);
            } else if (value == null) {
                c = new HeaderCard(key, (String) null, comment);
            } else {
                c = new HeaderCard(key, value.toString(), comment);
            }
            return c.toString();
        } catch (HeaderCardException e) {
            throw new IllegalArgumentException("cannot format " + key + "=" + value + ": " + e.getMessage(), e);
        }
    }
}
