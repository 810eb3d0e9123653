package org.apdm.gui.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One setting in a settings form: where it lives in the file, how its text becomes a value, the text the user
 * types, and the problem the configuration's own validation reports for it. FX thread.
 */
public final class SettingField {

    /** How the typed text becomes a YAML value. */
    public enum Kind {
        /** Any text; blank removes the setting. */
        TEXT,
        /** A folder or file. */
        PATH,
        /** A number; text that is not one is kept as text, so the validation names the problem. */
        NUMBER,
        /** One of {@link #choices()}. */
        CHOICE,
        /** true or false. */
        BOOLEAN,
        /** One entry per line. */
        LINES,
        /** Comma-separated words ({@code exposure, settemp, gain}). */
        WORDS,
        /** {@code FROM = TO} per line. */
        PAIRS,
        /** {@code FOLDER | PROFILE | key=value, key=value} per line: the capture folders of {@code ingest.sources}. */
        SOURCES
    }

    private final List<Object> path;
    private final String label;
    private final String help;
    private final Kind kind;
    private final List<String> choices;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public SettingField(List<Object> path, String label, String help, Kind kind, String... choices) {
        this.path = List.copyOf(path);
        this.label = label;
        this.help = help;
        this.kind = kind;
        this.choices = Arrays.asList(choices);
    }

    public List<Object> path() {
        return path;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> choices() {
        return choices;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setProblem(String p) {
        problem.set(p);
    }

    /** The setting as the validation names it: {@code rigs."C8E@f10.0+ZWO ASI2600MM Pro".cull[0].max_hfr}. */
    public String settingName() {
        return settingName(path);
    }

    static String settingName(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object p : path) {
            if (p instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                String n = String.valueOf(p);
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(n.matches("[a-z_]+") ? n : "\"" + n + "\"");
            }
        }
        return sb.toString();
    }

    /** The value to write for the typed text; null removes the setting. */
    Object value() {
        String t = text.get() == null ? "" : text.get();
        switch (kind) {
            case NUMBER -> {
                String s = t.trim();
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    double d = Double.parseDouble(s);
                    return d == Math.rint(d) && !s.contains(".") && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
                } catch (NumberFormatException e) {
                    return s;
                }
            }
            case BOOLEAN -> {
                return t.isBlank() ? null : Boolean.parseBoolean(t.trim());
            }
            case LINES -> {
                List<String> out = new ArrayList<>();
                t.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
                return out;
            }
            case WORDS -> {
                if (t.isBlank()) {
                    return null;
                }
                List<String> out = new ArrayList<>();
                Arrays.stream(t.split("[,\\s]+")).map(String::strip).filter(w -> !w.isEmpty()).forEach(out::add);
                return out;
            }
            case PAIRS -> {
                Map<String, String> out = new LinkedHashMap<>();
                t.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
                    int eq = l.indexOf('=');
                    String from = eq < 0 ? l : l.substring(0, eq).strip();
                    String to = eq < 0 ? "" : l.substring(eq + 1).strip();
                    out.put(from.equals("\"\"") ? "" : from, to);
                });
                return out;
            }
            case SOURCES -> {
                List<Map<String, Object>> out = new ArrayList<>();
                t.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
                    String[] parts = l.split("\\|", 3);
                    Map<String, Object> source = new LinkedHashMap<>();
                    source.put("path", parts[0].strip());
                    if (parts.length > 1 && !parts[1].isBlank()) {
                        source.put("profile", parts[1].strip());
                    }
                    if (parts.length > 2 && !parts[2].isBlank()) {
                        Map<String, String> defaults = new LinkedHashMap<>();
                        for (String pair : parts[2].split(",")) {
                            int eq = pair.indexOf('=');
                            if (!pair.isBlank()) {
                                defaults.put((eq < 0 ? pair : pair.substring(0, eq)).strip(),
                                        eq < 0 ? "" : pair.substring(eq + 1).strip());
                            }
                        }
                        source.put("defaults", defaults);
                    }
                    out.add(source);
                });
                return out;
            }
            default -> {
                return t.isBlank() ? null : t.strip();
            }
        }
    }

    /** Text for a value read from the file. */
    static String text(Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case LINES -> value instanceof List<?> l ? String.join("\n", l.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            case WORDS -> value instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            case PAIRS -> {
                if (!(value instanceof Map<?, ?> m)) {
                    yield String.valueOf(value);
                }
                List<String> lines = new ArrayList<>();
                m.forEach((k, v) -> lines.add((String.valueOf(k).isEmpty() ? "\"\"" : k) + " = " + (v == null ? "" : v)));
                yield String.join("\n", lines);
            }
            case SOURCES -> {
                if (!(value instanceof List<?> l)) {
                    yield String.valueOf(value);
                }
                List<String> lines = new ArrayList<>();
                for (Object o : l) {
                    if (!(o instanceof Map<?, ?> m)) {
                        lines.add(String.valueOf(o));
                        continue;
                    }
                    StringBuilder sb = new StringBuilder(String.valueOf(m.get("path") == null ? "" : m.get("path")));
                    Object defaults = m.get("defaults");
                    if (m.get("profile") != null || defaults instanceof Map<?, ?>) {
                        sb.append(" | ").append(m.get("profile") == null ? "auto" : m.get("profile"));
                    }
                    if (defaults instanceof Map<?, ?> d && !d.isEmpty()) {
                        List<String> pairs = new ArrayList<>();
                        d.forEach((k, v) -> pairs.add(k + "=" + (v == null ? "" : v)));
                        sb.append(" | ").append(String.join(", ", pairs));
                    }
                    lines.add(sb.toString());
                }
                yield String.join("\n", lines);
            }
            case NUMBER -> {
                if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
                    yield String.valueOf(d);
                }
                yield String.valueOf(value);
            }
            default -> String.valueOf(value);
        };
    }
}
