package org.apdm.db.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apdm.core.fileops.ExecutionResult;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.Plan;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.ReportFileRepository;

/**
 * Writes a report file apdm owns ({@code astrobin_csv.txt}, {@code totals.txt}, the HTML page): to a temporary
 * name beside it, then an atomic rename.
 *
 * <p>It replaces only what apdm wrote before (its hash is recorded in the database) or what the old scripts
 * wrote (their fixed formats, which they rewrote on every run). Any other existing file may be the user's own:
 * it is first moved aside to {@code <name>-kept-<time>.<ext>} through the {@link FileEngine}, never
 * overwritten. A file whose content would not change is not touched.
 */
public final class ReportFileWriter {

    public enum Status { WRITTEN, REPLACED, UNCHANGED, KEPT_ASIDE }

    /** What happened to one file; {@code keptAs} is where a file apdm did not write was moved. */
    public record Outcome(Path file, Status status, Path keptAs) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final AstroDatabase db;
    private final FileEngine engine;
    private final Clock clock;

    public ReportFileWriter(AstroDatabase db, FileEngine engine, Clock clock) {
        this.db = db;
        this.engine = engine;
        this.clock = clock;
    }

    public Outcome write(Path file, String content, boolean dryRun) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        Status status = Status.WRITTEN;
        Path kept = null;
        if (Files.exists(f)) {
            byte[] old = Files.readAllBytes(f);
            if (java.util.Arrays.equals(old, bytes)) {
                if (!dryRun) {
                    db.inTransaction("recording " + f, c -> {
                        ReportFileRepository files = new ReportFileRepository(c);
                        if (!files.sha256(f.toString()).map(sha::equals).orElse(false)) {
                            files.record(f.toString(), sha);
                        }
                        return null;
                    });
                }
                return new Outcome(f, Status.UNCHANGED, null);
            }
            String oldSha = sha256(old);
            boolean ours = db.read("reading report files", c -> new ReportFileRepository(c).sha256(f.toString()))
                    .map(oldSha::equals).orElse(false);
            if (ours || writtenByOldScripts(f, new String(old, StandardCharsets.UTF_8))) {
                status = Status.REPLACED;
            } else {
                kept = keptName(f);
                status = Status.KEPT_ASIDE;
                if (!dryRun) {
                    Plan plan = new Plan("keep a report file apdm did not write",
                            List.of(new FileOperation.Move(f, kept, "kept before apdm writes " + f.getFileName())),
                            List.of(), List.of(f.getParent()), List.of());
                    ExecutionResult r = engine.execute(plan, ProgressListener.NONE, CancellationToken.none());
                    if (r.outcomes().isEmpty() || r.outcomes().get(0).outcome() != org.apdm.core.fileops.Outcome.DONE) {
                        throw new IOException("could not keep " + f + " aside (" + (r.outcomes().isEmpty() ? "not run"
                                : r.outcomes().get(0).outcome() + " " + r.outcomes().get(0).detail())
                                + "); it was not overwritten");
                    }
                }
            }
        }
        if (dryRun) {
            return new Outcome(f, status, kept);
        }
        Path tmp = f.resolveSibling("." + f.getFileName() + ".apdm-report.tmp");
        Files.write(tmp, bytes);
        // our own temporary file replaced by an atomic rename: the report is old or new, never half written
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        db.inTransaction("recording " + f, c -> {
            new ReportFileRepository(c).record(f.toString(), sha);
            return null;
        });
        return new Outcome(f, status, kept);
    }

    /** The fixed formats of summary.py: {@code astrobin_csv.txt} with its six-column header, JSON {@code totals.txt}. */
    static boolean writtenByOldScripts(Path f, String content) {
        String name = f.getFileName().toString();
        String t = content.strip();
        if (name.equals("astrobin_csv.txt")) {
            return t.isEmpty() || t.startsWith("date,filter,number,duration,fNumber,bortle");
        }
        if (name.equals("totals.txt")) {
            return t.startsWith("{") && t.contains("\"have\"") && t.endsWith("}");
        }
        return false;
    }

    private Path keptName(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String base = stem + "-kept-" + STAMP.format(LocalDateTime.now(clock));
        Path p = f.resolveSibling(base + ext);
        for (int i = 2; Files.exists(p); i++) {
            p = f.resolveSibling(base + "-" + i + ext);
        }
        return p;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
