package org.apdm.core.cull;

import java.nio.file.Path;
import java.util.Map;

/**
 * A light in {@code 10_Blink} with the metrics the passes judge it by.
 *
 * @param file     the frame
 * @param relative its path below the data root ({@code {rig}/10_Blink/{target}/...})
 * @param metrics  metric name (as the pass names it) to value; an absent metric has no entry
 */
public record CullFrame(Path file, Path relative, Map<String, Double> metrics) {

    public CullFrame {
        metrics = Map.copyOf(metrics);
    }

    public Double metric(String name) {
        return metrics.get(name);
    }
}
