package org.apdm.core.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import org.apdm.core.metadata.UnreadableFileException;

/**
 * XISF pixels of the first {@code Image} of a monolithic file: attached data block, uncompressed or compressed with
 * zlib, lz4 or lz4hc (each optionally byte-shuffled), sample formats UInt8/16/32 and Float32/64, planar or normal
 * (interleaved) storage. The XML header is parsed with StAX with DTDs and external entities off.
 */
final class XisfImageReader {

    private static final byte[] SIGNATURE = "XISF0100".getBytes(StandardCharsets.US_ASCII);
    private static final XMLInputFactory FACTORY = secureFactory();
    // the pure-Java decoder checks every bound; the native and Unsafe ones trust the input
    private static final LZ4Factory LZ4 = LZ4Factory.safeInstance();

    private XisfImageReader() {
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        return f;
    }

    /** What the header says about the image. */
    record Layout(int width, int height, int channels, String sampleFormat, boolean planar, long position, long size,
                  String codec, long uncompressed, int itemSize, String subblocks, Map<String, String> keywords,
                  String cfaPattern) {
    }

    static ImageData read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, head, 0, file, length);
            for (int i = 0; i < SIGNATURE.length; i++) {
                if (head.get(i) != SIGNATURE[i]) {
                    throw new UnreadableFileException(file.getFileName() + ": not an XISF file (no XISF0100 signature)");
                }
            }
            long headerLength = Integer.toUnsignedLong(head.getInt(8));
            if (16 + headerLength > length) {
                throw ImageReader.truncated(file, length, 16 + headerLength);
            }
            ByteBuffer xml = ByteBuffer.allocate((int) headerLength);
            readFully(ch, xml, 16, file, length);
            Layout l = layout(xml.array(), file);
            if (l.position() + l.size() > length) {
                throw ImageReader.truncated(file, length, l.position() + l.size());
            }
            if (l.size() > Integer.MAX_VALUE - 16) {
                throw new UnreadableFileException(file.getFileName() + ": image block of " + l.size() + " bytes is too large");
            }
            ByteBuffer block = ByteBuffer.allocate((int) l.size());
            readFully(ch, block, l.position(), file, length);
            byte[] raw = decode(block.array(), l, file);
            return pixels(raw, l, file);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path file, long length) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) {
                throw ImageReader.truncated(file, length, pos + buf.capacity());
            }
        }
    }

    static Layout layout(byte[] xml, Path file) throws UnreadableFileException {
        Map<String, String> keywords = new HashMap<>();
        Map<String, String> image = null;
        String cfa = null;
        int depth = 0;
        int imageDepth = -1;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String name = r.getLocalName();
                        if (name.equals("Image") && image == null) {
                            image = new HashMap<>();
                            for (int i = 0; i < r.getAttributeCount(); i++) {
                                image.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                            }
                            imageDepth = depth;
                        } else if (imageDepth > 0 && depth > imageDepth && name.equals("FITSKeyword")) {
                            String k = r.getAttributeValue(null, "name");
                            String v = r.getAttributeValue(null, "value");
                            if (k != null && v != null) {
                                keywords.putIfAbsent(k.trim().toUpperCase(Locale.ROOT), v.replace("'", "").trim());
                            }
                        } else if (imageDepth > 0 && depth > imageDepth && name.equals("ColorFilterArray")) {
                            cfa = r.getAttributeValue(null, "pattern");
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        if (depth == imageDepth) {
                            imageDepth = -2; // first image done
                        }
                        depth--;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new UnreadableFileException(file.getFileName() + ": XISF header is not valid XML (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new UnreadableFileException(file.getFileName() + ": the XISF file holds no image");
        }
        String[] geometry = image.getOrDefault("geometry", "").split(":");
        if (geometry.length < 2) {
            throw new UnreadableFileException(file.getFileName() + ": XISF image has no geometry");
        }
        int w = Integer.parseInt(geometry[0].trim());
        int h = Integer.parseInt(geometry[1].trim());
        int c = geometry.length > 2 ? Integer.parseInt(geometry[2].trim()) : 1;
        if (geometry.length > 3) {
            throw new UnreadableFileException(file.getFileName() + ": XISF image of " + (geometry.length - 1)
                    + " dimensions is not a 2-D frame");
        }
        String[] loc = image.getOrDefault("location", "").split(":");
        if (loc.length != 3 || !loc[0].equals("attachment")) {
            throw new UnreadableFileException(file.getFileName() + ": XISF image location '" + image.get("location")
                    + "' is not supported (apdm reads attached blocks of monolithic files)");
        }
        String codec = null;
        long uncompressed = 0;
        int itemSize = 1;
        String compression = image.get("compression");
        if (compression != null && !compression.isBlank()) {
            String[] cp = compression.split(":");
            codec = cp[0].trim().toLowerCase(Locale.ROOT);
            uncompressed = Long.parseLong(cp[1].trim());
            if (cp.length > 2) {
                itemSize = Integer.parseInt(cp[2].trim());
            }
        }
        String sample = image.getOrDefault("sampleFormat", "UInt16");
        boolean planar = !"Normal".equalsIgnoreCase(image.getOrDefault("pixelStorage", "Planar"));
        return new Layout(w, h, c, sample, planar, Long.parseLong(loc[1].trim()), Long.parseLong(loc[2].trim()),
                codec, uncompressed, itemSize, image.get("subblocks"), keywords, cfa);
    }

    /** The block's bytes as stored in the image: decompressed and unshuffled. */
    static byte[] decode(byte[] block, Layout l, Path file) throws UnreadableFileException {
        if (l.codec() == null) {
            return block;
        }
        boolean shuffled = l.codec().endsWith("+sh");
        String codec = shuffled ? l.codec().substring(0, l.codec().length() - 3) : l.codec();
        if (l.uncompressed() > Integer.MAX_VALUE - 16) {
            throw new UnreadableFileException(file.getFileName() + ": image of " + l.uncompressed() + " bytes is too large");
        }
        byte[] out = new byte[(int) l.uncompressed()];
        // sub-blocks: "c0,u0:c1,u1:…" (compressed, uncompressed sizes); absent means one block
        long[][] parts = l.subblocks() == null || l.subblocks().isBlank()
                ? new long[][] {{block.length, out.length}} : subblocks(l.subblocks());
        int in = 0;
        int at = 0;
        try {
            for (long[] part : parts) {
                int cs = (int) part[0];
                int us = (int) part[1];
                if (in + cs > block.length || at + us > out.length) {
                    throw new UnreadableFileException(file.getFileName() + ": XISF sub-blocks do not fit the block");
                }
                switch (codec) {
                    case "zlib" -> {
                        Inflater inf = new Inflater();
                        try {
                            inf.setInput(block, in, cs);
                            int n = 0;
                            while (n < us && !inf.finished()) {
                                int k = inf.inflate(out, at + n, us - n);
                                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                                    break;
                                }
                                n += k;
                            }
                            if (n != us) {
                                throw new UnreadableFileException(file.getFileName()
                                        + ": zlib block ends early (truncated or damaged)");
                            }
                        } finally {
                            inf.end();
                        }
                    }
                    case "lz4", "lz4hc" -> {
                        int n = LZ4.safeDecompressor().decompress(block, in, cs, out, at, us);
                        if (n != us) {
                            throw new UnreadableFileException(file.getFileName() + ": lz4 block gives " + n
                                    + " bytes, the header says " + us);
                        }
                    }
                    default -> throw new UnreadableFileException(file.getFileName() + ": XISF compression '" + l.codec()
                            + "' is not supported (zlib, lz4, lz4hc, each with +sh)");
                }
                in += cs;
                at += us;
            }
        } catch (DataFormatException | LZ4Exception e) {
            throw new UnreadableFileException(file.getFileName() + ": compressed image block is damaged ("
                    + e.getMessage() + ")", e);
        }
        return shuffled ? unshuffle(out, l.itemSize()) : out;
    }

    private static long[][] subblocks(String s) {
        String[] items = s.split(":");
        long[][] out = new long[items.length][2];
        for (int i = 0; i < items.length; i++) {
            String[] cu = items[i].split(",");
            out[i][0] = Long.parseLong(cu[0].trim());
            out[i][1] = Long.parseLong(cu[1].trim());
        }
        return out;
    }

    /** Undoes XISF byte shuffling: all first bytes of the items, then all second bytes, …; a remainder stays as is. */
    static byte[] unshuffle(byte[] in, int itemSize) {
        if (itemSize <= 1) {
            return in;
        }
        int n = in.length / itemSize;
        byte[] out = new byte[in.length];
        for (int j = 0; j < itemSize; j++) {
            int base = j * n;
            for (int i = 0; i < n; i++) {
                out[i * itemSize + j] = in[base + i];
            }
        }
        System.arraycopy(in, n * itemSize, out, n * itemSize, in.length - n * itemSize);
        return out;
    }

    /** Shuffles bytes the way XISF writers do; for tests and sample writers. */
    static byte[] shuffle(byte[] in, int itemSize) {
        int n = in.length / itemSize;
        byte[] out = new byte[in.length];
        for (int j = 0; j < itemSize; j++) {
            for (int i = 0; i < n; i++) {
                out[j * n + i] = in[i * itemSize + j];
            }
        }
        System.arraycopy(in, n * itemSize, out, n * itemSize, in.length - n * itemSize);
        return out;
    }

    private static ImageData pixels(byte[] raw, Layout l, Path file) throws UnreadableFileException {
        int w = l.width();
        int h = l.height();
        int c = l.channels();
        int bytes = switch (l.sampleFormat()) {
            case "UInt8" -> 1;
            case "UInt16" -> 2;
            case "UInt32", "Float32" -> 4;
            case "Float64" -> 8;
            default -> throw new UnreadableFileException(file.getFileName() + ": XISF sample format '"
                    + l.sampleFormat() + "' is not supported (UInt8/16/32, Float32/64)");
        };
        long need = (long) w * h * c * bytes;
        if (raw.length < need) {
            throw new UnreadableFileException(file.getFileName() + ": XISF image block has " + raw.length
                    + " bytes, " + w + "x" + h + "x" + c + " " + l.sampleFormat() + " needs " + need);
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int n = w * h;
        float[][] planes = new float[c][n];
        for (int p = 0; p < c; p++) {
            float[] out = planes[p];
            for (int i = 0; i < n; i++) {
                int idx = l.planar() ? p * n + i : i * c + p;
                int off = idx * bytes;
                out[i] = switch (bytes) {
                    case 1 -> raw[off] & 0xff;
                    case 2 -> b.getShort(off) & 0xffff;
                    case 4 -> l.sampleFormat().equals("Float32") ? b.getFloat(off) : (float) Integer.toUnsignedLong(b.getInt(off));
                    default -> (float) b.getDouble(off);
                };
            }
        }
        BayerPattern bayer = null;
        if (c == 1) {
            // a ColorFilterArray element describes the stored image; BAYERPAT is shifted by X/YBAYROFF
            bayer = l.cfaPattern() != null ? BayerPattern.fromHeader(l.cfaPattern(), null, null)
                    : BayerPattern.fromHeader(l.keywords().get("BAYERPAT"), l.keywords().get("XBAYROFF"),
                            l.keywords().get("YBAYROFF"));
        }
        return new ImageData(w, h, planes, bayer);
    }

}
