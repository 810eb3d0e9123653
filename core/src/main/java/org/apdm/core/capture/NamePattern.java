package org.apdm.core.capture;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apdm.core.metadata.ImageFormat;

/**
 * A capture program's folder and file-name pattern, declared the way its manual writes it, e.g. Ekos'
 * {@code {OBJECT}/{TYPE}/{FILTER}/{OBJECT}_{TYPE}_{FILTER}_{EXP}_secs_{DATE-LOC:yyyy-MM-dd'T'HH-mm-ss}_{SEQ}}.
 *
 * <p>The pattern matches the last folders and the file name of a frame's path (extension removed), so it does not
 * care where the program's output folder lives. A placeholder is a header keyword the value stands for
 * ({@code OBJECT}, {@code TYPE}, {@code FILTER}, {@code EXP}, {@code GAIN}, {@code OFFSET}, {@code TEMP},
 * {@code SET-TEMP}, {@code BIN}, {@code INSTRUME}, {@code TELESCOP}, {@code SEQ}, {@code *} for anything), or a
 * timestamp with its format: {@code DATE-LOC} and {@code DATE-OBS} come out as {@code yyyy-MM-ddTHH:mm:ss}, and
 * {@code DATE} (a night folder) as {@code yyyy-MM-dd}. {@code {EXP:unit}} is an exposure with its unit
 * ({@code 300.0s}, {@code 810.0ms}, {@code 250.0us}), given in seconds; {@code {MODEL}} a ZWO camera model
 * ({@code 2600MC}) and {@code {#}} digits, both matched and not kept; {@code {KEY=value}} matches nothing and gives the value (a folder that
 * holds only darks). {@code [...]} is optional, {@code (a|b)} one of two. Everything else is literal text.
 */
public final class NamePattern {

    /** A captured value: its keyword, and how its text becomes the value (date format, exposure unit). */
    private record Slot(String key, DateTimeFormatter format, boolean unit) {
    }

    private final String template;
    private final int segments;
    private final Pattern regex;
    private final List<Slot> slots;
    private final Map<String, String> constants;
    /** Literal text every matching file name holds ({@code _secs_}): most paths fail this before the regex runs. */
    private final String required;
    /** Literal text the file name (without extension) ends with ({@code C} of {@code _27C}), or null. */
    private final String ending;

    private NamePattern(String template, int segments, Pattern regex, List<Slot> slots, Map<String, String> constants,
                        String required, String ending) {
        this.ending = ending;
        this.template = template;
        this.segments = segments;
        this.regex = regex;
        this.slots = slots;
        this.constants = constants;
        this.required = required;
    }

