package org.apdm.core.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Header strings as one spelling: FITS allows only ASCII, but capture programs write target names in UTF-8 (new
 * N.I.N.A.) or Latin-1 (older tools), and macOS hands out decomposed (NFD) names. Without this, "Mélotte 15"
 * becomes two targets and two folders.
 */
public final class HeaderText {

    private HeaderText() {
    }

    /**
     * A string read byte by byte (each char one byte, ISO-8859-1): decoded as UTF-8 when its bytes are valid
     * UTF-8, kept as Latin-1 otherwise, and NFC-normalised. ASCII comes back unchanged and unallocated.
     */
    public static String decode(String latin1) {
        if (latin1 == null || isAscii(latin1)) {
            return latin1;
        }
        String text = latin1;
        if (latin1.chars().allMatch(c -> c <= 0xFF)) {
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1))).toString();
            } catch (CharacterCodingException e) {
                text = latin1; // not UTF-8: the bytes were Latin-1 letters
            }
        }
        return nfc(text);
    }

    /** The composed (NFC) spelling, so a name typed on macOS and one typed on Windows are the same name. */
    public static String nfc(String text) {
        if (text == null || isAscii(text)) {
            return text;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
