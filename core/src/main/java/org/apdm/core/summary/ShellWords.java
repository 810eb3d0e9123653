package org.apdm.core.summary;

import java.util.regex.Pattern;

/** Words of a command apdm suggests, written so that pasting the line into a shell runs it as meant. */
public final class ShellWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,:@%+=/-]+");

    private ShellWords() {
    }

    /**
     * {@code H} stays {@code H}; {@code UV/IR Cut} becomes {@code "UV/IR Cut"}. Double quotes work in POSIX shells,
     * PowerShell and cmd alike; inside them {@code "}, {@code \}, {@code $} and {@code `} are escaped.
     */
    public static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return '"' + word.replaceAll("([\"\\\\$`])", "\\\\$1") + '"';
    }
}