    /** @throws IllegalArgumentException when a placeholder is unknown or not closed */
    public static NamePattern of(String template) {
        StringBuilder re = new StringBuilder("^");
        List<Slot> slots = new ArrayList<>();
        Map<String, String> constants = new LinkedHashMap<>();
        int i = 0;
        int depth = 0;
        String required = "";
        StringBuilder literal = new StringBuilder();
        while (i < template.length()) {
            char c = template.charAt(i);
            boolean constant = c == '{' && template.indexOf('=', i) > 0
                    && template.indexOf('=', i) < template.indexOf('}', i);
            // the longest literal of the file name outside optional parts and choices, and the one it ends with
            if (constant) {
                // matches nothing: the literal before it still ends the name
            } else if (c == '{' || c == '/' || c == '[' || c == '(' || c == ']' || c == ')' || c == '|' || depth > 0) {
                if (c == '/') {
                    required = "";
                } else if (literal.length() > required.length()) {
                    required = literal.toString();
                }
                literal.setLength(0);
            } else {
                literal.append(c);
            }
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            }
            if (c != '{') {
                // a slash separates folder names; brackets and parentheses group; the rest is literal
                re.append(switch (c) {
                    case '/' -> "/";
                    case '[', '(' -> "(?:";
                    case ']' -> ")?";
                    case ')' -> ")";
                    case '|' -> "|";
                    default -> Pattern.quote(String.valueOf(c));
                });
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed placeholder in " + template);
            }
            String body = template.substring(i + 1, close);
            int equals = body.indexOf('=');
            if (equals > 0) {
                String key = body.substring(0, equals);
                valueRegex(key, template); // a known keyword
                constants.put(key, body.substring(equals + 1));
                i = close + 1;
                continue;
            }
            int colon = body.indexOf(':');
            String key = colon < 0 ? body : body.substring(0, colon);
            String format = colon < 0 ? null : body.substring(colon + 1);
            if (key.equals("*")) {
                re.append("[^/]*?");
            } else if (key.equals("#")) {
                re.append("\\d+");
            } else if (key.equals("MODEL")) {
                re.append("\\d{2,4}M[CM]");
            } else {
                DateTimeFormatter f = null;
                boolean unit = false;
                if (format != null && key.equals("EXP") && format.equals("unit")) {
                    unit = true;
                    re.append("(\\d+(?:\\.\\d+)?(?:s|ms|us))");
                } else if (format != null) {
                    if (!key.equals("DATE-LOC") && !key.equals("DATE-OBS") && !key.equals("DATE")) {
                        throw new IllegalArgumentException("only DATE, DATE-LOC and DATE-OBS take a format, and EXP "
                                + "the format unit: " + body);
                    }
                    f = DateTimeFormatter.ofPattern(format.replace("yyyy", "uuuu"))
                            .withResolverStyle(ResolverStyle.STRICT);
                    re.append('(').append(dateRegex(format)).append(')');
                } else {
                    re.append('(').append(valueRegex(key, template)).append(')');
                }
                slots.add(new Slot(key, f, unit));
            }
            i = close + 1;
        }
        re.append('$');
        int segments = 1;
        for (int k = 0; k < template.length(); k++) {
            if (template.charAt(k) == '/') {
                segments++;
            }
        }
        if (literal.length() > required.length()) {
            required = literal.toString();
        }
        return new NamePattern(template, segments, Pattern.compile(re.toString()), slots, Map.copyOf(constants),
                required.length() >= 2 ? required : null, literal.length() > 0 ? literal.toString() : null);
    }

    private static String valueRegex(String key, String template) {
        return switch (key) {
            case "OBJECT" -> "[^/]+?";
            case "TYPE" -> "[A-Za-z]+";
            case "FILTER", "INSTRUME", "TELESCOP" -> "[^_/]+?";
            case "EXP" -> "\\d+(?:\\.\\d+)?";
            case "GAIN", "OFFSET", "SEQ" -> "-?\\d+";
            case "TEMP", "SET-TEMP" -> "-?\\d+(?:\\.\\d+)?";
            case "BIN" -> "\\d+(?:x\\d+)?";
            default -> throw new IllegalArgumentException("unknown placeholder {" + key + "} in " + template);
        };
    }

    private static String dateRegex(String format) {
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char c : format.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && "uyMdHmsS".indexOf(c) >= 0) {
                sb.append("\\d");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    public String template() {
        return template;
    }

    /**
     * The values the pattern finds in a path below the source folder, as header keywords; null when the path does
     * not have this pattern's shape.
     */
    public Map<String, String> match(Path relative) {
        int n = relative.getNameCount();
        if (n < segments) {
            return null;
        }
        String file = relative.getFileName().toString();
        String stem = file.substring(0, file.length() - ImageFormat.extension(file).length());
        if ((required != null && !stem.contains(required)) || (ending != null && !stem.endsWith(ending))) {
            return null;
        }
        StringBuilder tail = new StringBuilder();
        for (int k = n - segments; k < n - 1; k++) {
            tail.append(relative.getName(k)).append('/');
        }
        tail.append(stem);
        Matcher m = regex.matcher(tail);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int g = 0; g < slots.size(); g++) {
            Slot slot = slots.get(g);
            String value = m.group(g + 1);
            if (value == null) {
                continue; // in an optional part or the other branch of a choice
            }
            if (slot.unit()) {
                value = seconds(value);
            } else if (slot.format() != null) {
                value = timestamp(slot, value);
                if (value == null) {
                    return null; // digits in the right places but not a date (month 13): not this pattern
                }
            }
            String prior = out.putIfAbsent(slot.key(), value);
            if (prior != null && !prior.equals(value)) {
                return null; // {OBJECT} twice, different each time: not this pattern
            }
        }
        constants.forEach(out::putIfAbsent);
        return out;
    }

    /** {@code 810.0ms} → {@code 0.81}: seconds, as headers write exposures. */
    private static String seconds(String withUnit) {
        java.math.BigDecimal divisor = withUnit.endsWith("us") ? java.math.BigDecimal.valueOf(1_000_000)
                : withUnit.endsWith("ms") ? java.math.BigDecimal.valueOf(1000) : java.math.BigDecimal.ONE;
        String number = withUnit.replaceAll("[a-z]+$", "");
        return new java.math.BigDecimal(number).divide(divisor).stripTrailingZeros().toPlainString();
    }

    private static String timestamp(Slot slot, String value) {
        try {
            if (slot.key().equals("DATE")) {
                return java.time.LocalDate.parse(value, slot.format()).toString();
            }
            LocalDateTime t = LocalDateTime.parse(value, slot.format());
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
