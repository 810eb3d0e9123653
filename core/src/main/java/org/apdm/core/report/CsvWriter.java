package org.apdm.core.report;

import java.util.List;

/**
 * CSV as RFC 4180 writes it: fields separated by commas, lines by {@code \n}; a field holding a comma, a
 * quote, a line break or blanks at either end is put in double quotes, with its quotes doubled. (The old
 * scripts never quoted, so a target such as {@code Pinwheel Galaxy, M101} broke their files.)
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder();

    public CsvWriter row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append('\n');
        return this;
    }

    public CsvWriter row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    /** One field, quoted when it must be; null is the empty field. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
