package org.apdm.core.layout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rig folder name, {@code <optic>@f<ratio>+<camera>} (the user's DIRECTORY_CONVENTIONS).
 * The camera is everything after the first {@code +}.
 */
public record RigName(String optic, String focalRatio, String camera) {

    private static final Pattern PATTERN = Pattern.compile("^([^@]+)@f([^+]+)\\+(.+)$");

    public static Optional<RigName> parse(String folder) {
        Matcher m = PATTERN.matcher(folder);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RigName(m.group(1), m.group(2), m.group(3)));
    }

    /** Builds the folder name from values, making each part safe and unambiguous to parse back. */
    public static String folderName(String optic, String focalRatio, String camera) {
        String o = PathSanitizer.component(optic.replace('@', '-').replace('+', '-'));
        String r = PathSanitizer.component(focalRatio.replace('+', '-'));
        // the camera on its own too: a value of only dots or blanks would otherwise vanish and leave "…+"
        String c = PathSanitizer.component(camera);
        return PathSanitizer.component(o + "@f" + r + "+" + c);
    }

    @Override
    public String toString() {
        return optic + "@f" + focalRatio + "+" + camera;
    }
}
