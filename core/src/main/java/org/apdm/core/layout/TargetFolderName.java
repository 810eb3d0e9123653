package org.apdm.core.layout;

/**
 * The rule shared by ingest (which writes target folders) and the folder parser (which reads them back):
 * in a target folder, {@code _} followed by a letter or a date starts the user's note
 * ({@code C3 and Friends_First Light}, {@code Moon_2024-08-15}).
 *
 * <p>An OBJECT that itself holds such an underscore ({@code Rosette_Nebula}) would be cut at it when read
 * back, so ingest writes it with a space ({@code Rosette Nebula}); the scheduler matcher treats {@code _}
 * and space alike, so the Target Scheduler's {@code Rosette_Nebula} still matches.
 */
public final class TargetFolderName {

    private TargetFolderName() {
    }

    /** The folder ingest writes for a target; {@code TargetName.of} reads the same name back. */
    public static String of(String target) {
        String s = PathSanitizer.component(target);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c == '_' && i > 0 && i < s.length() - 1 && startsNote(s, i + 1) ? ' ' : c);
        }
        // the space may have made a double space or met a trailing dot; sanitise once more (idempotent)
        return PathSanitizer.component(out.toString().replaceAll(" {2,}", " "));
    }

    /** Whether the text at {@code from} (just after an underscore) starts a note: a letter or a date. */
    public static boolean startsNote(String s, int from) {
        char c = s.charAt(from);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return true;
        }
        return isDate(s, from);
    }

    /** {@code yyyy-MM-dd} or {@code yyyyMMdd} at {@code from}. */
    private static boolean isDate(String s, int from) {
        int n = s.length() - from;
        if (n >= 10 && digits(s, from, 4) && s.charAt(from + 4) == '-' && digits(s, from + 5, 2)
                && s.charAt(from + 7) == '-' && digits(s, from + 8, 2)) {
            return true;
        }
        return n >= 8 && digits(s, from, 8) && (n == 8 || !Character.isDigit(s.charAt(from + 8)));
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
