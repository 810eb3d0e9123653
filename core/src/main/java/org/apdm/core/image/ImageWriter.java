package org.apdm.core.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.Deflater;
import net.jpountz.lz4.LZ4Factory;
import org.apdm.core.demo.SampleFiles;

/**
 * Writes frames with real pixels, as capture programs and PixInsight do: FITS of any BITPIX (16-bit with
 * BZERO 32768, as N.I.N.A.) and XISF with any of the codecs {@link XisfImageReader} reads. For samples, tests and
 * benchmarks; never used on the user's files (it refuses to overwrite).
 */
public final class ImageWriter {

    /** XISF block compression. */
    public enum Codec {
        NONE(null), ZLIB("zlib"), LZ4("lz4"), LZ4HC("lz4hc");

        final String name;

        Codec(String name) {
            this.name = name;
        }
    }

    private ImageWriter() {
    }

    /** FITS bytes of the image; {@code bitpix} 8, 16, 32, -32 or -64; integer values are rounded and clamped. */
    public static byte[] fits(ImageData img, int bitpix, Map<String, ?> keywords) {
        StringBuilder h = new StringBuilder();
        int c = img.channels();
        h.append(SampleFiles.card("SIMPLE", Boolean.TRUE, "conforms to FITS standard"));
        h.append(SampleFiles.card("BITPIX", bitpix, null));
        h.append(SampleFiles.card("NAXIS", c == 1 ? 2 : 3, null));
        h.append(SampleFiles.card("NAXIS1", img.width(), null));
        h.append(SampleFiles.card("NAXIS2", img.height(), null));
        if (c > 1) {
            h.append(SampleFiles.card("NAXIS3", c, null));
        }
        double bzero = bitpix == 16 ? 32768 : bitpix == 32 ? 2147483648.0 : 0;
        if (bzero != 0) {
            h.append(SampleFiles.card("BZERO", bzero == 32768 ? (Object) 32768 : (Object) 2147483648L, null));
            h.append(SampleFiles.card("BSCALE", 1, null));
        }
        keywords.forEach((k, v) -> h.append(SampleFiles.card(k, v, null)));
        h.append(String.format("%-80s", "END"));
        while (h.length() % SampleFiles.BLOCK != 0) {
            h.append(' ');
        }
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        int bytes = Math.abs(bitpix) / 8;
        long n = (long) img.width() * img.height();
        long data = n * c * bytes;
        long padded = (data + SampleFiles.BLOCK - 1) / SampleFiles.BLOCK * SampleFiles.BLOCK;
        ByteBuffer out = ByteBuffer.allocate((int) (header.length + padded)).order(ByteOrder.BIG_ENDIAN);
        out.put(header);
        for (float[] plane : img.planes()) {
            for (float v : plane) {
                switch (bitpix) {
                    case 8 -> out.put((byte) clamp(v, 0, 255));
                    case 16 -> out.putShort((short) (clamp(v, 0, 65535) - 32768));
                    case 32 -> out.putInt((int) (clamp(v, 0, 4294967295.0) - 2147483648L));
                    case -32 -> out.putFloat(v);
                    case -64 -> out.putDouble(v);
                    default -> throw new IllegalArgumentException("BITPIX " + bitpix);
                }
            }
        }
        return out.array();
    }

    private static long clamp(double v, double lo, double hi) {
        return Math.round(Math.max(lo, Math.min(hi, v)));
    }

    /**
     * XISF bytes: one attached image, planar, {@code UInt16} or {@code Float32}, compressed by {@code codec}
     * (byte-shuffled when {@code shuffle}), with the keywords as FITSKeyword elements.
     */
    public static byte[] xisf(ImageData img, String sampleFormat, Codec codec, boolean shuffle, Map<String, ?> keywords) {
        int item = sampleFormat.equals("Float32") ? 4 : 2;
        long n = (long) img.width() * img.height();
        ByteBuffer px = ByteBuffer.allocate((int) (n * img.channels() * item)).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] plane : img.planes()) {
            for (float v : plane) {
                if (item == 4) {
                    px.putFloat(v);
                } else {
                    px.putShort((short) clamp(v, 0, 65535));
                }
            }
        }
        byte[] raw = px.array();
        byte[] block = raw;
        String compression = "";
        if (codec != Codec.NONE) {
            byte[] in = shuffle ? XisfImageReader.shuffle(raw, item) : raw;
            block = switch (codec) {
                case ZLIB -> {
                    Deflater d = new Deflater();
                    d.setInput(in);
                    d.finish();
                    ByteArrayOutputStream bo = new ByteArrayOutputStream();
                    byte[] buf = new byte[65536];
                    while (!d.finished()) {
                        bo.write(buf, 0, d.deflate(buf));
                    }
                    d.end();
                    yield bo.toByteArray();
                }
                case LZ4 -> LZ4Factory.safeInstance().fastCompressor().compress(in);
                case LZ4HC -> LZ4Factory.safeInstance().highCompressor().compress(in);
                default -> in;
            };
            compression = " compression=\"" + codec.name + (shuffle ? "+sh" : "") + ":" + raw.length
                    + (shuffle ? ":" + item : "") + "\"";
        }
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<xisf version=\"1.0\" xmlns=\"http://www.pixinsight.com/xisf\">\n");
        xml.append("<Image geometry=\"").append(img.width()).append(':').append(img.height()).append(':')
                .append(img.channels()).append("\" sampleFormat=\"").append(sampleFormat).append('"')
                .append(item == 4 ? " bounds=\"0:1\"" : "")
                .append(" colorSpace=\"").append(img.channels() == 3 ? "RGB" : "Gray")
                .append("\" location=\"attachment:%OFFSET%:").append(block.length).append('"').append(compression)
                .append(">\n");
        keywords.forEach((k, v) -> {
            String value = v instanceof String s ? "'" + s + "'" : String.valueOf(v);
            xml.append("<FITSKeyword name=\"").append(k).append("\" value=\"").append(value)
                    .append("\" comment=\"\"/>\n");
        });
        xml.append("</Image>\n</xisf>\n");
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
        out.writeBytes(block);
        return out.toByteArray();
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
}
