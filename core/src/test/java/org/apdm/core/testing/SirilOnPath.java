package org.apdm.core.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real siril-cli for the tests that integrate with it. A machine without Siril skips them; CI (.ci/run sets
 * APDM_REQUIRE_SIRIL after installing it) fails them instead, so they cannot go quietly unrun.
 */
public final class SirilOnPath {

    private SirilOnPath() {
    }

    public static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isBlank() ? "." : dir, "siril-cli");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** siril-cli, or the test is skipped (failed where APDM_REQUIRE_SIRIL is set). */
    public static Path required() {
        Optional<Path> s = find();
        if (System.getenv("APDM_REQUIRE_SIRIL") != null) {
            Assertions.assertTrue(s.isPresent(), "APDM_REQUIRE_SIRIL is set but siril-cli is not on the PATH");
        }
        Assumptions.assumeTrue(s.isPresent(), "siril-cli is not installed");
        return s.get();
    }
}
