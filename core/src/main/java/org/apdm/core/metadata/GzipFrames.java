package org.apdm.core.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Gzip-compressed frames ({@code .fits.gz}), which the FITS standard allows and some capture programs and archives
 * write. The header reader decompresses only as far as the header goes; the uncompressed size comes from the gzip
 * trailer (ISIZE, the size modulo 4 GiB, enough for any frame).
 */
public final class GzipFrames {

    private GzipFrames() {
    }

    public static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The uncompressed size the gzip trailer records. */
    public static long uncompressedSize(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 18) {
                throw new UnreadableFileException("not a gzip file (" + size + " bytes)");
            }
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, size - 4);
            return Integer.toUnsignedLong(b.getInt(0));
        }
    }

    /** Reads the decompressed bytes from the start on demand, never more than was asked for plus one buffer. */
    static final class Prefix implements FitsHeaderReader.Source, AutoCloseable {
        private final InputStream in;
        private final long size;
        private byte[] bytes = new byte[8 * 2880];
        private int filled;
        private boolean eof;

        Prefix(Path file) throws IOException {
            this.size = uncompressedSize(file);
            InputStream raw = Files.newInputStream(file);
            try {
                this.in = new GZIPInputStream(raw, 64 * 1024);
            } catch (IOException e) {
                raw.close();
                throw new UnreadableFileException("not a gzip file: " + e.getMessage(), e);
            }
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            long want = position + dst.remaining();
            while (!eof && filled < want) {
                if (filled == bytes.length) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, bytes.length * 2L));
                }
                int n = in.read(bytes, filled, (int) Math.min(bytes.length - filled, want - filled));
                if (n < 0) {
                    eof = true;
                } else {
                    filled += n;
                }
            }
            if (position >= filled) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), filled - position);
            dst.put(bytes, (int) position, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
