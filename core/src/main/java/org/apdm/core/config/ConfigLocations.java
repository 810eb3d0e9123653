package org.apdm.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where apdm keeps things by default, per operating system:
 * configuration in the user's config folder, journal and database in the user's data folder.
 */
public record ConfigLocations(Path configFile, Path dataDir) {

    public static final String ENV_CONFIG = "APDM_CONFIG";

    public static ConfigLocations forCurrentUser() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static ConfigLocations of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path config;
        Path data;
        if (os.contains("win")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            config = appData.resolve("apdm");
            data = local.resolve("apdm");
        } else if (os.contains("mac")) {
            config = home.resolve("Library").resolve("Application Support").resolve("apdm");
            data = config;
        } else {
            config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("apdm");
            data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share")).resolve("apdm");
        }
        return new ConfigLocations(config.resolve("config.yaml"), data);
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
