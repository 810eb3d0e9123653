package org.apdm.core.fileops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record of one run: an intent before each step, a "publishing" mark before a copy
 * is made visible under its final name, and "done" after. Intents are forced to disk before any of
 * their steps starts; that is what makes every crash recoverable (see {@link JournalRecovery}).
 * One JSON object per line; a torn last line is ignored on reading.
 */
final class Journal implements Closeable {

    static final String SUFFIX = ".jnl";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One journal line. Field names are short because a batch of 100,000 moves writes 200,000 lines. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String r, Integer op, String kind, String src, String dst, String tmp, Boolean dup,
                 String batch, String title, String at, String outcome) {

        static Entry begin(String batch, String title) {
            return new Entry("begin", null, null, null, null, null, null, batch, title, Instant.now().toString(), null);
        }

        static Entry intent(int op, String kind, Path src, Path dst, Path tmp, boolean removeDuplicate) {
            return new Entry("intent", op, kind, str(src), str(dst), str(tmp), removeDuplicate ? Boolean.TRUE : null,
                    null, null, null, null);
        }

        static Entry mark(String r, int op, String outcome) {
            return new Entry(r, op, null, null, null, null, null, null, null, null, outcome);
        }

        private static String str(Path p) {
            return p == null ? null : p.toString();
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final StringBuilder pending = new StringBuilder();

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static Journal begin(Path directory, String batch, String title) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(batch + SUFFIX);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        Journal j = new Journal(file, ch);
        j.append(Entry.begin(batch, title));
        j.force();
        return j;
    }

    Path file() {
        return file;
    }

    void append(Entry e) throws IOException {
        pending.append(JSON.writeValueAsString(e)).append('\n');
    }

    /** Writes what is pending and forces it to the device. */
    void force() throws IOException {
        if (pending.length() > 0) {
            ByteBuffer buf = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            pending.setLength(0);
        }
        channel.force(false);
    }

    /** Closes and deletes the journal: the run finished and every step has its outcome. */
    void finish() throws IOException {
        force();
        channel.close();
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            force();
            channel.close();
        }
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, Entry.class));
            } catch (IOException e) {
                break; // a torn line can only be the last one written before a crash
            }
        }
        return out;
    }
}
