package org.apdm.nina;

/** The plugin's {@code project.state} values (peers-and-formats §1.4). */
public enum ProjectState {
    DRAFT(0), ACTIVE(1), INACTIVE(2), CLOSED(3);

    private final int code;

    ProjectState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The state of a stored value, or null for a value the plugin does not define. */
    public static ProjectState of(Integer code) {
        if (code != null) {
            for (ProjectState s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
        }
        return null;
    }

    /** "Active (1)", or the raw value when unknown. */
    public static String label(Integer code) {
        ProjectState s = of(code);
        if (s == null) {
            return code == null ? "none" : "unknown (" + code + ")";
        }
        String n = s.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT) + " (" + code + ")";
    }
}
