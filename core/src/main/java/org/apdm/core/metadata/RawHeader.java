package org.apdm.core.metadata;

import java.util.List;
import java.util.Map;

/**
 * Keyword values read from one file header, keys upper-case as in the file.
 *
 * <p>A key mapped to {@code null} is present without a value (for example {@code GAIN =}).
 *
 * @param values    keyword to value, in header order
 * @param warnings  oddities found while reading (duplicate keywords, unterminated strings)
 * @param truncated true when the data part is shorter than the header says
 */
public record RawHeader(Map<String, String> values, List<String> warnings, boolean truncated) {

    public String get(String key) {
        return values.get(key);
    }
}
