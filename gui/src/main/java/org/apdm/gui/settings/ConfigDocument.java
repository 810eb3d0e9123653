package org.apdm.gui.settings;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The user's configuration file as text, edited in place: a changed setting replaces exactly the characters
 * of its old value, a new setting is added as a line under its section (in place of a commented-out example
 * of it, when there is one), a removed one loses its lines. Every comment, blank line and setting the window
 * does not know stays as the user wrote it. Each edit is checked by reading the result back; should an edit
 * not come out as intended, the file is written out anew from its values and {@link #reformatted()} says so,
 * so the window can warn that comments were lost (a backup is kept).
 *
 * <p>Immutable; {@link #with} returns the edited document.
 */
public final class ConfigDocument {

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private final boolean reformatted;
    /** The values as read from {@link #text}, read at most once. */
    private Object read;

    private ConfigDocument(String text, boolean reformatted) {
        this.text = text;
        this.reformatted = reformatted;
    }

    private ConfigDocument(String text, boolean reformatted, Object read) {
        this(text, reformatted);
        this.read = read;
    }

    public static ConfigDocument of(String text) {
        return new ConfigDocument(text, false);
    }

    public String text() {
        return text;
    }

    /** Whether an edit had to rewrite the file from its values, losing comments and layout. */
    public boolean reformatted() {
        return reformatted;
    }

    /** The values of the document (a copy): maps, lists, strings, numbers, booleans. */
    public Map<String, Object> values() {
        if (read == null) {
            read = load(text);
        }
        Object o = copy(read);
        return o instanceof Map<?, ?> m ? castMap(m) : new LinkedHashMap<>();
    }

    private static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(k, copy(v)));
            return c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            l.forEach(v -> c.add(copy(v)));
            return c;
        }
        return o;
    }

    /** The value at a path of keys (String) and list positions (Integer), or null. */
    public Object get(List<?> path) {
        if (read == null) {
            read = load(text);
        }
        Object cur = read instanceof Map ? read : Map.of();
        for (Object p : path) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(p);
            } else if (cur instanceof List<?> l && p instanceof Integer i) {
                cur = i >= 0 && i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return cur;
    }

    /**
     * The document with one setting changed.
     *
     * @param path  keys (String) and list positions (Integer); a missing section is created
     * @param value a string, number, boolean, list or map; null removes the setting
     */
    public ConfigDocument with(List<?> path, Object value) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        Map<String, Object> expected = values();
        apply(expected, path, value);
        String edited;
        try {
            edited = new Editor(text).edit(path, value);
        } catch (RuntimeException e) {
            edited = null;
        }
        Object check = edited == null ? null : load(edited);
        if (edited != null && sameValues(check, expected)) {
            return new ConfigDocument(edited, reformatted, check);
        }
        return new ConfigDocument(dump(expected), true);
    }

    private static Object load(String yaml) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            return e;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** Applies the edit to plain values: what the text must read as afterwards. */
    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> root, List<?> path, Object value) {
        Object cur = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object p = path.get(i);
            Object next;
            if (cur instanceof Map<?, ?> m) {
                next = m.get(p);
                if (!(next instanceof Map) && !(next instanceof List)) {
                    if (value == null) {
                        return;
                    }
                    next = path.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
                    ((Map<Object, Object>) m).put(p, next);
                }
            } else if (cur instanceof List<?> l && p instanceof Integer idx && idx < l.size()) {
                next = l.get(idx);
            } else {
                throw new IllegalArgumentException("no setting at " + path);
            }
            cur = next;
        }
        Object last = path.get(path.size() - 1);
        if (cur instanceof Map<?, ?> m) {
            if (value == null) {
                m.remove(last);
            } else {
                ((Map<Object, Object>) m).put(last, value);
            }
        } else if (cur instanceof List<?> l && last instanceof Integer idx) {
            List<Object> list = (List<Object>) l;
            if (value == null) {
                if (idx < list.size()) {
                    list.remove((int) idx);
                }
            } else if (idx == list.size()) {
                list.add(value);
            } else if (idx < list.size()) {
                list.set(idx, value);
            } else {
                throw new IllegalArgumentException("no list position " + idx + " at " + path);
            }
        } else {
            throw new IllegalArgumentException("no setting at " + path);
        }
    }

    /** Equal as configuration values: numbers compare by value (30 is 30.0). */
    static boolean sameValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !sameValues(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValues(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a == null && b instanceof Map<?, ?> y) {
            return y.isEmpty();
        }
        return Objects.equals(a, b);
    }

    static String dump(Map<String, Object> values) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setWidth(200);
        return new Yaml(new Representer(o), o).dump(values);
    }

    /** A scalar as YAML text; quoted only when it must be (SnakeYAML decides). */
    static String scalar(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return String.valueOf(d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        String s = String.valueOf(value);
        DumperOptions o = new DumperOptions();
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        if (s.contains("\n") || s.contains("\r")) {
            o.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        }
        String out = new Yaml(o).dump(s).stripTrailing();
        return out.endsWith("\n...") ? out.substring(0, out.length() - 4) : out;
    }

    static String key(Object key) {
        String k = String.valueOf(key);
        return SIMPLE_KEY.matcher(k).matches() ? k : "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A value in flow style: {@code [a, b]}, {@code {name: L, astrobin_id: 2625}}. */
    static String flow(Object value) {
        if (value instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(key(k) + ": " + flow(v)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(v -> parts.add(flow(v)));
            return "[" + String.join(", ", parts) + "]";
        }
        return scalar(value);
    }

    /** Values written on the line of their key: scalars, lists of scalars, small flat maps. */
    static boolean inline(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (value instanceof List<?> l) {
            return l.stream().noneMatch(v -> v instanceof Map || v instanceof List);
        }
        return true;
    }

    /** {@code key: value} lines at an indentation, ending with a line break. */
    static String entry(Object key, Object value, int indent) {
        String pad = " ".repeat(indent);
        if (inline(value)) {
            return pad + key(key) + ": " + flow(value) + "\n";
        }
        return pad + key(key) + ":\n" + block(value, indent + 2);
    }

    /** A map or list in block style at an indentation. */
    static String block(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        String pad = " ".repeat(indent);
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> sb.append(entry(k, v, indent)));
        } else if (value instanceof List<?> l) {
            for (Object item : l) {
                sb.append(item(item, indent));
            }
        } else {
            sb.append(pad).append(scalar(value)).append('\n');
        }
        return sb.toString();
    }

    /** A list item: {@code - value}, a map's first entry on the dash line. */
    static String item(Object item, int indent) {
        String pad = " ".repeat(indent);
        if (item instanceof Map<?, ?> m && !m.isEmpty()) {
            String body = block(m, indent + 2);
            return pad + "- " + body.substring(indent + 2);
        }
        return pad + "- " + flow(item) + "\n";
    }

    /** Text edits computed against one reading of the document, applied from the end. */
    private static final class Editor {

        private record Edit(int start, int end, String replacement, int order) {
        }

        private final String text;
        private final int[] lineStarts;
        private final List<Edit> edits = new ArrayList<>();

        Editor(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        String edit(List<?> path, Object value) {
            Node root = new Yaml().compose(new StringReader(text));
            if (root == null) {
                if (value == null) {
                    return text;
                }
                Object nested = nest(path, 0, value);
                String prefix = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
                return prefix + block(nested, 0);
            }
            if (!(root instanceof MappingNode map) || map.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                return null;
            }
            descend(map, path, 0, value);
            edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order).reversed());
            StringBuilder sb = new StringBuilder(text);
            for (Edit e : edits) {
                sb.replace(e.start(), e.end(), e.replacement());
            }
            return sb.toString();
        }

        private void add(int start, int end, String replacement) {
            // new lines take the file's own line ending (a file saved on Windows keeps CRLF)
            String r = text.contains("\r\n") ? replacement.replace("\n", "\r\n") : replacement;
            edits.add(new Edit(start, end, r, edits.size()));
        }

        /** Builds {@code {path[i]: {path[i+1]: ... value}}} for a section that does not exist yet. */
        private static Object nest(List<?> path, int from, Object value) {
            Object v = value;
            for (int i = path.size() - 1; i >= from; i--) {
                if (path.get(i) instanceof Integer) {
                    List<Object> l = new ArrayList<>();
                    l.add(v);
                    v = l;
                } else {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(String.valueOf(path.get(i)), v);
                    v = m;
                }
            }
            return v;
        }

        private void descend(Node node, List<?> path, int i, Object value) {
            Object p = path.get(i);
            boolean last = i == path.size() - 1;
            if (node instanceof MappingNode map && p instanceof String k) {
                NodeTuple found = null;
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(k)) {
                        found = t;
                    }
                }
                if (found == null) {
                    if (value != null) {
                        insertEntry(map, k, last ? value : nest(path, i + 1, value));
                    }
                    return;
                }
                if (last) {
                    if (value == null) {
                        removeEntry(found);
                    } else {
                        set(found, value);
                    }
                    return;
                }
                Node child = found.getValueNode();
                if (isNull(child)) {
                    if (value != null) {
                        set(found, nest(path, i + 1, value));
                    }
                    return;
                }
                descend(child, path, i + 1, value);
                return;
            }
            if (node instanceof SequenceNode seq && p instanceof Integer idx) {
                List<Node> items = seq.getValue();
                if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                    throw new IllegalStateException("edit inside a flow list");
                }
                if (idx == items.size() && last && value != null) {
                    appendItem(seq, value);
                    return;
                }
                if (idx >= items.size()) {
                    throw new IllegalStateException("no list position " + idx);
                }
                if (last) {
                    if (value == null) {
                        removeItem(items.get(idx));
                    } else {
                        replaceNode(items.get(idx), value, dashColumn(items.get(idx)) + 2);
                    }
                    return;
                }
                descend(items.get(idx), path, i + 1, value);
                return;
            }
            throw new IllegalStateException("cannot follow " + p);
        }

        private static boolean isNull(Node n) {
            return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
        }

        /** Sets the value of an existing entry. */
        private void set(NodeTuple t, Object value) {
            Node v = t.getValueNode();
            int keyIndent = column(t.getKeyNode().getStartMark());
            if (isNull(v)) {
                int s = offset(v.getStartMark());
                int e = offset(v.getEndMark());
                if (inline(value)) {
                    add(s, e, (s > 0 && text.charAt(s - 1) == ':' ? " " : "") + flow(value));
                } else {
                    add(s, e, "");
                    add(lineEnd(e), lineEnd(e), "\n" + block(value, keyIndent + 2).stripTrailing());
                }
                return;
            }
            replaceNode(v, value, keyIndent + 2);
        }

        /** Replaces a value node, editing inside block collections so their comments stay. */
        private void replaceNode(Node node, Object value, int childIndent) {
            if (node instanceof ScalarNode s) {
                if (inline(value)) {
                    add(offset(s.getStartMark()), offset(s.getEndMark()), flow(value));
                } else {
                    throw new IllegalStateException("a value becomes a section");
                }
                return;
            }
            CollectionNode<?> c = (CollectionNode<?>) node;
            if (c.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                if (!inline(value) && !(value instanceof List<?>)) {
                    throw new IllegalStateException("a flow value becomes a section");
                }
                add(offset(c.getStartMark()), offset(c.getEndMark()), flow(value));
                return;
            }
            if (node instanceof MappingNode map && value instanceof Map<?, ?> m) {
                List<NodeTuple> entries = map.getValue();
                for (NodeTuple t : entries) {
                    String k = ((ScalarNode) t.getKeyNode()).getValue();
                    if (!m.containsKey(k)) {
                        removeEntry(t);
                    }
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    NodeTuple t = entries.stream().filter(x -> ((ScalarNode) x.getKeyNode()).getValue().equals(e.getKey()))
                            .findFirst().orElse(null);
                    if (t == null) {
                        insertEntry(map, String.valueOf(e.getKey()), e.getValue());
                    } else if (!sameValues(valueOf(t.getValueNode()), e.getValue())) {
                        set(t, e.getValue());
                    }
                }
                return;
            }
            if (node instanceof SequenceNode seq && value instanceof List<?> l) {
                List<Node> items = seq.getValue();
                for (int i = 0; i < Math.min(items.size(), l.size()); i++) {
                    if (!sameValues(valueOf(items.get(i)), l.get(i))) {
                        replaceNode(items.get(i), l.get(i), dashColumn(items.get(i)) + 2);
                    }
                }
                for (int i = items.size() - 1; i >= l.size(); i--) {
                    removeItem(items.get(i));
                }
                for (int i = items.size(); i < l.size(); i++) {
                    appendItem(seq, l.get(i));
                }
                return;
            }
            throw new IllegalStateException("the kind of value changes");
        }

        private Object valueOf(Node n) {
            int s = offset(n.getStartMark());
            int e = offset(lastLeafEnd(n));
            if (n instanceof CollectionNode<?> c && c.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
                // a block collection is read from the start of its line, a list item's dash blanked out
                int lineStart = lineStarts[n.getStartMark().getLine()];
                return load(" ".repeat(s - lineStart) + text.substring(s, e));
            }
            return load(text.substring(s, e));
        }

        /** Adds {@code key: value} as the mapping's last entry, or in place of a commented-out example of it. */
        private void insertEntry(MappingNode map, String key, Object value) {
            List<NodeTuple> entries = map.getValue();
            if (map.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                throw new IllegalStateException("insert into a flow map");
            }
            if (entries.isEmpty()) {
                throw new IllegalStateException("insert into an empty map");
            }
            int indent = column(entries.get(0).getKeyNode().getStartMark());
            String line = entry(key, value, indent);
            int commented = commentedExample(map, indent, key);
            if (commented >= 0) {
                add(lineStarts[commented], lineEndWithBreak(lineStarts[commented]), line);
                return;
            }
            int at = lineEndWithBreak(offset(lastLeafEnd(entries.get(entries.size() - 1).getValueNode(),
                    entries.get(entries.size() - 1).getKeyNode())));
            String prefix = at > 0 && text.charAt(at - 1) != '\n' ? "\n" : "";
            add(at, at, prefix + line);
        }

        /** A line {@code # key: ...} at the mapping's indentation within its region, or -1. */
        private int commentedExample(MappingNode map, int indent, String key) {
            Pattern p = Pattern.compile("^ {" + indent + "}# ?" + Pattern.quote(key(key)) + ":.*$");
            int first = map.getStartMark().getLine();
            for (int line = first; line < lineStarts.length; line++) {
                String l = line(line);
                String trimmed = l.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && line > first
                        && l.length() - l.stripLeading().length() < indent) {
                    break;
                }
                if (p.matcher(l).matches()) {
                    return line;
                }
            }
            return -1;
        }

        private void appendItem(SequenceNode seq, Object value) {
            List<Node> items = seq.getValue();
            if (items.isEmpty()) {
                throw new IllegalStateException("append to an empty list");
            }
            Node lastItem = items.get(items.size() - 1);
            int at = lineEndWithBreak(offset(lastLeafEnd(lastItem)));
            String prefix = at > 0 && text.charAt(at - 1) != '\n' ? "\n" : "";
            add(at, at, prefix + item(value, dashColumn(items.get(0))));
        }

        private void removeEntry(NodeTuple t) {
            int keyStart = offset(t.getKeyNode().getStartMark());
            int lineStart = lineStarts[t.getKeyNode().getStartMark().getLine()];
            int end = lineEndWithBreak(offset(lastLeafEnd(t.getValueNode(), t.getKeyNode())));
            boolean alone = text.substring(lineStart, keyStart).isBlank();
            add(alone ? lineStart : keyStart, end, "");
        }

        private void removeItem(Node item) {
            int lineStart = lineStarts[item.getStartMark().getLine()];
            int dash = text.lastIndexOf('-', offset(item.getStartMark()));
            if (dash < lineStart || !text.substring(lineStart, dash).isBlank()) {
                throw new IllegalStateException("list item not on its own line");
            }
            add(lineStart, lineEndWithBreak(offset(lastLeafEnd(item))), "");
        }

        private int dashColumn(Node item) {
            int dash = text.lastIndexOf('-', offset(item.getStartMark()));
            return dash - lineStarts[item.getStartMark().getLine()];
        }

        /** Where the last scalar or flow collection inside a node ends; for an empty value, where its key ends. */
        private Mark lastLeafEnd(Node n, Node key) {
            if (isNull(n) && ((ScalarNode) n).getValue().isEmpty()) {
                return key.getEndMark();
            }
            return lastLeafEnd(n);
        }

        private Mark lastLeafEnd(Node n) {
            if (n instanceof MappingNode m && m.getFlowStyle() != DumperOptions.FlowStyle.FLOW && !m.getValue().isEmpty()) {
                NodeTuple t = m.getValue().get(m.getValue().size() - 1);
                return lastLeafEnd(t.getValueNode(), t.getKeyNode());
            }
            if (n instanceof SequenceNode s && s.getFlowStyle() != DumperOptions.FlowStyle.FLOW && !s.getValue().isEmpty()) {
                return lastLeafEnd(s.getValue().get(s.getValue().size() - 1));
            }
            return n.getEndMark();
        }

        private String line(int line) {
            int s = lineStarts[line];
            int e = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
            return text.substring(s, Math.max(s, e)).replace("\r", "");
        }

        private int column(Mark m) {
            return offset(m) - lineStarts[m.getLine()];
        }

        /** The character offset of a mark (SnakeYAML counts columns in code points). */
        private int offset(Mark m) {
            int line = Math.min(m.getLine(), lineStarts.length - 1);
            int start = lineStarts[line];
            return text.offsetByCodePoints(start, Math.min(m.getColumn(), text.codePointCount(start, lineEndAt(start))));
        }

        private int lineEndAt(int offset) {
            int nl = text.indexOf('\n', offset);
            return nl < 0 ? text.length() : nl;
        }

        private int lineEnd(int offset) {
            int e = lineEndAt(offset);
            return e > 0 && e <= text.length() && e > offset && text.charAt(e - 1) == '\r' ? e - 1 : e;
        }

        private int lineEndWithBreak(int offset) {
            int nl = text.indexOf('\n', offset);
            return nl < 0 ? text.length() : nl + 1;
        }
    }
}
