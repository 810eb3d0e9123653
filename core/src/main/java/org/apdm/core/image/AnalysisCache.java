package org.apdm.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pixel metrics already measured, keyed by absolute path, size and modification time, so a frame is measured once
 * (ADR 0081). Kept as JSON lines in the state folder: a line is appended per frame, a later line for the same path
 * wins, and a line cut short by a crash is skipped. A frame that was changed or moved is simply measured again.
 */
public final class AnalysisCache {

    public static final String FILE_NAME = "pixel-metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(long size, long modified, PixelMetrics metrics) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private boolean loaded;

    public AnalysisCache(Path stateDir) {
        this.file = stateDir == null ? null : stateDir.resolve(FILE_NAME);
    }

    /** A cache that remembers nothing (tests, or a state folder that cannot be written). */
    public static AnalysisCache none() {
        return new AnalysisCache(null);
    }

    public Path file() {
        return file;
    }

    private synchronized void load() {
        if (loaded || file == null) {
            loaded = true;
            return;
        }
        loaded = true;
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n == null || !n.hasNonNull("path")) {
                        continue;
                    }
                    PixelMetrics m = new PixelMetrics(n.path("stars").asInt(), num(n, "hfr"), num(n, "fwhm"),
                            num(n, "eccentricity"), n.path("background").asDouble(), n.path("noise").asDouble());
                    entries.put(n.get("path").asText(), new Entry(n.path("size").asLong(), n.path("modified").asLong(), m));
                } catch (IOException | RuntimeException e) {
                    // a line cut short by a crash: that frame is measured again
                }
            }
        } catch (IOException e) {
            // an unreadable cache only costs time
        }
    }

    private static Double num(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).asDouble() : null;
    }

    /** The cached metrics when the file still has the size and modification time it was measured with. */
    public PixelMetrics get(Path frame) {
        load();
        Entry e = entries.get(key(frame));
        if (e == null) {
            return null;
        }
        try {
            return Files.size(frame) == e.size() && Files.getLastModifiedTime(frame).toMillis() == e.modified()
                    ? e.metrics() : null;
        } catch (IOException ex) {
            return null;
        }
    }

    public synchronized void put(Path frame, PixelMetrics m) {
        load();
        long size;
        long modified;
        try {
            size = Files.size(frame);
            modified = Files.getLastModifiedTime(frame).toMillis();
        } catch (IOException e) {
            return;
        }
        entries.put(key(frame), new Entry(size, modified, m));
        if (file == null) {
            return;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("path", key(frame));
        n.put("size", size);
        n.put("modified", modified);
        n.put("stars", m.stars());
        n.put("hfr", m.hfr());
        n.put("fwhm", m.fwhm());
        n.put("eccentricity", m.eccentricity());
        n.put("background", m.background());
        n.put("noise", m.noise());
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(JSON.writeValueAsString(n));
                w.write('\n');
            }
        } catch (IOException e) {
            // not remembered: measured again next time
        }
    }

    private static String key(Path frame) {
        return frame.toAbsolutePath().normalize().toString();
    }
}
