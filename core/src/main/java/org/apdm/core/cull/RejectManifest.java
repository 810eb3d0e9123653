package org.apdm.core.cull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cull-manifest.jsonl} beside rejected frames: for each frame, the pass, the reasons and the
 * metric values at the time, and later whether it was restored or purged. Append-only history; the
 * reject tree mirrors the data tree, so the original place of a frame never depends on this file.
 */
public final class RejectManifest {

    public static final String NAME = "cull-manifest.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * One line.
     *
     * @param event    rejected, restored or purged
     * @param file     the frame's path below the data root (and below the reject root)
     * @param pass     the pass that rejected it
     * @param reasons  why
     * @param metrics  its metric values
     * @param at       ISO-8601 instant
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String event, String file, String pass, List<String> reasons, Map<String, Double> metrics,
                        String at) {
    }

    private RejectManifest() {
    }

    /** Appends entries to the manifest of a folder, creating it. */
    public static void append(Path folder, List<Entry> entries) throws IOException {
        Files.createDirectories(folder);
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(JSON.writeValueAsString(e)).append('\n');
        }
        Files.writeString(folder.resolve(NAME), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Reads a manifest; unreadable lines (a torn last line) are skipped. */
    public static List<Entry> read(Path manifest) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, Entry.class));
            } catch (IOException e) {
                // a line cut short by a crash; the frames themselves are unaffected
            }
        }
        return out;
    }
}
