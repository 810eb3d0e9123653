package org.apdm.core.fileops;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finishes or rolls back the steps of runs that ended without finishing their journal.
 *
 * <p>Every decision is taken from what is on disk, guided by the journal:
 * <ul>
 *   <li>a temporary copy is always removed (the source still exists until a copy is published);</li>
 *   <li>source and destination as two names of one file (an interrupted link-then-unlink move):
 *       the source name is removed;</li>
 *   <li>source and a published, identical destination (an interrupted copy-then-delete move):
 *       the source is removed;</li>
 *   <li>only the source: nothing happened or the partial copy is gone: rolled back;</li>
 *   <li>only the destination: the step had finished;</li>
 *   <li>anything else is reported with both paths and left alone.</li>
 * </ul>
 * A source is never removed unless an identical destination exists.
 */
final class JournalRecovery {

    enum StepResult { COMPLETED, ROLLED_BACK, PROBLEM }

    record Step(StepResult result, String message) {
    }

    private JournalRecovery() {
    }

    static RecoveryReport recoverAll(Path journalDir) throws IOException {
        if (!Files.isDirectory(journalDir)) {
            return RecoveryReport.NONE;
        }
        List<Path> journals = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(journalDir, "*" + Journal.SUFFIX)) {
            ds.forEach(journals::add);
        }
        journals.sort(null);
        RecoveryReport report = RecoveryReport.NONE;
        for (Path j : journals) {
            report = report.plus(recover(j));
        }
        return report;
    }

    static RecoveryReport recover(Path journal) throws IOException {
        List<Journal.Entry> entries = Journal.read(journal);
        Map<Integer, Journal.Entry> intents = new HashMap<>();
        Set<Integer> done = new HashSet<>();
        Set<Integer> publishing = new HashSet<>();
        List<Integer> order = new ArrayList<>();
        for (Journal.Entry e : entries) {
            switch (e.r()) {
                case "intent" -> {
                    intents.put(e.op(), e);
                    order.add(e.op());
                }
                case "publishing" -> publishing.add(e.op());
                case "done" -> done.add(e.op());
                default -> {
                }
            }
        }
        int completed = 0;
        int rolledBack = 0;
        List<String> problems = new ArrayList<>();
        for (int op : order) {
            if (done.contains(op)) {
                continue;
            }
            Step s = recoverStep(intents.get(op), publishing.contains(op));
            switch (s.result()) {
                case COMPLETED -> completed++;
                case ROLLED_BACK -> rolledBack++;
                case PROBLEM -> problems.add(s.message());
            }
        }
        Files.deleteIfExists(journal);
        return new RecoveryReport(1, completed, rolledBack, problems);
    }

    static Step recoverStep(Journal.Entry intent, boolean published) {
        try {
            return switch (intent.kind()) {
                case "move" -> move(intent, published);
                case "copy" -> copy(intent);
                case "delete" -> FileFacts.exists(Path.of(intent.src()))
                        ? new Step(StepResult.ROLLED_BACK, "not deleted: " + intent.src())
                        : new Step(StepResult.COMPLETED, "deleted: " + intent.src());
                default -> new Step(StepResult.PROBLEM, "unknown journal step '" + intent.kind() + "'");
            };
        } catch (IOException | RuntimeException e) {
            return new Step(StepResult.PROBLEM, "could not recover " + intent.src() + " -> " + intent.dst()
                    + ": " + e.getMessage());
        }
    }

    private static boolean removeTemp(Journal.Entry intent, Path dst) throws IOException {
        if (intent.tmp() == null) {
            return false;
        }
        Path tmp = Path.of(intent.tmp());
        if (!FileFacts.exists(tmp)) {
            return false;
        }
        boolean publishedByLink = FileFacts.exists(dst) && Files.isSameFile(tmp, dst);
        Files.delete(tmp);
        return publishedByLink;
    }

    private static Step move(Journal.Entry intent, boolean published) throws IOException {
        Path src = Path.of(intent.src());
        Path dst = Path.of(intent.dst());
        boolean ours = removeTemp(intent, dst) || published;
        boolean s = FileFacts.exists(src);
        boolean d = FileFacts.exists(dst);
        if (s && d) {
            if (FileFacts.samePlace(src, dst)) {
                return new Step(StepResult.COMPLETED, "already in place: " + src);
            }
            if (FileFacts.twoNamesOfOneFile(src, dst)) {
                Files.delete(src);
                return new Step(StepResult.COMPLETED, "finished move: " + dst);
            }
            boolean same = ContentComparer.sameContent(src, dst);
            if (same && (ours || Boolean.TRUE.equals(intent.dup()))) {
                Files.delete(src);
                FileFacts.forceDirectory(src.getParent());
                return new Step(StepResult.COMPLETED, "finished move: " + dst);
            }
            if (same) {
                return new Step(StepResult.ROLLED_BACK, "identical file already at " + dst + "; kept " + src);
            }
            return new Step(StepResult.PROBLEM, "different files at " + src + " and " + dst + "; both kept");
        }
        if (s) {
            return new Step(StepResult.ROLLED_BACK, "not moved: " + src);
        }
        if (d) {
            return new Step(StepResult.COMPLETED, "moved: " + dst);
        }
        return new Step(StepResult.PROBLEM, "neither " + src + " nor " + dst + " exists any more");
    }

    private static Step copy(Journal.Entry intent) throws IOException {
        Path dst = Path.of(intent.dst());
        removeTemp(intent, dst);
        return FileFacts.exists(dst)
                ? new Step(StepResult.COMPLETED, "copied: " + dst)
                : new Step(StepResult.ROLLED_BACK, "not copied: " + intent.src());
    }
}
