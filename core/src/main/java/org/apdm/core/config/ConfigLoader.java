package org.apdm.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds, reads and validates the configuration: {@code --config FILE}, else {@code APDM_CONFIG},
 * else the per-user config folder. With none of these present, built-in defaults apply and
 * command-line flags must name the folders.
 */
public final class ConfigLoader {

    private static final String EXAMPLE = "/org/apdm/core/config/apdm.example.yaml";

    private ConfigLoader() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    }

    /** Which file would be used, and whether it was asked for explicitly. */
    public static Path locate(Path explicit, ConfigLocations locations, Map<String, String> env) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(ConfigLocations.ENV_CONFIG);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return locations.configFile();
    }

    public static ApdmConfig load(Path explicit, ConfigLocations locations, Map<String, String> env)
            throws ConfigException {
        Path file = locate(explicit, locations, env);
        boolean requested = explicit != null || env.get(ConfigLocations.ENV_CONFIG) != null;
        if (!Files.exists(file)) {
            if (requested) {
                throw new ConfigException(file + ": configuration file not found"
                        + (explicit == null ? " (named by " + ConfigLocations.ENV_CONFIG + ")" : ""));
            }
            return ConfigResolver.resolve(null, null, locations, env);
        }
        return ConfigResolver.resolve(parse(file), file, locations, env);
    }

    /** Parses a YAML file; errors name the line and the setting. */
    public static ConfigFile parse(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, file.toString());
    }

    /**
     * Reads a configuration from text, with the same messages as a file: the window checks what the user
     * types this way before anything is saved.
     *
     * @param name the file the text is (or will be), for messages
     */
    public static ConfigFile parse(String yaml, String name) throws ConfigException {
        try {
            if (yaml.isBlank()) {
                return ConfigFile.empty();
            }
            ConfigFile f = mapper().readValue(yaml, ConfigFile.class);
            return f == null ? ConfigFile.empty() : f;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(name + keyLine(yaml, e.getPropertyName(), tokenLocation(e)) + ": " + path(e)
                    + ": unknown setting '" + e.getPropertyName() + "'" + (known.isEmpty() ? "" : "; settings allowed here: " + known));
        } catch (JsonMappingException e) {
            throw new ConfigException(name + where(tokenLocation(e)) + ": " + path(e) + ": " + simplify(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + where(e.getLocation()) + ": not valid YAML: " + simplify(e.getOriginalMessage()));
        }
    }

    /** The start of the offending token; the parser's own position may already be on the next line. */
    private static JsonLocation tokenLocation(JsonMappingException e) {
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p && p.currentTokenLocation() != null) {
            return p.currentTokenLocation();
        }
        return e.getLocation();
    }

    /**
     * The line of an unknown key. Jackson reports records' unknown keys at the end of their section,
     * so the key is looked up in the text; the reported line is the fallback.
     */
    private static String keyLine(String text, String key, JsonLocation fallback) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                "^\\s*(- )?[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return " line " + (i + 1);
            }
        }
        return where(fallback);
    }

    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " line " + loc.getLineNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                String n = r.getFieldName();
                sb.append(n.matches("[a-z_]+") ? n : "\"" + n + "\"");
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(top level)" : sb.toString();
    }

    private static String simplify(String message) {
        if (message == null) {
            return "invalid value";
        }
        String m = message;
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = m.replace("java.lang.", "").replace("org.apdm.core.config.ConfigFile$", "");
        if (m.startsWith("Cannot deserialize value of type `Double`")) {
            return "expected a number";
        }
        if (m.startsWith("Cannot deserialize value of type `Integer`")) {
            return "expected a whole number";
        }
        if (m.contains("from Array value") || m.contains("START_ARRAY")) {
            return "expected a single value, not a list";
        }
        if (m.contains("from Object value") || m.contains("START_OBJECT")) {
            return "expected a value, not a section";
        }
        return m;
    }

    private static final String RIGS_SECTION = "# Per-rig settings, by rig folder name.\nrigs:\n";

    /**
     * What {@code config init} and the window's first start write: the example without its rigs, which are one
     * person's. apdm finds a new user's rigs in the data and the N.I.N.A. profiles; a rig needs an entry only to
     * change its cull passes, calibration keys or filters, as the commented lines show.
     */
    public static String starterConfig() {
        String example = exampleConfig();
        int at = example.indexOf(RIGS_SECTION);
        if (at < 0) {
            throw new IllegalStateException("the example configuration has no rigs section");
        }
        return example.substring(0, at) + """
                # Per-rig settings, by rig folder name ({optic}@f{ratio}+{camera}). None are needed: apdm finds
                # the rigs in the data and the N.I.N.A. profiles. Add one to change its cull passes, calibration
                # keys or filters; apdm.example.yaml shows every setting, for example:
                # rigs:
                #   "C8E@f10.0+ZWO ASI2600MM Pro":
                #     cull:
                #       - {name: pass1, max_hfr: 4.6, max_rms: 2.0, auto_accept_percent: 30}
                #     calibration:
                #       darks: [exposure, settemp, camera, gain, offset]
                """;
    }

    /** The commented example configuration shipped with apdm: the documented example of every setting. */
    public static String exampleConfig() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("example configuration missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
