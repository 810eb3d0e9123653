package org.apdm.core.metadata;

import static org.apdm.core.metadata.FitsBytes.card;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.demo.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitsHeaderReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static String message(Path file) {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FitsHeaderReader.read(file));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal must say why");
        return e.getMessage();
    }

    @Test
    void readsANinaLikeHeader() throws Exception {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("IMAGETYP", "LIGHT");
        k.put("EXPOSURE", 180.0);
        k.put("EXPTIME", 180.0);
        k.put("DATE-LOC", "2025-06-13T23:57:30.1150000");
        k.put("DATE-OBS", "2025-06-13T21:57:30.115");
        k.put("XBINNING", 1);
        k.put("GAIN", 100);
        k.put("OFFSET", 50);
        k.put("INSTRUME", "ZWO ASI2600MM Pro");
        k.put("SET-TEMP", -10.0);
        k.put("CCD-TEMP", -9.7);
        k.put("TELESCOP", "C8E");
        k.put("FOCALLEN", 2032.0);
        k.put("FOCRATIO", 10.0);
        k.put("FILTER", "Slot 1");
        k.put("OBJECT", "M 51");
        k.put("SITELAT", 35.60527778);
        k.put("ROWORDER", "TOP-DOWN");
        k.put("SWCREATE", "N.I.N.A. 3.1.2.9001 (x64)");
        Path file = dir.resolve("LIGHT_M 51.fits");
        SampleFiles.writeFits(file, k);

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("LIGHT", h.get("IMAGETYP"));
        assertEquals("180.0", h.get("EXPOSURE"));
        assertEquals("2025-06-13T23:57:30.1150000", h.get("DATE-LOC"));
        assertEquals("2025-06-13T21:57:30.115", h.get("DATE-OBS"));
        assertEquals("100", h.get("GAIN"));
        assertEquals("50", h.get("OFFSET"));
        assertEquals("ZWO ASI2600MM Pro", h.get("INSTRUME"));
        assertEquals("-10.0", h.get("SET-TEMP"));
        assertEquals("-9.7", h.get("CCD-TEMP"));
        assertEquals("10.0", h.get("FOCRATIO"));
        assertEquals("Slot 1", h.get("FILTER"));
        assertEquals("M 51", h.get("OBJECT"));
        assertEquals("35.60527778", h.get("SITELAT"));
        assertEquals("N.I.N.A. 3.1.2.9001 (x64)", h.get("SWCREATE"));
        assertEquals("T", h.get("SIMPLE"));
        assertEquals("16", h.get("NAXIS1"));
        // header order is kept
        List<String> keys = new ArrayList<>(h.values().keySet());
        assertEquals(List.of("SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "BZERO", "IMAGETYP"), keys.subList(0, 7));
        assertFalse(h.truncated());
        assertTrue(h.warnings().isEmpty(), h.warnings().toString());
    }

    @Test
    void stringsUnescapeQuotesKeepLeadingAndDropTrailingBlanks() throws Exception {
        Path file = write("quotes.fits", FitsBytes.smallImage(List.of(
                card("OBJECT  = 'O''Brien''s Nebula'   / the target"),
                card("FILTER  = 'Ha      '"),
                card("OBSERVER= '  Ann'"),
                card("NULLSTR = ''"),
                card("BLANKSTR= '        '"),
                card("SLASHES = 'a/b / c'            / comment with 'quotes'"),
                card("COMMENT   this is 'not' a value"),
                card("HISTORY   neither = is this"))));

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("O'Brien's Nebula", h.get("OBJECT"));
        assertEquals("Ha", h.get("FILTER"));
        assertEquals("  Ann", h.get("OBSERVER"), "leading blanks of a FITS string are significant");
        assertEquals("", h.get("NULLSTR"));
        assertEquals("", h.get("BLANKSTR"));
        assertEquals("a/b / c", h.get("SLASHES"));
        assertFalse(h.values().containsKey("COMMENT"));
        assertFalse(h.values().containsKey("HISTORY"));
    }

    @Test
    void joinsContinueLongStrings() throws Exception {
        String longTarget = "Very Long Target Name With Spaces & Ampersands & O'Quotes, ".repeat(3).trim();
        assertTrue(longTarget.length() > 68, "must need CONTINUE cards");
        List<String> cards = new ArrayList<>();
        cards.add(SampleFiles.card("OBJECT", longTarget, "the target"));
        cards.add(card("LONG    = 'abc&'"));
        cards.add(card("CONTINUE  'def   &'        / the blanks before & belong to the value"));
        cards.add(card("CONTINUE  'ghi'"));
        cards.add(card("NOTLONG = 'Tom &'                 / no CONTINUE follows: the & stays"));
        cards.add(card("GAIN    =                  100"));
        Path file = write("long.fits", FitsBytes.smallImage(cards));

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals(longTarget, h.get("OBJECT"));
        assertEquals("abcdef   ghi", h.get("LONG"));
        assertEquals("Tom &", h.get("NOTLONG"));
        assertEquals("100", h.get("GAIN"));
        assertFalse(h.values().containsKey("CONTINUE"));
    }

    @Test
    void longStringEndingInBlanksAcrossContinueIsTrimmedLikeAnyString() throws Exception {
        Path file = write("long-blank.fits", FitsBytes.smallImage(List.of(
                card("OBJECT  = 'M 31&'"),
                card("CONTINUE  '   &'"),
                card("CONTINUE  '  '"))));

        assertEquals("M 31", FitsHeaderReader.read(file).get("OBJECT"));
    }

    @Test
    void continuationThatIsNotThereDropsTheAmpersand() throws Exception {
        Path file = write("broken-continue.fits", FitsBytes.smallImage(List.of(
                card("OBJECT  = 'M 31&'"),
                card("CONTINUE  damaged, no quote"),
                card("FILTER  = 'Ha&'"),
                card("CONTINUE"))));

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("M 31", h.get("OBJECT"));
        assertEquals("Ha", h.get("FILTER"));
    }

    @Test
    void controlBytesAroundKeywordsAndNumbersAreBlanks() throws Exception {
        Path file = write("control.fits", FitsBytes.smallImage(List.of(
                card("GAIN\u0000   =                  100\u0000"),
                card("OFFSET\t =                   50\t / tab"))));

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("100", h.get("GAIN"));
        assertEquals("50", h.get("OFFSET"));
    }

    @Test
    void keywordWithoutValueIndicatorIsCommentaryAndKeepsTheEarlierValue() throws Exception {
        Path file = write("no-indicator.fits", FitsBytes.smallImage(List.of(
                card("FILTER  = 'Ha'"),
                card("FILTER    was changed by hand (no '=' in byte 9: commentary)"))));

        assertEquals("Ha", FitsHeaderReader.read(file).get("FILTER"));
    }

    @Test
    void hierarchKeysAreReportedWithDotsLikeNomTamFits() throws Exception {
        String longValue = "a long hierarch value, ".repeat(6).trim();
        Path file = write("hierarch.fits", FitsBytes.smallImage(List.of(
                card("HIERARCH ESO DET CHIP NAME = 'CCD-42' / chip"),
                card("hierarch eso tel focu value =  1.5"),
                SampleFiles.card("HIERARCH.NINA.TARGET.DESCRIPTION", longValue, null),
                card("GAIN    =                  100"))));

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("CCD-42", h.get("HIERARCH.ESO.DET.CHIP.NAME"));
        assertEquals("1.5", h.get("HIERARCH.ESO.TEL.FOCU.VALUE"));
        assertEquals(longValue, h.get("HIERARCH.NINA.TARGET.DESCRIPTION"), "HIERARCH long strings use CONTINUE too");
        assertEquals("100", h.get("GAIN"));
    }

    @Test
    void duplicateKeywordKeepsTheFirstValueAndWarns() throws Exception {
        Path file = write("dup.fits", FitsBytes.smallImage(List.of(
                card("FILTER  = 'Ha'"),
                card("OBJECT  = 'M 31'"),
                card("FILTER  = 'OIII'"))));

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("Ha", h.get("FILTER"), "the first card wins, as the FITS standard reads a header");
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        String warning = h.warnings().get(0);
        assertTrue(warning.contains("FILTER") && warning.contains("Ha") && warning.contains("OIII")
                && warning.contains("first"), warning);
    }

    @Test
    void lowerCaseKeywordIsReportedUpperCase() throws Exception {
        Path file = write("lower.fits", FitsBytes.smallImage(List.of(card("filter  = 'Ha'"), card("Object  = 'M 31'"))));

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("Ha", h.get("FILTER"));
        assertEquals("M 31", h.get("OBJECT"));
    }

    @Test
    void keywordWithoutValueIsPresentWithNullValue() throws Exception {
        Path file = write("novalue.fits", FitsBytes.smallImage(List.of(
                card("GAIN    ="),
                card("OFFSET  =                      / undefined, with a comment"),
                card("OBJECT  = 'M 31'"))));

        RawHeader h = FitsHeaderReader.read(file);

        assertTrue(h.values().containsKey("GAIN"));
        assertNull(h.get("GAIN"));
        assertTrue(h.values().containsKey("OFFSET"));
        assertNull(h.get("OFFSET"));
        assertEquals("M 31", h.get("OBJECT"));
    }

    @Test
    void headerSpanningSeveralBlocks() throws Exception {
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cards.add(card(String.format("KEY%03d  = %20d", i, i * 7)));
        }
        cards.add(card("OBJECT  = 'last card'"));
        byte[] bytes = FitsBytes.smallImage(cards);
        assertEquals(4 * FitsBytes.BLOCK, bytes.length, "3 header blocks and 1 data block");
        Path file = write("blocks.fits", bytes);

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("0", h.get("KEY000"));
        assertEquals("693", h.get("KEY099"));
        assertEquals("last card", h.get("OBJECT"));
        assertFalse(h.truncated(), "the data block after a 3-block header is complete");
    }

    @Test
    void endAsFirstCardOfTheSecondBlock() throws Exception {
        List<String> cards = FitsBytes.image(16, 16);
        while (cards.size() < 35) {
            cards.add(card(String.format("PAD%02d   = %20d", cards.size(), cards.size())));
        }
        cards.add(card("OBJECT  = 'card 36'"));
        byte[] bytes = FitsBytes.file(cards, 512);
        assertEquals(3 * FitsBytes.BLOCK, bytes.length);
        assertArrayEquals("END".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(bytes, 2880, 2883));
        Path file = write("end2.fits", bytes);

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("card 36", h.get("OBJECT"));
        assertFalse(h.truncated(), "the header is 2 blocks; its data block is complete");
    }

    @Test
    void wantedFilterKeepsOnlyTheNamedKeywordsButStillChecksTheData() throws Exception {
        byte[] bytes = FitsBytes.smallImage(List.of(
                card("OBJECT  = 'M 31'"), card("GAIN    =                  100"), card("FILTER  = 'Ha'"),
                card("HIERARCH ESO DET = 5")));
        Path whole = write("wanted.fits", bytes);
        Path cut = write("wanted-cut.fits", Arrays.copyOf(bytes, FitsBytes.BLOCK + 100));

        Set<String> wanted = Set.of("OBJECT", "GAIN", "HIERARCH.ESO.DET");
        RawHeader h = FitsHeaderReader.read(whole, wanted::contains);

        assertEquals(Map.of("OBJECT", "M 31", "GAIN", "100", "HIERARCH.ESO.DET", "5"), h.values());
        assertFalse(h.truncated());
        assertTrue(FitsHeaderReader.read(cut, wanted::contains).truncated(),
                "NAXIS and BITPIX are used for the size check even when not wanted");
    }

    @Test
    void headerCutMidCardIsTruncated() throws Exception {
        byte[] bytes = FitsBytes.smallImage(List.of(card("OBJECT  = 'M 31'"), card("FILTER  = 'Ha'")));
        Path file = write("midcard.fits", Arrays.copyOf(bytes, 440));

        String msg = message(file);

        assertTrue(msg.contains("truncated"), msg);
    }

    @Test
    void headerCutAtACardBoundaryIsTruncated() throws Exception {
        byte[] bytes = FitsBytes.smallImage(List.of(card("OBJECT  = 'M 31'"), card("FILTER  = 'Ha'")));
        Path file = write("boundary.fits", Arrays.copyOf(bytes, 400));

        String msg = message(file);

        assertTrue(msg.contains("truncated"), msg);
    }

    @Test
    void headerWithoutEndIsTruncated() throws Exception {
        byte[] bytes = FitsBytes.smallImage(List.of(card("OBJECT  = 'M 31'")));
        // blank out END: the reader runs on into the data and off the end of the file
        int end = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("END     ");
        Arrays.fill(bytes, end, end + 3, (byte) ' ');
        Path withData = write("noend.fits", bytes);
        Path headerOnly = write("noend-header.fits", Arrays.copyOf(bytes, FitsBytes.BLOCK));

        assertTrue(message(withData).contains("truncated"));
        assertTrue(message(headerOnly).contains("truncated"));
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        String msg = message(write("empty.fits", new byte[0]));

        assertTrue(msg.contains("empty"), msg);
    }

    @Test
    void textFileIsNotFits() throws Exception {
        String msg = message(write("notes.fits", "Seeing was poor tonight, clouds after 2am.\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8)));

        assertTrue(msg.contains("not a FITS file"), msg);
    }

    @Test
    void fileNotStartingWithSimpleIsNotFits() throws Exception {
        List<String> cards = new ArrayList<>();
        cards.add(card("XTENSION= 'IMAGE   '"));
        cards.add(card("BITPIX  =                    8"));
        cards.add(card("NAXIS   =                    0"));
        cards.add(card("SIMPLE  =                    T"));
        String msg = message(write("xtension.fits", FitsBytes.file(cards, 0)));

        assertTrue(msg.contains("not a FITS file"), msg);
        assertTrue(message(write("short.fits", "SIMP".getBytes(StandardCharsets.US_ASCII))).contains("not a FITS file"));
    }

    @Test
    void missingFileSaysSo() {
        String msg = message(dir.resolve("nowhere.fits"));

        assertTrue(msg.contains("not found"), msg);
    }

    @Test
    void dataShorterThanTheHeaderSaysIsReportedAsTruncated() throws Exception {
        byte[] bytes = FitsBytes.smallImage(List.of(card("OBJECT  = 'M 31'")));
        Path headerOnly = write("nodata.fits", Arrays.copyOf(bytes, FitsBytes.BLOCK));
        Path partData = write("partdata.fits", Arrays.copyOf(bytes, FitsBytes.BLOCK + 511));
        Path exactData = write("unpadded.fits", Arrays.copyOf(bytes, FitsBytes.BLOCK + 512));

        RawHeader h = FitsHeaderReader.read(headerOnly);
        assertTrue(h.truncated());
        assertEquals("M 31", h.get("OBJECT"), "the header is still readable");
        assertTrue(FitsHeaderReader.read(partData).truncated());
        assertFalse(FitsHeaderReader.read(exactData).truncated(), "all pixels present; only the padding is missing");
    }

    @Test
    void dataSizeThatOverflowsALongIsTruncatedNotAccepted() throws Exception {
        List<String> cards = new ArrayList<>();
        cards.add(card("SIMPLE  =                    T"));
        cards.add(card("BITPIX  =                  -64"));
        cards.add(card("NAXIS   =                    3"));
        cards.add(card("NAXIS1  =           4294967296"));
        cards.add(card("NAXIS2  =           4294967296"));
        cards.add(card("NAXIS3  =                 1000"));
        cards.add(card("OBJECT  = 'M 31'"));
        Path file = write("overflow.fits", FitsBytes.file(cards, 2880));

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("M 31", h.get("OBJECT"));
        assertTrue(h.truncated(), "no file can hold 2^64 pixels");
    }

    @Test
    void dataSizeJustBelowLongMaxIsTruncatedNotAccepted() throws Exception {
        List<String> cards = new ArrayList<>();
        cards.add(card("SIMPLE  =                    T"));
        cards.add(card("BITPIX  =                    8"));
        cards.add(card("NAXIS   =                    1"));
        cards.add(card("NAXIS1  =  9223372036854775000"));
        Path file = write("huge.fits", FitsBytes.file(cards, 2880));

        assertTrue(FitsHeaderReader.read(file).truncated(), "header size + data size must not wrap around");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "BITPIX  =                   12 | NAXIS   =                    0 | BITPIX = 12 (must be 8, 16, 32, 64, -32 or -64)",
            "BITPIX  = 'sixteen'            | NAXIS   =                    0 | BITPIX is missing or not a number",
            "COMMENT no BITPIX              | NAXIS   =                    0 | BITPIX is missing or not a number",
            "BITPIX  =                   16 | NAXIS   =                 1000 | NAXIS = 1000 (must be 0 to 999)",
            "BITPIX  =                   16 | NAXIS   =                   -1 | NAXIS = -1 (must be 0 to 999)",
            "BITPIX  =                   16 | COMMENT no NAXIS              | NAXIS is missing or not a number",
            "BITPIX  =                   16 | NAXIS   =                    2 | NAXIS2 is missing or not a number (NAXIS = 2)"})
    void aStructurallyInvalidPrimaryHeaderIsRefusedWithTheReason(String second, String third, String reason)
            throws Exception {
        List<String> cards = new ArrayList<>();
        cards.add(card("SIMPLE  =                    T"));
        cards.add(card(second));
        cards.add(card(third));
        cards.add(card("NAXIS1  =                    4"));
        cards.add(card("OBJECT  = 'M 31'"));
        Path file = write("invalid.fits", FitsBytes.file(cards, 2880));

        assertEquals("invalid FITS header: " + reason, message(file));
    }

    @Test
    void aNegativeAxisLengthIsRefused() throws Exception {
        List<String> cards = new ArrayList<>(FitsBytes.image(16, 16));
        cards.set(3, card("NAXIS1  =                   -5"));
        Path file = write("negative-axis.fits", FitsBytes.file(cards, 2880));

        assertEquals("invalid FITS header: NAXIS1 is negative", message(file));
    }

    @Test
    void headerLargerThanTheBlockCapIsRefusedWithoutHanging() throws Exception {
        List<String> cards = new ArrayList<>(FitsBytes.noData());
        int total = (FitsHeaderReader.MAX_HEADER_BLOCKS + 5) * 36;
        while (cards.size() < total) {
            cards.add(card("COMMENT   filler"));
        }
        byte[] header = FitsBytes.header(cards);
        // remove END so the header never ends
        int end = (total) * FitsBytes.CARD;
        Arrays.fill(header, end, end + 3, (byte) ' ');
        Path file = write("huge-header.fits", header);

        String msg = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> message(file));

        assertTrue(msg.contains("no END card in the first 1000 header blocks"), msg);
    }

    @Test
    void nulAndHighBytesInCardsDoNotBreakTheReader() throws Exception {
        byte[] bytes = FitsBytes.smallImage(List.of(
                card("OBJECT  = 'Nebula X'"),
                card("WEIRD   = 'abcdef'"),
                card("BADKEY  = 1"),
                card("FILTER  = 'Ha'")));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int weird = text.indexOf("WEIRD");
        bytes[weird + 12] = 0;                 // NUL inside a string
        bytes[weird + 13] = (byte) 0x80;
        bytes[weird + 14] = (byte) 0xFF;
        int badKey = text.indexOf("BADKEY");
        bytes[badKey + 1] = (byte) 0xE9;        // Latin-1 letter in a keyword
        bytes[badKey + 2] = 0;
        int object = text.indexOf("OBJECT");
        bytes[object + 17] = (byte) 0xE9;       // 'Nebula X' -> 'Nebula\u00e9X'
        Path file = write("highbytes.fits", bytes);

        RawHeader h = FitsHeaderReader.read(file);

        assertEquals("Ha", h.get("FILTER"), "cards after the odd ones are still read");
        assertEquals("a\u0000\u0080\u00ffef", h.get("WEIRD"));
        assertEquals("Nebula\u00e9X", h.get("OBJECT"), "bytes are read as ISO-8859-1, never dropped");
        assertFalse(h.truncated());
    }
}
