package org.apdm.core.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A fixed set of FITS keywords, found by the eight bytes of a card's keyword field without making a
 * string: a scan reads ~45 cards per frame and wants ~20 of them. Names longer than eight characters
 * (HIERARCH keys) are kept in an ordinary set.
 */
public final class Keywords {

    static final long END = pack("END");
    static final long CONTINUE = pack("CONTINUE");
    static final long HIERARCH = pack("HIERARCH");
    static final long COMMENT = pack("COMMENT");
    static final long HISTORY = pack("HISTORY");
    private static final long BITPIX = pack("BITPIX");
    private static final long NAXIS = pack("NAXIS");
    private static final long PCOUNT = pack("PCOUNT");
    private static final long GCOUNT = pack("GCOUNT");
    private static final long NAXIS_PREFIX = pack("NAXIS") & 0xFFFFFFFFFF000000L;

    private final long[] keys;
    private final String[] names;
    private final int mask;
    private final Set<String> longNames = new HashSet<>();

    private Keywords(Collection<String> wanted) {
        int size = Integer.highestOneBit(Math.max(16, wanted.size() * 4) - 1) << 1;
        keys = new long[size];
        names = new String[size];
        mask = size - 1;
        for (String w : wanted) {
            String name = w.toUpperCase(Locale.ROOT);
            if (name.length() > 8 || !name.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
                longNames.add(name);
                continue;
            }
            long k = pack(name);
            int i = slot(k);
            while (keys[i] != 0 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            names[i] = name;
        }
    }

    public static Keywords of(Collection<String> wanted) {
        return new Keywords(wanted);
    }

    /** The keyword's canonical name if it is wanted, else null. */
    String lookup(long packed) {
        for (int i = slot(packed); keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == packed) {
                return names[i];
            }
        }
        return null;
    }

    /** For keys that are not eight-byte card keywords (HIERARCH.A.B) and for callers holding a name. */
    public boolean contains(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (longNames.contains(n)) {
            return true;
        }
        return n.length() <= 8 && n.chars().allMatch(c -> c > ' ' && c < 0x7f) && lookup(pack(n)) != null;
    }

    static boolean isStructural(long packed) {
        return packed == BITPIX || packed == NAXIS || packed == PCOUNT || packed == GCOUNT
                || (packed & 0xFFFFFFFFFF000000L) == NAXIS_PREFIX;
    }

    private int slot(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /** The keyword field as eight upper-case bytes, blank-padded, in one long. */
    static long pack(byte[] b, int from, int to) {
        long k = 0;
        for (int i = 0; i < 8; i++) {
            int c = from + i < to ? b[from + i] & 0xff : ' ';
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            k = (k << 8) | c;
        }
        return k;
    }

    static long pack(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        return pack(bytes, 0, Math.min(8, bytes.length));
    }
}
