package org.apdm.core.config;

import java.util.List;

/** The configuration cannot be used; each problem names the setting and what is wrong. */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
