package org.apdm.core.capture;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.metadata.MetadataReader;

/**
 * How one capture program names and heads its frames: its folder and file-name patterns, which of name and header
 * wins, the words it writes for values, header keywords it fills with something else, values its frames always
 * have but do not say, and the files it makes itself (stacks) that are not subs.
 *
 * @param id            the name used in the configuration ({@code ingest.sources[].profile})
 * @param program       the program, as users know it
 * @param patterns      the program's naming of subs, most specific first
 * @param outputs       the program's own products (live stacks, masters): never ingested, left where they are
 * @param precedence    N.I.N.A.: the names (the user's own pattern) win; every other program: the header wins
 * @param words         {@code KEY=word} → the value apdm uses ({@code TYPE=DarkFlat} → {@code DARK}); an empty
 *                      value means the word says nothing ({@code OBJECT=Capture}, SharpCap's name for no target)
 * @param ignoredHeader header keywords the program fills with something else (ASIAIR's TELESCOP is the mount)
 * @param constants     header keywords and values the program's frames always have but may not write; ranked last
 * @param creator       header keyword → how its value starts in the program's frames ({@code CREATOR 'ZWO ASIAIR'}):
 *                      recognises a frame whose name was changed
 */
public record CaptureProfile(String id, String program, List<NamePattern> patterns, List<NamePattern> outputs,
                             MetadataReader.Precedence precedence, Map<String, String> words,
                             Set<String> ignoredHeader, Map<String, String> constants, Map<String, String> creator) {

    public CaptureProfile {
        creator = Map.copyOf(creator);
        patterns = List.copyOf(patterns);
        outputs = List.copyOf(outputs);
        words = Map.copyOf(words);
        ignoredHeader = Set.copyOf(ignoredHeader);
        constants = Map.copyOf(constants);
    }

    /** The values the first matching pattern finds in the path, words mapped; null when none matches. */
    public Map<String, String> match(Path relative) {
        for (NamePattern p : patterns) {
            Map<String, String> values = p.match(relative);
            if (values != null) {
                Map<String, String> out = new LinkedHashMap<>();
                values.forEach((key, value) -> {
                    String mapped = words.getOrDefault(key + "=" + value, value);
                    if (!mapped.isEmpty() && !key.equals("SEQ")) {
                        out.put(key, mapped);
                    }
                });
                return out;
            }
        }
        return null;
    }

    /** True when a header's creator keywords say this program wrote the file. */
    public boolean wrote(Map<String, String> header) {
        return creator.entrySet().stream().anyMatch(e -> {
            String v = header.get(e.getKey());
            return v != null && v.trim().startsWith(e.getValue());
        });
    }

    /** True when the path is one of the program's own products (a stack), not a sub. */
    public boolean isOutput(Path relative) {
        return outputs.stream().anyMatch(p -> p.match(relative) != null);
    }
}
