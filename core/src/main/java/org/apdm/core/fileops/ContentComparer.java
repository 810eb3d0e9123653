package org.apdm.core.fileops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Byte comparison and hashing of whole files. */
final class ContentComparer {

    static final int BUFFER = 1 << 20;

    private ContentComparer() {
    }

    /** True when both files have the same size and the same bytes. */
    static boolean sameContent(Path a, Path b) throws IOException {
        if (!Files.isRegularFile(a) || !Files.isRegularFile(b) || Files.size(a) != Files.size(b)) {
            return false;
        }
        byte[] ba = new byte[BUFFER];
        byte[] bb = new byte[BUFFER];
        try (InputStream ia = Files.newInputStream(a); InputStream ib = Files.newInputStream(b)) {
            while (true) {
                int na = ia.readNBytes(ba, 0, BUFFER);
                int nb = ib.readNBytes(bb, 0, BUFFER);
                if (na != nb || !Arrays.equals(ba, 0, na, bb, 0, nb)) {
                    return false;
                }
                if (na < BUFFER) {
                    return true;
                }
            }
        }
    }

    static byte[] sha256(Path file) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
