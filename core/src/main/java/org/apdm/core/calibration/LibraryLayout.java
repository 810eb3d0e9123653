package org.apdm.core.calibration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apdm.core.layout.PathSanitizer;
import org.apdm.core.metadata.Field;

/**
 * Where the library keeps each kind of master: a folder template per kind, below the library root.
 * A template is folder names separated by {@code /}; the first is a fixed name, the others may be
 * {@code {camera}} or {@code {optic}}, and for flats also {@code {filter}} or {@code {date}}. The default is the
 * user's three libraries. {@code {camera}} is the rig's {@code library_folder} when one is configured.
 *
 * @param bias folders of master bias
 * @param dark folders of master darks
 * @param flat folders of master flats
 */
public record LibraryLayout(String bias, String dark, String flat) {

    public static final LibraryLayout DEFAULT =
            new LibraryLayout("_Bias Library/{camera}", "_Dark Library/{camera}", "_Flat Stash/{camera}/{optic}");

    private static final Map<String, Field> PLACEHOLDERS = Map.of(
            "camera", Field.CAMERA, "optic", Field.OPTIC, "filter", Field.FILTER, "date", Field.DATE);

    /** The folders of a master, or the value the template needs and the master lacks. */
    public record Folder(List<String> components, Field missing) {
    }

    public String template(MasterKind kind) {
        return switch (kind) {
            case BIAS -> bias;
            case DARK -> dark;
            case FLAT -> flat;
        };
    }

    /** The fixed first folder of a kind; the library is read only below these, never the whole data root. */
    public String topFolder(MasterKind kind) {
        return segments(template(kind)).get(0);
    }

    /**
     * The folders for a master.
     *
     * @param value a master's value for a placeholder's field (null when it has none)
     */
    public Folder folder(MasterKind kind, Function<Field, String> value) {
        List<String> out = new ArrayList<>();
        for (String s : segments(template(kind))) {
            Field f = placeholder(s);
            if (f == null) {
                out.add(s);
                continue;
            }
            String v = value.apply(f);
            if (v == null || v.isBlank()) {
                return new Folder(List.of(), f);
            }
            out.add(PathSanitizer.component(f == Field.OPTIC ? v.replace('@', '-').replace('+', '-') : v));
        }
        return new Folder(out, null);
    }

    /**
     * Values the folders of a library file stand for ({@code _Flat Stash/ATR585M/SQA55} → camera, optic), to fill
     * what its header and name lack. Empty when the folders do not follow the template.
     *
     * @param folders the file's folders below the library root
     */
    public Map<Field, String> valuesFromPath(MasterKind kind, List<String> folders) {
        List<String> t = segments(template(kind));
        Map<Field, String> out = new EnumMap<>(Field.class);
        if (folders.size() < t.size()) {
            return out;
        }
        for (int i = 0; i < t.size(); i++) {
            Field f = placeholder(t.get(i));
            if (f == null) {
                if (!t.get(i).equalsIgnoreCase(folders.get(i))) {
                    return Map.of();
                }
            } else {
                out.put(f, folders.get(i));
            }
        }
        return out;
    }

    /** What is wrong with a template, for the configuration's error list; empty when it is usable. */
    public static List<String> problems(MasterKind kind, String template) {
        List<String> out = new ArrayList<>();
        if (template == null || template.isBlank()) {
            out.add("is empty; write folder names separated by /, e.g. '_Dark Library/{camera}'");
            return out;
        }
        List<String> segs = segments(template);
        for (int i = 0; i < segs.size(); i++) {
            String s = segs.get(i);
            if (s.isEmpty()) {
                out.add("'" + template + "' has an empty folder name");
                continue;
            }
            if (s.contains("{") || s.contains("}")) {
                Field f = placeholder(s);
                if (f == null) {
                    out.add("'" + s + "' is not a placeholder (use {camera}, {optic}"
                            + (kind == MasterKind.FLAT ? ", {filter}, {date}" : "") + " as whole folder names)");
                } else if (i == 0) {
                    out.add("'" + template + "' must start with a fixed folder name such as '_Dark Library'");
                } else if (kind != MasterKind.FLAT && (f == Field.FILTER || f == Field.DATE)) {
                    out.add("'" + s + "' is only available for flats");
                }
            } else if (!PathSanitizer.component(s).equals(s) || s.equals("..") || s.equals(".")) {
                out.add("'" + s + "' is not a safe folder name");
            }
        }
        return out;
    }

    private static Field placeholder(String segment) {
        if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
            return PLACEHOLDERS.get(segment.substring(1, segment.length() - 1).trim().toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static List<String> segments(String template) {
        String t = template.replace('\\', '/').trim();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String s : t.split("/", -1)) {
            out.add(s.trim());
        }
        return out;
    }
}
