package org.apdm.core.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apdm.core.demo.SampleFiles;

/**
 * Random but valid FITS headers for the differential tests: keywords from a N.I.N.A.-like pool plus
 * HIERARCH keys, values of every FITS type (strings with quotes, blanks, ampersands and slashes, long
 * strings that need CONTINUE, integers, reals, logicals, undefined values), comments, commentary cards,
 * lower-case keywords and free-format cards.
 */
final class FitsHeaderGenerator {

    static final List<String> KEYS = List.of(
            "IMAGETYP", "EXPOSURE", "EXPTIME", "DATE-LOC", "DATE-OBS", "XBINNING", "GAIN", "OFFSET", "INSTRUME",
            "SET-TEMP", "CCD-TEMP", "TELESCOP", "FOCALLEN", "FOCRATIO", "FILTER", "OBJECT", "OBJCTRA", "SITELAT",
            "SITELONG", "READOUTM", "SWCREATE", "OBSERVER", "KEY_1", "A-B", "X",
            "HIERARCH.ESO.DET.NAME", "HIERARCH.NINA.TARGET.DESCRIPTION", "HIERARCH.A.B", "HIERARCH.LONG.KEYWORD.PATH.X");

    /** How a card is written. */
    enum Style {
        /** Formatted by nom-tam-fits (fixed format, CONTINUE for long strings). */
        NOM,
        /** As NOM, then the keyword (and CONTINUE) written in lower case. */
        LOWER,
        /** Hand-written free format: the value anywhere after {@code =}, sometimes with no blank after it. */
        FREE
    }

    /**
     * One keyword card (or a COMMENT/HISTORY/blank commentary card when {@code commentary}); {@code gap} is
     * the number of blanks after {@code =} in the FREE style.
     */
    record CardSpec(String key, Object value, String comment, Style style, boolean commentary, int gap) {

        /** The card text (a multiple of 80 characters), or null when nom-tam-fits cannot format it. */
        String render() {
            if (commentary) {
                return FitsBytes.card(key + value);
            }
            if (style == Style.FREE && !key.startsWith("HIERARCH.")) {
                String free = free();
                if (free != null) {
                    return free;
                }
            }
            String text;
            try {
                text = SampleFiles.card(key, value, comment);
            } catch (IllegalArgumentException e) {
                return null; // e.g. a HIERARCH key too long for its value: nom-tam-fits refuses to write it
            }
            if (style == Style.LOWER) {
                char[] c = text.toCharArray();
                int keyEnd = key.startsWith("HIERARCH.") ? text.indexOf('=') : 8;
                for (int i = 0; i < keyEnd; i++) {
                    c[i] = Character.toLowerCase(c[i]);
                }
                for (int card = 80; card < c.length; card += 80) {
                    for (int i = card; i < card + 8; i++) {
                        c[i] = Character.toLowerCase(c[i]);
                    }
                }
                text = new String(c);
            }
            return text;
        }

        private String free() {
            String v;
            if (value == null) {
                v = "";
            } else if (value instanceof String) {
                v = "'" + ((String) value).replace("'", "''") + "'";
            } else if (value instanceof Boolean) {
                v = ((Boolean) value) ? "T" : "F";
            } else {
                v = value.toString();
            }
            String text = String.format("%-8s=%s%s", key, " ".repeat(gap), v);
            if (comment != null) {
                text = text + " / " + comment;
            }
            return text.length() <= 80 ? FitsBytes.card(text) : null;
        }

        /** What a correct reader must return for a string value: trailing blanks are insignificant. */
        String expectedString() {
            return value instanceof String ? ((String) value).stripTrailing() : null;
        }
    }

    private FitsHeaderGenerator() {
    }

    /** A header of 0 to {@code maxCards} generated cards. */
    static List<CardSpec> header(Random random, int maxCards) {
        int n = random.nextInt(maxCards + 1);
        List<CardSpec> cards = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cards.add(cardSpec(random));
        }
        return cards;
    }

    static CardSpec cardSpec(Random r) {
        if (r.nextInt(12) == 0) {
            String[] commentary = {"COMMENT ", "HISTORY ", "        "};
            return new CardSpec(commentary[r.nextInt(3)], string(r, 60), null, Style.NOM, true, 0);
        }
        String key = KEYS.get(r.nextInt(KEYS.size()));
        Style style = Style.values()[r.nextInt(Style.values().length)];
        String comment = r.nextBoolean() ? null : commentText(r);
        return new CardSpec(key, value(r), comment, style, false, r.nextInt(4));
    }

    static Object value(Random r) {
        switch (r.nextInt(10)) {
            case 0:
                return null;
            case 1:
                return r.nextBoolean();
            case 2:
                return r.nextInt(2001) - 1000;
            case 3:
                return r.nextLong();
            case 4: {
                double d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(21) - 10);
                return r.nextBoolean() ? d : Math.round(d * 100) / 100.0;
            }
            case 5:
                return string(r, 200); // often long: CONTINUE cards
            default:
                return string(r, 40);
        }
    }

    /** Printable ASCII, biased toward the characters that matter to a FITS parser. */
    static String string(Random r, int maxLength) {
        String special = " '&/=";
        int n = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(4) == 0) {
                sb.append(special.charAt(r.nextInt(special.length())));
            } else {
                sb.append((char) (0x20 + r.nextInt(0x7F - 0x20)));
            }
        }
        return sb.toString();
    }

    private static String commentText(Random r) {
        String c = string(r, 30).replace("'", "").trim();
        return c.isEmpty() ? "comment" : c;
    }

    /** The cards rendered, dropping those nom-tam-fits cannot format. */
    static List<String> render(List<CardSpec> specs, List<CardSpec> kept) {
        List<String> out = new ArrayList<>();
        for (CardSpec s : specs) {
            String text = s.render();
            if (text != null) {
                out.add(text);
                kept.add(s);
            }
        }
        return out;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
