package org.apdm.core.layout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where a header value becomes part of a path (reliability-anchors §4).
 *
 * <p>The strictest rules (Windows) apply on every system, so an archive stays usable from a Mac,
 * a PC and a NAS: a value is one path component, never a path; no separators, no {@code ..}, no
 * control, bidi or zero-width characters, no reserved characters, no Windows device names, no
 * trailing dots or spaces; Unicode NFC; at most {@value #MAX_COMPONENT} UTF-16 units and UTF-8 bytes,
 * long values cut on a character boundary and made unique with a hash of the original.
 * {@link #component(String)} is idempotent.
 */
public final class PathSanitizer {

    public static final int MAX_COMPONENT = 100;
    /** Longest relative path below a root, in UTF-16 units; Explorer and PixInsight choke beyond. */
    public static final int MAX_RELATIVE_PATH = 240;
    public static final String UNKNOWN = "_unknown";

    private static final Set<String> DEVICE_NAMES = Set.of(
            "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");

    private PathSanitizer() {
    }

    /** Makes {@code raw} safe as a single folder or file name. Never returns an empty string. */
    public static String component(String raw) {
        return limit(clean(raw), raw, MAX_COMPONENT);
    }

    /**
     * A file name from a stem and an extension; the extension is kept whole and only the stem is
     * shortened when the name is too long.
     */
    public static String fileName(String stem, String extension) {
        String bare = extension == null ? "" : extension.startsWith(".") ? extension.substring(1) : extension;
        String ext = bare.isEmpty() ? "" : "." + clean(bare);
        String s = limit(clean(stem), stem, MAX_COMPONENT - ext.length());
        return s + ext;
    }

    /** Replaces {@code _} so a value embedded in {@code KEY_value} reads back as one value. */
    public static String tokenValue(String raw) {
        // again after sanitising: '/' in "Ha/OIII", a leading dot and the placeholder all become '_'
        return component(raw == null ? null : raw.replace('_', '-')).replace('_', '-');
    }

    /**
     * Resolves components below {@code root} and checks the result stays inside it and within the
     * total length limit.
     */
    public static Path resolve(Path root, List<String> components) throws UnsafePathException {
        Path base = root.toAbsolutePath().normalize();
        Path p = base;
        int length = 0;
        for (String c : components) {
            if (c.isEmpty() || c.equals(".") || c.equals("..") || c.indexOf('/') >= 0 || c.indexOf('\\') >= 0) {
                throw new UnsafePathException("'" + c + "' is not a single safe folder or file name");
            }
            p = p.resolve(c);
            length += c.length() + 1;
        }
        Path normal = p.normalize();
        if (!normal.startsWith(base) || normal.equals(base)) {
            throw new UnsafePathException("the path would leave " + base);
        }
        if (length - 1 > MAX_RELATIVE_PATH) {
            throw new UnsafePathException("the path below " + base + " would be " + (length - 1)
                    + " characters long; the limit is " + MAX_RELATIVE_PATH);
        }
        return normal;
    }

    private static String clean(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        if (isPlain(raw)) {
            return raw; // the common case: nothing to change, and a scan builds six names per frame
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                sb.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('_'); // a lone surrogate is not text
            } else {
                sb.append(c);
            }
        }
        String s = Normalizer.normalize(sb, Normalizer.Form.NFC);
        sb.setLength(0);
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || (c >= 0x200b && c <= 0x200d) || c == 0xfeff) {
                continue;
            }
            if (space && sb.length() > 0) {
                sb.append(' ');
            }
            space = false;
            switch (c) {
                case '/', '\\', ':', '*', '?', '"', '<', '>', '|' -> sb.append('_');
                default -> sb.append(c);
            }
        }
        int end = sb.length();
        while (end > 0 && (sb.charAt(end - 1) == '.' || sb.charAt(end - 1) == ' ')) {
            end--;
        }
        sb.setLength(end);
        if (sb.length() > 0 && sb.charAt(0) == '.') {
            sb.setCharAt(0, '_');
        }
        String out = Normalizer.normalize(sb, Normalizer.Form.NFC);
        if (out.isEmpty()) {
            return UNKNOWN;
        }
        int dot = out.indexOf('.');
        // Windows also ignores blanks before the extension: "CON .fits" is the console (cpython ntpath.isreserved)
        String base = (dot < 0 ? out : out.substring(0, dot)).stripTrailing();
        if (DEVICE_NAMES.contains(base.toUpperCase(Locale.ROOT))) {
            out = base + "_" + out.substring(base.length());
        }
        return out;
    }

    /**
     * Printable ASCII without reserved characters, runs of blanks, blanks or dots at the ends, a
     * leading dot, or a device name: already what {@link #clean} would return (ASCII is NFC).
     */
    private static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(0) == '.' || s.charAt(n - 1) == ' ' || s.charAt(n - 1) == '.') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"'
                    || c == '<' || c == '>' || c == '|' || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        int dot = s.indexOf('.');
        String base = dot < 0 ? s : s.substring(0, dot);
        String b = base.trim();
        return b.length() > 7 || !DEVICE_NAMES.contains(b.toUpperCase(Locale.ROOT));
    }

    private static String limit(String cleaned, String raw, int max) {
        if (fits(cleaned, max)) {
            return cleaned;
        }
        String suffix = "~" + shortHash(raw == null ? "" : raw);
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(cleaned);
        int cut = 0;
        for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
            if (!fits(cleaned.substring(0, b) + suffix, max)) {
                break;
            }
            cut = b;
        }
        String head = cleaned.substring(0, cut);
        int end = head.length();
        while (end > 0 && (head.charAt(end - 1) == '.' || head.charAt(end - 1) == ' ')) {
            end--;
        }
        return head.substring(0, end) + suffix;
    }

    private static boolean fits(String s, int max) {
        return s.length() <= max && s.getBytes(StandardCharsets.UTF_8).length <= max;
    }

    private static String shortHash(String raw) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
