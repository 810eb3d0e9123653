package org.apdm.core.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code KEY_value} and {@code KEY-value} pairs found in folder and file names, the way N.I.N.A.
 * file patterns and the user's own folders write them.
 *
 * <p>Rules (reference-spec §1.1, with its bugs fixed):
 * <ul>
 *   <li>Each name is split on {@code _}; every adjacent pair whose first token looks like a key
 *       (starts with a letter, no blanks, not a number) gives key and value. Then every token
 *       holding a {@code -} gives key = text before the first dash, value = the rest.</li>
 *   <li>A value that is itself a known key is not taken ({@code RAW_EXP_300} gives EXP=300, not RAW=EXP).</li>
 *   <li>The first non-empty value wins, so outer folders beat inner ones and the file name comes last.
 *       An empty value ({@code HFR__STARS_}, written by N.I.N.A. when a value is missing) is no value.</li>
 *   <li>{@code SET-TEMP}, {@code DATE-OBS}, {@code DATE-LOC} and {@code CCD-TEMP} are read as single keys.</li>
 *   <li>An {@code s} after an exposure ({@code EXPOSURE_120.00s}) is dropped.</li>
 * </ul>
 * Keys are returned upper-case.
 */
public final class PathTokens {

    static final Set<String> KNOWN_KEYS = Set.of(
            "DATE", "DATEOBS", "DATELOC", "FILTER", "EXP", "EXPOSURE", "EXPTIME", "SETTEMP", "CCDTEMP",
            "TEMP", "PANEL", "HFR", "STARS", "RMSAC", "RMS", "GAIN", "OFFSET", "READOUTM", "LOCATION",
            "FOCRATIO", "FOCALLEN", "TYPE", "IMAGETYP", "OBJECT", "INSTRUME", "TELESCOP", "CAMERA", "OPTIC",
            "BIN", "FWHM");

    private static final Set<String> EXPOSURE_KEYS = Set.of("EXP", "EXPOSURE", "EXPTIME");

    /** Keys whose name holds a dash, which would otherwise split them into key and value. */
    private static final String[] DASHED_KEYS = {"SET-TEMP", "CCD-TEMP", "DATE-OBS", "DATE-LOC"};

    private final Map<String, String> values;
    private final List<String> fileNameTokens;

    private PathTokens(Map<String, String> values, List<String> fileNameTokens) {
        this.values = values;
        this.fileNameTokens = fileNameTokens;
    }

    /**
     * Parses folder names and a file name, outermost first. The last element is the file name
     * and has its extension removed here.
     */
    public static PathTokens parse(List<String> segments) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> fileTokens = List.of();
        for (int s = 0; s < segments.size(); s++) {
            String segment = segments.get(s);
            boolean fileName = s == segments.size() - 1;
            if (fileName) {
                String ext = ImageFormat.extension(segment);
                if (!ext.isEmpty() && ext.length() < segment.length()) {
                    segment = segment.substring(0, segment.length() - ext.length());
                }
            }
            // keys are case-insensitive, so set-temp is SET-TEMP too
            segment = joinDashedKeys(segment);
            String[] tokens = segment.split("_", -1);
            if (fileName) {
                fileTokens = List.of(tokens);
            }
            for (int i = 1; i < tokens.length; i++) {
                if (isKey(tokens[i - 1]) && !KNOWN_KEYS.contains(tokens[i].toUpperCase(Locale.ROOT))) {
                    record(values, tokens[i - 1], tokens[i]);
                }
            }
            for (String token : tokens) {
                int dash = token.indexOf('-');
                if (dash > 0 && isKey(token.substring(0, dash))) {
                    record(values, token.substring(0, dash), token.substring(dash + 1));
                }
            }
        }
        return new PathTokens(values, fileTokens);
    }

    /** Removes the dash of SET-TEMP, CCD-TEMP, DATE-OBS and DATE-LOC (any case); a regex here cost a scan 10 %. */
    static String joinDashedKeys(String segment) {
        int dash = segment.indexOf('-');
        if (dash < 0) {
            return segment;
        }
        StringBuilder sb = null;
        int copied = 0;
        for (int i = dash; i >= 0; i = segment.indexOf('-', i + 1)) {
            for (String key : DASHED_KEYS) {
                int start = i - key.indexOf('-');
                if (start >= copied && segment.regionMatches(true, start, key, 0, key.length())) {
                    if (sb == null) {
                        sb = new StringBuilder(segment.length());
                    }
                    sb.append(segment, copied, i);
                    copied = i + 1;
                    break;
                }
            }
        }
        return sb == null ? segment : sb.append(segment, copied, segment.length()).toString();
    }

    /** A key starts with an ASCII letter, holds no blanks and is not a plain number. */
    static boolean isKey(String token) {
        if (token.isEmpty()) {
            return false;
        }
        char first = token.charAt(0);
        if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) {
            return false;
        }
        for (int i = 1; i < token.length(); i++) {
            if (Character.isWhitespace(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void record(Map<String, String> values, String rawKey, String rawValue) {
        String value = rawValue.trim();
        if (value.isEmpty()) {
            return;
        }
        String key = rawKey.toUpperCase(Locale.ROOT);
        if (values.containsKey(key)) {
            return;
        }
        if (EXPOSURE_KEYS.contains(key) && value.endsWith("s") && isNumber(value.substring(0, value.length() - 1))) {
            value = value.substring(0, value.length() - 1);
        }
        values.put(key, value);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return !text.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public String get(String key) {
        return values.get(key);
    }

    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The file name split on {@code _}, for rules that look at bare words (DWARF filter names). */
    public List<String> fileNameTokens() {
        return fileNameTokens;
    }

    /** Splits a relative path into its names. */
    public static List<String> segments(java.nio.file.Path relative) {
        List<String> out = new ArrayList<>(relative.getNameCount());
        for (java.nio.file.Path p : relative) {
            out.add(p.toString());
        }
        return out;
    }
}
