package org.apdm.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where apdm keeps things by default, per operating system: configuration in the user's config folder, the
 * database in the data folder, journal, lock and backups in the state folder; {@code home} is what {@code ~} means.
 * On Linux and macOS the home is {@code $HOME} (not the passwd entry Java's {@code user.home} reads), so a run
 * with its own {@code HOME} or XDG folders never touches the real home.
 */
public record ConfigLocations(Path configFile, Path dataDir, Path stateDir, Path home) {

    public static final String ENV_CONFIG = "APDM_CONFIG";

    /** A self-contained folder (tests, benchmarks): state in the data folder, {@code ~} is the data folder. */
    public ConfigLocations(Path configFile, Path dataDir) {
        this(configFile, dataDir, dataDir, dataDir);
    }

    public static ConfigLocations forCurrentUser() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param javaHome Java's {@code user.home}, used only where the environment names no home
     */
    static ConfigLocations of(String osName, Map<String, String> env, Path javaHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path home = pathOr(env.get("USERPROFILE"), javaHome);
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            Path data = local.resolve("apdm");
            return new ConfigLocations(appData.resolve("apdm").resolve("config.yaml"), data, data, home);
        }
        Path home = pathOr(env.get("HOME"), javaHome);
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("apdm");
            return new ConfigLocations(support.resolve("config.yaml"), support, support, home);
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("apdm");
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share")).resolve("apdm");
        Path state = pathOr(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state")).resolve("apdm");
        return new ConfigLocations(config.resolve("config.yaml"), data, state, home);
    }

    private static Path pathOr(String value, Path fallback) {
        // XDG: a relative value is invalid and ignored
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
