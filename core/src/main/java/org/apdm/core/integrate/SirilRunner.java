package org.apdm.core.integrate;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.OperationCancelledException;

/** Runs {@code siril-cli} on a script and says, in Siril's own words, why a run failed. */
public final class SirilRunner {

    /** siril-cli is neither configured nor on the PATH nor where its installers put it. */
    public static final class SirilMissingException extends IOException {
        SirilMissingException(String message) {
            super(message);
        }
    }

    /** Siril ran and did not make the master; the message ends with Siril's last lines. */
    public static final class SirilFailedException extends IOException {
        SirilFailedException(String message) {
            super(message);
        }
    }

    /** Siril's version, from {@code siril-cli --version}. */
    public record Version(int major, int minor, int patch) {
        static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

        public boolean atLeast(int major, int minor) {
            return this.major > major || (this.major == major && this.minor >= minor);
        }

        /** The first x.y[.z] in Siril's answer ("siril 1.0.6"). */
        public static java.util.Optional<Version> parse(String text) {
            java.util.regex.Matcher m = TEXT.matcher(text);
            if (!m.find()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    private final Path executable;
    private Version version;
    private final java.util.concurrent.atomic.AtomicLong sirilNanos = new java.util.concurrent.atomic.AtomicLong();

    public SirilRunner(Path executable) {
        this.executable = executable;
    }

    /** Wall time spent in Siril's script runs so far: what apdm's overhead is measured against. */
    public long sirilNanos() {
        return sirilNanos.get();
    }

    /** Asks siril-cli once; Siril before 1.0 cannot run apdm's scripts. */
    public synchronized Version version() throws IOException {
        if (version == null) {
            Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            String answer;
            try (var in = p.getInputStream()) {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while asking Siril its version");
            }
            Version v = Version.parse(answer).orElseThrow(() -> new SirilFailedException(executable
                    + " --version did not say its version (" + answer.strip() + "); is it siril-cli?"));
            if (!v.atLeast(1, 0)) {
                throw new SirilFailedException("Siril " + v + " is too old; apdm needs Siril 1.0 or later ("
                        + installHint() + ")");
            }
            version = v;
        }
        return version;
    }

    public Path executable() {
        return executable;
    }

    /**
     * Finds siril-cli: the configured file, else the PATH, else where the Windows and macOS installers put it.
     *
     * @param env the environment (PATH)
     */
    public static SirilRunner find(Path configured, Map<String, String> env) throws SirilMissingException {
        if (configured != null) {
            if (Files.isRegularFile(configured) && Files.isExecutable(configured)) {
                return new SirilRunner(configured);
            }
            throw new SirilMissingException("calibration.integrate.siril is " + configured + ", which is not an "
                    + "executable file; point it at siril-cli (" + installHint() + ")");
        }
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path p = Path.of(dir).resolve(windows ? "siril-cli.exe" : "siril-cli");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return new SirilRunner(p);
            }
        }
        for (String known : List.of("C:/Program Files/Siril/bin/siril-cli.exe",
                "/Applications/Siril.app/Contents/MacOS/siril-cli")) {
            Path p = Path.of(known);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return new SirilRunner(p);
            }
        }
        throw new SirilMissingException("siril-cli was not found on the PATH; " + installHint()
                + ", or set calibration.integrate.siril to its path");
    }

    static String installHint() {
        return "install Siril (Debian/Ubuntu: sudo apt-get install siril; Windows: the installer from siril.org, "
                + "C:\\Program Files\\Siril\\bin\\siril-cli.exe; macOS: Siril.app, "
                + "/Applications/Siril.app/Contents/MacOS/siril-cli)";
    }

    /**
     * Runs the script in {@code work}; its output goes to {@code work/siril.log}. Siril runs with a settings
     * folder of its own in {@code work}'s parent, so the user's Siril preferences (output bit depth, compression)
     * do not change the masters, and Siril writes nothing into the user's home.
     *
     * @param expected the file the script must write
     * @throws SirilFailedException when Siril fails or writes no {@code expected}
     */
    public void run(String script, Path work, Path expected, CancellationToken cancel) throws IOException {
        Files.createDirectories(work);
        Path ssf = work.resolve("apdm.ssf");
        Files.writeString(ssf, script, StandardCharsets.UTF_8);
        Path log = work.resolve("siril.log");
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "-s", ssf.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Path settings = Files.createDirectories(work.toAbsolutePath().getParent().resolve("siril-settings"));
        pb.environment().put("XDG_CONFIG_HOME", settings.toString());
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    p.destroyForcibly();
                    throw new OperationCancelledException();
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while Siril ran");
        } finally {
            sirilNanos.addAndGet(System.nanoTime() - start);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(expected)) {
            throw new SirilFailedException("Siril did not make " + expected.getFileName() + " (exit " + p.exitValue()
                    + "): " + lastLines(log));
        }
    }

    /** Siril's own words: its last log lines that say what went wrong, else its last lines. */
    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Deque<String> errors = new ArrayDeque<>();
        Deque<String> tail = new ArrayDeque<>();
        for (String l : lines) {
            String t = l.startsWith("log: ") ? l.substring(5) : l;
            if (t.isBlank()) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.contains("error") || lower.contains("failed") || lower.contains("not ") || lower.contains("unknown")) {
                errors.add(t.strip());
                if (errors.size() > 3) {
                    errors.removeFirst();
                }
            }
            tail.add(t.strip());
            if (tail.size() > 3) {
                tail.removeFirst();
            }
        }
        return String.join(" / ", errors.isEmpty() ? tail : errors) + " (full log: " + log + ")";
    }
}
