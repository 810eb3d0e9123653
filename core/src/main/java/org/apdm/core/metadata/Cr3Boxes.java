package org.apdm.core.metadata;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.tiff.TiffProcessingException;
import com.drew.imaging.tiff.TiffReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifTiffHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The EXIF of a Canon CR3, which metadata-extractor does not open: a CR3 is ISO media boxes, and its EXIF sits in
 * {@code moov/uuid(Canon)} as the TIFF blocks {@code CMT1} (IFD0: make, model) and {@code CMT2} (Exif IFD). This
 * finds those blocks and hands each to metadata-extractor's TIFF reader.
 */
final class Cr3Boxes {

    private static final byte[] CANON_UUID = HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48");
    /** A real moov box is tens of kilobytes; a larger one is not read into memory. */
    private static final long MAX_MOOV = 16L << 20;

    private Cr3Boxes() {
    }

    static Metadata exif(Path file) throws IOException, ImageProcessingException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] moov = child(ch, 0, ch.size(), "moov");
            if (moov == null) {
                throw new ImageProcessingException("no moov box: not a CR3 file");
            }
            ByteBuffer b = ByteBuffer.wrap(moov);
            Metadata metadata = new Metadata();
            while (b.remaining() >= 8) {
                int start = b.position();
                long size = Integer.toUnsignedLong(b.getInt());
                String type = type(b);
                if (size < 8 || size > b.limit() - start) {
                    break;
                }
                if (type.equals("uuid") && size >= 24
                        && Arrays.equals(moov, start + 8, start + 24, CANON_UUID, 0, 16)) {
                    tiffBlocks(moov, start + 24, (int) (start + size), metadata);
                }
                b.position((int) (start + size));
            }
            return metadata;
        }
    }

    private static void tiffBlocks(byte[] data, int from, int to, Metadata metadata) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data, from, to - from);
        while (b.remaining() >= 8) {
            int start = b.position();
            long size = Integer.toUnsignedLong(b.getInt());
            String type = type(b);
            if (size < 8 || size > to - start) {
                break;
            }
            if (type.equals("CMT1") || type.equals("CMT2")) {
                byte[] tiff = Arrays.copyOfRange(data, start + 8, (int) (start + size));
                try {
                    new TiffReader().processTiff(new ByteArrayReader(tiff), new ExifTiffHandler(metadata, null, 0), 0);
                } catch (TiffProcessingException e) {
                    throw new IOException(type + " is not a TIFF block: " + e.getMessage(), e);
                }
            }
            b.position((int) (start + size));
        }
    }

    /** The payload of the first top-level box of {@code wanted} type between {@code from} and {@code to}. */
    private static byte[] child(FileChannel ch, long from, long to, String wanted) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16);
        long at = from;
        while (at + 8 <= to) {
            header.clear().limit(16);
            ch.read(header, at);
            header.flip();
            if (header.remaining() < 8) {
                return null;
            }
            long size = Integer.toUnsignedLong(header.getInt());
            String type = type(header);
            int headerSize = 8;
            if (size == 1 && header.remaining() >= 8) { // a 64-bit size follows the type
                size = header.getLong();
                headerSize = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < headerSize || at + size > to) {
                return null;
            }
            if (type.equals(wanted)) {
                if (size - headerSize > MAX_MOOV) {
                    throw new IOException(wanted + " box of " + size + " bytes is larger than a CR3 writes");
                }
                ByteBuffer payload = ByteBuffer.allocate((int) (size - headerSize));
                while (payload.hasRemaining() && ch.read(payload, at + headerSize + payload.position()) > 0) {
                    // read until full or end of file
                }
                return payload.array();
            }
            at += size;
        }
        return null;
    }

    private static String type(ByteBuffer b) {
        byte[] t = new byte[4];
        b.get(t);
        return new String(t, StandardCharsets.ISO_8859_1);
    }
}
