package org.apdm.core.metadata;

import org.apdm.core.PropertySeeds;
import static org.apdm.core.metadata.FitsBytes.card;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.Cursor;
import nom.tam.util.FitsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our {@link FitsHeaderReader} against nom-tam-fits 1.21.2 ({@code Header.readHeader} on a
 * {@code FitsFile}), on generated valid headers (jqwik) and on a malformed corpus derived from them.
 *
 * <p>Deliberate differences, applied by {@link #nomTamValues} and {@link #comparable} before comparing:
 * <ol>
 *   <li><b>Undefined values.</b> {@code KEY =} with a comment reads in nom-tam-fits as {@code ""} with a
 *       non-string type; without a comment as {@code null}. We report {@code null} in both cases (present,
 *       no value), so a non-string {@code ""} from nom-tam-fits is compared as {@code null}.</li>
 *   <li><b>CONTINUE without a preceding {@code &}-string.</b> nom-tam-fits reports it as a keyword
 *       {@code CONTINUE}; we treat it as commentary (FITS 4.0 §4.2.1.2: only a string ending in {@code &}
 *       continues). The key {@code CONTINUE} is not compared.</li>
 *   <li><b>Bytes 0x80-0xFF.</b> nom-tam-fits decodes header bytes as US-ASCII and turns them into U+FFFD;
 *       we decode a string as UTF-8 when its bytes are valid UTF-8 and as ISO-8859-1 otherwise, so a target
 *       name keeps its letters either way (then NFC-normalised). Runs of U+FFFD compare as one. Our characters above 0x7F are
 *       compared as U+FFFD; keys holding such bytes may differ in spelling and are then not matched up.</li>
 *   <li><b>A card without the value indicator {@code "= "} in bytes 9-10.</b> FITS 4.0 §4.1.2.2 makes it
 *       commentary, so we ignore it and keep the keyword's earlier value. nom-tam-fits instead lets it replace
 *       that value: with null ({@code DATE-LOC<0xE9> ...}), or, when an {@code =} appears inside bytes 1-8,
 *       it ends the keyword there and reads what follows ({@code KEY=5} is KEY=5, {@code KEY_1 = = 'x'} is
 *       KEY_1={@code = 'x'}). The malformed corpus counts these keys as documented differences; valid
 *       headers never contain such cards.</li>
 *   <li><b>A control byte (NUL, TAB, LF...) in a HIERARCH name.</b> nom-tam-fits is inconsistent there
 *       ({@code HIERARCH A B<LF> = 'x'} has no value, {@code HIERARCH A<LF>B = 'x'} has one, and
 *       {@code HIERARCH<NUL>A B = 'x'} is not HIERARCH at all, so it does not replace an earlier A.B); we
 *       treat control bytes in the name as blanks and read the value. Counted as documented differences.</li>
 *   <li><b>A repeated keyword.</b> The FITS standard's reader (and apdm, issue 16.1) keeps the first card;
 *       nom-tam-fits keeps the last. Valid headers compare such keys against the generator's first value
 *       instead; the malformed corpus counts them as documented differences.</li>
 *   <li><b>Commentary</b> ({@code COMMENT}, {@code HISTORY}, blank keyword) and {@code END} are not values.</li>
 * </ol>
 */
class FitsHeaderReaderDifferentialTest {

    private static final int DATA_BYTES = 16 * 16 * 2;
    private static Path propertyDir;
    private static int validHeaders;
    private static int validAgreed;

    @TempDir
    Path dir;

    // jqwik has no @TempDir; its properties share one directory removed after the class
    @BeforeContainer
    static void createPropertyDir() throws IOException {
        propertyDir = Files.createTempDirectory("apdm-fits-diff");
    }

    @AfterContainer
    static void removePropertyDir() throws IOException {
        System.out.printf("FITS differential on valid headers: %d headers, %d identical to nom-tam-fits%n",
                validHeaders, validAgreed);
        if (propertyDir != null) {
            try (Stream<Path> files = Files.walk(propertyDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<FitsHeaderGenerator.CardSpec>> headers() {
        return Arbitraries.randomValue(random -> FitsHeaderGenerator.header(random, 90));
    }

    @Property(tries = 600, seed = PropertySeeds.FIXED)
    @StatisticsReport(onFailureOnly = false)
    void agreesWithNomTamFitsOnValidHeaders(@ForAll("headers") List<FitsHeaderGenerator.CardSpec> specs) throws Exception {
        List<FitsHeaderGenerator.CardSpec> kept = new ArrayList<>();
        List<String> cards = FitsBytes.image(16, 16);
        cards.addAll(FitsHeaderGenerator.render(specs, kept));
        String all = String.join("", cards);
        Statistics.label("CONTINUE").collect(all.contains("CONTINUE") || all.contains("continue"));
        Statistics.label("HIERARCH").collect(all.contains("HIERARCH") || all.contains("hierarch"));
        Statistics.label("lower-case keyword").collect(kept.stream().anyMatch(c -> c.style() == FitsHeaderGenerator.Style.LOWER));
        Statistics.label("undefined value").collect(kept.stream().anyMatch(c -> !c.commentary() && c.value() == null));
        Statistics.label("several blocks").collect(cards.size() >= 36);
        Path file = Files.createTempFile(propertyDir, "h", ".fits");
        try {
            Files.write(file, FitsBytes.file(cards, DATA_BYTES));

            validHeaders++;
            RawHeader ours = FitsHeaderReader.read(file);
            Map<String, String> nom = nomTamValues(file);

            assertTrue(nom != null, "nom-tam-fits must read a valid header");
            // a repeated keyword: the standard (and apdm) reads the first card, nom-tam-fits the last
            // (difference 6); the independent oracle below checks those keys
            java.util.Set<String> repeated = repeatedKeys(kept);
            Map<String, String> mine = comparable(ours.values());
            repeated.forEach(k -> {
                nom.remove(k);
                mine.remove(k);
            });
            assertEquals(nom, mine, "keyword values differ from nom-tam-fits");
            assertFalse(ours.truncated());
            // the scan's fast path (keyword table, no strings for unwanted keys) reads exactly what the general path reads
            java.util.Set<String> some = new java.util.HashSet<>();
            for (int i = 0; i < FitsHeaderGenerator.KEYS.size(); i += 2) {
                some.add(FitsHeaderGenerator.KEYS.get(i));
            }
            some.add("HIERARCH.ESO.DET.CHIP");
            RawHeader general = FitsHeaderReader.read(file, some::contains);
            RawHeader fast = FitsHeaderReader.read(file, Keywords.of(some));
            assertEquals(general.values(), fast.values(), "keyword table and predicate disagree");
            assertEquals(general.truncated(), fast.truncated());
            // independent oracle: the first string written under each key, without trailing blanks
            Map<String, String> firstString = new LinkedHashMap<>();
            for (FitsHeaderGenerator.CardSpec s : kept) {
                if (!s.commentary()) {
                    String key = FitsHeaderGenerator.upper(s.key());
                    if (!firstString.containsKey(key)) {
                        firstString.put(key, s.expectedString());
                    }
                }
            }
            firstString.forEach((key, expected) -> {
                if (expected != null) {
                    assertEquals(expected, ours.get(key), "string value of " + key);
                }
            });
            validAgreed++;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static java.util.Set<String> repeatedKeys(List<FitsHeaderGenerator.CardSpec> kept) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> repeated = new java.util.HashSet<>();
        for (FitsHeaderGenerator.CardSpec s : kept) {
            if (!s.commentary() && !seen.add(FitsHeaderGenerator.upper(s.key()))) {
                repeated.add(FitsHeaderGenerator.upper(s.key()));
            }
        }
        return repeated;
    }

    /** Whether more than one value card (or HIERARCH card) before END carries {@code key} as we read keywords. */
    private static boolean repeatedForUs(byte[] bytes, String key) {
        int count = 0;
        String hierarch = key.startsWith("HIERARCH.") ? key.substring(9).replace('.', ' ') : null;
        for (int off = 0; off + FitsBytes.CARD <= bytes.length; off += FitsBytes.CARD) {
            String card = new String(bytes, off, FitsBytes.CARD, StandardCharsets.ISO_8859_1);
            String field = card.substring(0, 8).trim().toUpperCase(java.util.Locale.ROOT);
            if (field.equals("END")) {
                break;
            }
            if (hierarch != null) {
                int eq = card.indexOf('=');
                if (field.equals("HIERARCH") && eq > 8
                        && card.substring(8, eq).trim().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT)
                        .equals(hierarch)) {
                    count++;
                }
            } else if (field.equals(key) && card.charAt(8) == '=') {
                count++;
            }
        }
        return count > 1;
    }

    /** Keywords nom-tam-fits found more than once (it keeps the last; we keep the first). */
    static java.util.Set<String> nomTamRepeatedKeys(Path file) {
        try (FitsFile in = new FitsFile(file.toFile(), "r", FitsBytes.BLOCK)) {
            Header header = Header.readHeader(in);
            return header == null ? java.util.Set.of() : new java.util.HashSet<>(header.getDuplicateKeySet());
        } catch (Exception e) {
            return java.util.Set.of();
        }
    }

    /** nom-tam-fits' keyword values, or null when it cannot read the header. */
    static Map<String, String> nomTamValues(Path file) {
        try (FitsFile in = new FitsFile(file.toFile(), "r", FitsBytes.BLOCK)) {
            Header header = Header.readHeader(in);
            if (header == null) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Cursor<String, HeaderCard> it = header.iterator();
            while (it.hasNext()) {
                HeaderCard c = it.next();
                String key = c.getKey();
                if (key.isEmpty() || key.equals("END") || key.equals("COMMENT") || key.equals("HISTORY")
                        || key.equals("CONTINUE")) {
                    continue;
                }
                String value = c.getValue();
                if ("".equals(value) && !c.isStringValue()) {
                    value = null; // undefined value with a comment (difference 1)
                }
                values.put(key, value);
            }
            return values;
        } catch (Exception e) {
            return null; // FitsException (unchecked in 1.21), TruncatedFileException, IOException...
        }
    }

    /** Our values as nom-tam-fits would spell them (difference 3). */
    static Map<String, String> comparable(Map<String, String> ours) {
        Map<String, String> out = new LinkedHashMap<>();
        ours.forEach((k, v) -> out.put(k, asAscii(v)));
        return out;
    }

    /** Runs of U+FFFD as one: a UTF-8 letter is one character for us, one U+FFFD per byte for nom-tam-fits. */
    static String oneMarkPerRun(String s) {
        return s.replaceAll("\uFFFD+", "\uFFFD");
    }

    private static String asAscii(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c > 0x7F ? '\uFFFD' : c);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- malformed corpus

    /** Counters for the printed summary. */
    private static final class Tally {
        int cases;
        int oursRead;
        int oursRefused;
        int nomRead;
        int bothRead;
        int valuesCompared;
        int valuesAgreed;
        int documentedDifferences;
        long slowestNanos;
        final List<String> disagreements = new ArrayList<>();
        final List<String> violations = new ArrayList<>();
    }

    @Test
    void malformedCorpusNeverCrashesNorHangsAndAgreesWhenBothRead() {
        Tally tally = assertTimeoutPreemptively(Duration.ofMinutes(3), this::runCorpus);

        System.out.printf("FITS malformed corpus: %d cases; ours read %d, refused %d (UnreadableFileException); "
                        + "nom-tam read %d; both read %d; values compared %d, agreed %d, documented differences %d; "
                        + "slowest read %.1f ms%n",
                tally.cases, tally.oursRead, tally.oursRefused, tally.nomRead, tally.bothRead, tally.valuesCompared,
                tally.valuesAgreed, tally.documentedDifferences, tally.slowestNanos / 1e6);
        if (!tally.violations.isEmpty()) {
            fail(tally.violations.size() + " crashes or slow reads, first: " + tally.violations.subList(0, Math.min(5, tally.violations.size())));
        }
        if (!tally.disagreements.isEmpty()) {
            fail(tally.disagreements.size() + " disagreements with nom-tam-fits, first: "
                    + tally.disagreements.subList(0, Math.min(5, tally.disagreements.size())));
        }
        assertTrue(tally.cases > 5000, "corpus too small: " + tally.cases);
        assertTrue(tally.bothRead > 1000, "too few cases both readers accept to compare: " + tally.bothRead);
    }

    private Tally runCorpus() throws IOException {
        Tally tally = new Tally();
        Random random = new Random(20250613L);
        for (int base = 0; base < 16; base++) {
            List<FitsHeaderGenerator.CardSpec> specs = FitsHeaderGenerator.header(random, 70);
            List<String> cards = FitsBytes.image(16, 16);
            cards.addAll(FitsHeaderGenerator.render(specs, new ArrayList<>()));
            byte[] valid = FitsBytes.file(cards, DATA_BYTES);
            int headerLength = valid.length - FitsBytes.BLOCK;
            int endCardEnd = FitsBytes.CARD; // where the END card stops: long strings span several cards
            for (String c : cards) {
                endCardEnd += c.length();
            }

            for (int cut = 0; cut < valid.length; cut += FitsBytes.CARD) {
                truncated(tally, Arrays.copyOf(valid, cut), cut, endCardEnd, headerLength);
            }
            for (int i = 0; i < 40; i++) {
                int cut = random.nextInt(valid.length);
                truncated(tally, Arrays.copyOf(valid, cut), cut, endCardEnd, headerLength);
            }
            for (int i = 0; i < 250; i++) {
                byte[] bytes = valid.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    // mostly inside the header, where the parser works
                    int at = random.nextInt(10) == 0 ? random.nextInt(bytes.length) : random.nextInt(headerLength);
                    bytes[at] = hostileByte(random);
                }
                check(tally, bytes, "flip#" + base + "." + i);
            }
        }
        for (Map.Entry<String, byte[]> e : handMade().entrySet()) {
            check(tally, e.getValue(), e.getKey());
        }
        return tally;
    }

    private static byte hostileByte(Random r) {
        byte[] interesting = {0, '\'', '&', '=', '/', ' ', 'E', (byte) 0x80, (byte) 0xFF, (byte) 0xE9, '\n'};
        return r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : (byte) r.nextInt(256);
    }

    /** A cut file: refused as truncated before the END card ends; header read but data short after it. */
    private void truncated(Tally tally, byte[] bytes, int cut, int endCardEnd, int headerLength) throws IOException {
        RawHeader ours = check(tally, bytes, "cut@" + cut);
        if (cut < endCardEnd) {
            if (ours != null) {
                tally.violations.add("cut@" + cut + ": read a header whose END card is missing");
            }
        } else if (ours == null) {
            tally.violations.add("cut@" + cut + ": refused a file whose header is complete");
        } else if (cut < headerLength + DATA_BYTES && !ours.truncated()) {
            tally.violations.add("cut@" + cut + ": data is short but truncated() is false");
        }
    }

    /** Reads with both; returns our header or null when we refused it. */
    private RawHeader check(Tally tally, byte[] bytes, String label) throws IOException {
        tally.cases++;
        Path file = dir.resolve("case.fits");
        Files.write(file, bytes);
        RawHeader ours = null;
        long start = System.nanoTime();
        try {
            ours = FitsHeaderReader.read(file);
            tally.oursRead++;
        } catch (UnreadableFileException e) {
            tally.oursRefused++;
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                tally.violations.add(label + ": refusal without a reason");
            } else if (label.startsWith("cut@") && !e.getMessage().contains("truncated")
                    && !e.getMessage().contains("empty") && !e.getMessage().contains("not a FITS file")) {
                tally.violations.add(label + ": a cut file refused without saying truncated: " + e.getMessage());
            }
        } catch (Throwable t) {
            tally.violations.add(label + ": " + t);
        }
        long nanos = System.nanoTime() - start;
        tally.slowestNanos = Math.max(tally.slowestNanos, nanos);
        if (nanos > 1_000_000_000L) {
            tally.violations.add(label + ": took " + nanos / 1_000_000 + " ms");
        }
        Map<String, String> nom = nomTamValues(file);
        if (nom != null) {
            tally.nomRead++;
        }
        if (ours != null && nom != null) {
            tally.bothRead++;
            Map<String, String> mine = comparable(ours.values());
            java.util.Set<String> repeated = nomTamRepeatedKeys(file);
            for (Map.Entry<String, String> e : nom.entrySet()) {
                if (!mine.containsKey(e.getKey())) {
                    continue;
                }
                tally.valuesCompared++;
                String v = mine.get(e.getKey());
                if (v == null ? e.getValue() == null : v.equals(e.getValue())) {
                    tally.valuesAgreed++;
                } else if (v != null && e.getValue() != null
                        && oneMarkPerRun(v).equals(oneMarkPerRun(e.getValue()))) {
                    tally.documentedDifferences++; // difference 3: UTF-8 letters are one character for us
                } else if (repeated.contains(e.getKey()) || repeatedForUs(bytes, e.getKey())) {
                    tally.documentedDifferences++; // difference 6: the first card for us, the last for nom-tam
                } else if (lastCardIsNoValueCardForUs(bytes, e.getKey())) {
                    tally.documentedDifferences++; // difference 4
                } else if (hierarchNameHasControlBytes(bytes, e.getKey())) {
                    tally.documentedDifferences++; // difference 5
                } else {
                    tally.disagreements.add(label + " " + e.getKey() + ": ours [" + v + "] nom-tam [" + e.getValue() + "]");
                }
            }
        }
        return ours;
    }

    /**
     * Whether the last card nom-tam-fits files under {@code key} (its keyword ends at the first {@code =}
     * of bytes 1-8) is, for us, not a value card of that key: no {@code =} in byte 9, or a keyword field
     * that is not exactly {@code key} (difference 4).
     */
    private static boolean lastCardIsNoValueCardForUs(byte[] bytes, String key) {
        Boolean last = null;
        for (int off = 0; off + FitsBytes.CARD <= bytes.length; off += FitsBytes.CARD) {
            String field = new String(bytes, off, 8, StandardCharsets.ISO_8859_1);
            String ours = field.trim().toUpperCase(java.util.Locale.ROOT);
            if (ours.equals("END")) {
                break;
            }
            int eq = field.indexOf('=');
            String nomTams = (eq >= 0 ? field.substring(0, eq) : field).trim().toUpperCase(java.util.Locale.ROOT);
            if (nomTams.equals(key)) {
                last = !ours.equals(key) || bytes[off + 8] != '=';
            }
        }
        return last != null && last;
    }

    /** Whether a HIERARCH card named {@code key} holds a byte below 0x20 in its name. */
    private static boolean hierarchNameHasControlBytes(byte[] bytes, String key) {
        for (int off = 0; off + FitsBytes.CARD <= bytes.length; off += FitsBytes.CARD) {
            String card = new String(bytes, off, FitsBytes.CARD, StandardCharsets.ISO_8859_1);
            String word = card.substring(0, 8).trim().toUpperCase(java.util.Locale.ROOT);
            if (word.equals("END")) {
                break;
            }
            int eq = card.indexOf('=');
            if (!word.equals("HIERARCH") || eq < 8) {
                continue;
            }
            String name = card.substring(8, eq);
            String dotted = "HIERARCH." + String.join(".", name.trim().split("\\s+")).toUpperCase(java.util.Locale.ROOT);
            if (dotted.equals(key) && name.chars().anyMatch(c -> c < 0x20)) {
                return true;
            }
        }
        return false;
    }

    /** The malformed cases of reliability-anchors T-C1 that random cuts and flips rarely produce. */
    private static Map<String, byte[]> handMade() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("simple-false", withCards(List.of(card("SIMPLE  =                    F"),
                card("BITPIX  =                    8"), card("NAXIS   =                    0"), card("OBJECT  = 'x'"))));
        cases.put("bitpix-7", withCards(List.of(card("SIMPLE  =                    T"),
                card("BITPIX  =                    7"), card("NAXIS   =                    1"),
                card("NAXIS1  =                   10"))));
        cases.put("naxis-negative", withCards(List.of(card("SIMPLE  =                    T"),
                card("BITPIX  =                    8"), card("NAXIS   =                   -1"))));
        cases.put("naxis-1000", withCards(List.of(card("SIMPLE  =                    T"),
                card("BITPIX  =                    8"), card("NAXIS   =                 1000"),
                card("NAXIS999=                    2"))));
        cases.put("naxis-overflow", withCards(List.of(card("SIMPLE  =                    T"),
                card("BITPIX  =                  -64"), card("NAXIS   =                    2"),
                card("NAXIS1  =  9223372036854775807"), card("NAXIS2  =  9223372036854775807"))));
        cases.put("naxis-not-a-number", withCards(List.of(card("SIMPLE  =                    T"),
                card("BITPIX  = 'sixteen'"), card("NAXIS   =                  2.5"), card("NAXIS1  ="))));
        List<String> dupMandatory = FitsBytes.image(16, 16);
        dupMandatory.add(card("BITPIX  =                  -32"));
        dupMandatory.add(card("OBJECT  = 'A'"));
        dupMandatory.add(card("OBJECT  = 'B'"));
        cases.put("duplicated-mandatory-and-object", withCards(dupMandatory));
        cases.put("unterminated-quote", withImage(card("OBJECT  = 'M 31 and then nothing")));
        cases.put("ampersand-without-continue", withImage(card("OBJECT  = 'M 31&'"), card("FILTER  = 'Ha'")));
        cases.put("continue-without-ampersand", withImage(card("OBJECT  = 'M 31'"), card("CONTINUE  'more'")));
        List<String> chain = new ArrayList<>();
        chain.add(card("OBJECT  = 'start&'"));
        for (int i = 0; i < 10_000; i++) {
            chain.add(card("CONTINUE  'x&'"));
        }
        chain.add(card("CONTINUE  'end'"));
        cases.put("continue-chain-10000", withImage(chain.toArray(new String[0])));
        cases.put("hierarch-without-equals", withImage(card("HIERARCH ESO DET CHIP 'x'"), card("FILTER  = 'Ha'")));
        cases.put("lower-case-keywords", withImage(card("object  = 'M 31'"), card("end")));
        cases.put("no-blank-after-equals", withImage(card("OBJECT  ='M 31'"), card("GAIN    =100")));
        cases.put("trailing-comma", withImage(card("EXPOSURE= 120.0,"), card("GAIN    = 100,")));
        cases.put("blank-values", withImage(card("GAIN    ="), card("OFFSET  =                    / c")));
        byte[] junk = FitsBytes.smallImage(List.of(card("OBJECT  = 'M 31'")));
        byte[] withJunk = Arrays.copyOf(junk, junk.length + 1000);
        Arrays.fill(withJunk, junk.length, withJunk.length, (byte) 'J');
        cases.put("junk-after-last-hdu", withJunk);
        byte[] nulPadded = FitsBytes.smallImage(List.of(card("OBJECT  = 'M 31'")));
        int afterEnd = (FitsBytes.image(16, 16).size() + 2) * FitsBytes.CARD;
        Arrays.fill(nulPadded, afterEnd, FitsBytes.BLOCK, (byte) 0);
        cases.put("nul-padding-after-end", nulPadded);
        byte[] endNotBlank = FitsBytes.smallImage(List.of(card("OBJECT  = 'M 31'")));
        int end = new String(endNotBlank, StandardCharsets.ISO_8859_1).indexOf("END     ");
        endNotBlank[end + 10] = 'X';
        cases.put("end-not-blank-padded", endNotBlank);
        byte[] utf8 = FitsBytes.smallImage(List.of(card("OBJECT  = 'M 31 XX'")));
        int obj = new String(utf8, StandardCharsets.ISO_8859_1).indexOf("M 31 XX");
        byte[] ae = "\u00e4".getBytes(StandardCharsets.UTF_8);
        utf8[obj + 5] = ae[0];
        utf8[obj + 6] = ae[1];
        cases.put("utf8-in-header", utf8);
        return cases;
    }

    private static byte[] withCards(List<String> cards) {
        return FitsBytes.file(cards, FitsBytes.BLOCK);
    }

    private static byte[] withImage(String... extra) {
        return FitsBytes.smallImage(List.of(extra));
    }
}
