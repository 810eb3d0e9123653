package org.apdm.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes camera raw files carrying only their metadata, laid out as the cameras write them: CR2 (TIFF with Canon's
 * {@code CR} marker), NEF, ARW and DNG (TIFF), and CR3 (ISO media boxes with the TIFF blocks CMT1 and CMT2 in
 * Canon's {@code uuid} box). No pixels: apdm reads only EXIF from raw files.
 */
public final class CameraRawFiles {

    /** What the camera recorded; a null value is left out of the file. */
    public record Exif(String make, String model, Integer exposureNumerator, Integer exposureDenominator, Integer iso,
                       String taken, String offset) {

        /** {@code seconds} whole seconds at ISO {@code iso}, taken at {@code taken} ("yyyy:MM:dd HH:mm:ss"). */
        public static Exif of(String make, String model, int seconds, int iso, String taken) {
            return new Exif(make, model, seconds, 1, iso, taken, null);
        }
    }

    private static final short ASCII = 2;
    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short RATIONAL = 5;
    private static final byte[] CANON_UUID = HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48");

    private CameraRawFiles() {
    }

    /** Writes {@code file} in the format its extension names (.cr2, .cr3, .nef, .arw, .dng). */
    public static Path write(Path file, Exif exif) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        byte[] bytes;
        if (name.endsWith(".cr3")) {
            bytes = cr3(exif);
        } else {
            bytes = tiff(exif, name.endsWith(".cr2"));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }

    private static byte[] tiff(Exif exif, boolean canon) {
        int ifd0 = canon ? 16 : 8;
        List<Entry> exifEntries = exifEntries(exif);
        List<Entry> ifd0Entries = ifd0Entries(exif);
        int ifd0Size = Ifd.size(ifd0Entries.size() + 1, ifd0Entries);
        int exifOffset = ifd0 + ifd0Size;
        ifd0Entries.add(new Entry(0x8769, LONG, 1, le(4).putInt(exifOffset).array()));
        ByteBuffer out = le(exifOffset + Ifd.size(exifEntries.size(), exifEntries));
        out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        if (canon) {
            out.put((byte) 'C').put((byte) 'R').put((byte) 2).put((byte) 0).putInt(0);
        }
        Ifd.write(out, ifd0, ifd0Entries);
        Ifd.write(out, exifOffset, exifEntries);
        return out.array();
    }

    /** CR3: ftyp, then moov holding Canon's uuid box with IFD0 as CMT1 and the Exif IFD as CMT2, each a TIFF. */
    private static byte[] cr3(Exif exif) {
        byte[] cmt1 = singleIfdTiff(ifd0Entries(exif));
        byte[] cmt2 = singleIfdTiff(exifEntries(exif));
        byte[] uuidPayload = concat(CANON_UUID, box("CMT1", cmt1), box("CMT2", cmt2));
        byte[] ftyp = box("ftyp", concat("crx ".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 0, 1},
                "crx isom".getBytes(StandardCharsets.US_ASCII)));
        return concat(ftyp, box("moov", box("uuid", uuidPayload)));
    }

    private static byte[] singleIfdTiff(List<Entry> entries) {
        ByteBuffer out = le(8 + Ifd.size(entries.size(), entries));
        out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        Ifd.write(out, 8, entries);
        return out.array();
    }

    private static List<Entry> ifd0Entries(Exif exif) {
        List<Entry> entries = new ArrayList<>();
        if (exif.make() != null) {
            entries.add(ascii(0x010F, exif.make()));
        }
        if (exif.model() != null) {
            entries.add(ascii(0x0110, exif.model()));
        }
        return entries;
    }

    private static List<Entry> exifEntries(Exif exif) {
        List<Entry> entries = new ArrayList<>();
        if (exif.exposureNumerator() != null) {
            entries.add(new Entry(0x829A, RATIONAL, 1,
                    le(8).putInt(exif.exposureNumerator()).putInt(exif.exposureDenominator()).array()));
        }
        if (exif.iso() != null) {
            entries.add(new Entry(0x8827, SHORT, 1, le(2).putShort(exif.iso().shortValue()).array()));
        }
        if (exif.taken() != null) {
            entries.add(ascii(0x9003, exif.taken()));
        }
        if (exif.offset() != null) {
            entries.add(ascii(0x9011, exif.offset()));
        }
        return entries;
    }

    private record Entry(int tag, short type, int count, byte[] value) {
    }

    /** One IFD: its entries, the next-IFD link (none), then the values longer than four bytes. */
    private static final class Ifd {
        static int size(int entryCount, List<Entry> entries) {
            int data = 0;
            for (Entry e : entries) {
                data += e.value().length > 4 ? e.value().length + (e.value().length & 1) : 0;
            }
            return 2 + 12 * entryCount + 4 + data;
        }

        static void write(ByteBuffer out, int at, List<Entry> entries) {
            out.position(at);
            out.putShort((short) entries.size());
            int data = at + 2 + 12 * entries.size() + 4;
            for (Entry e : entries) {
                out.putShort((short) e.tag()).putShort(e.type()).putInt(e.count());
                if (e.value().length <= 4) {
                    out.put(e.value());
                    out.put(new byte[4 - e.value().length]);
                } else {
                    out.putInt(data);
                    int here = out.position();
                    out.position(data).put(e.value());
                    data += e.value().length + (e.value().length & 1);
                    out.position(here);
                }
            }
            out.putInt(0);
        }
    }

    private static Entry ascii(int tag, String text) {
        byte[] b = (text + "\0").getBytes(StandardCharsets.UTF_8);
        return new Entry(tag, ASCII, b.length, b);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] box(String type, byte[] payload) {
        return concat(ByteBuffer.allocate(4).putInt(8 + payload.length).array(),
                type.getBytes(StandardCharsets.US_ASCII), payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
