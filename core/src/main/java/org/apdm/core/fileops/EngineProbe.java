package org.apdm.core.fileops;

/**
 * Observes the engine at each point where a crash would leave a distinct state on disk.
 * Crash tests install one that halts the JVM at the n-th point; production uses {@link #NONE}.
 */
@FunctionalInterface
public interface EngineProbe {

    EngineProbe NONE = point -> {
    };

    void at(String point);
}
