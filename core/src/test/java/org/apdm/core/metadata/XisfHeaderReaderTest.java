package org.apdm.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apdm.core.demo.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XisfHeaderReaderTest {

    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<xisf version=\"1.0\" xmlns=\"http://www.pixinsight.com/xisf\">\n";
    private static final String IMAGE = "<Image geometry=\"8:8:1\" sampleFormat=\"UInt16\" colorSpace=\"Gray\" "
            + "location=\"attachment:4096:128\">\n";
    private static final String CLOSE = "</Image>\n</xisf>\n";

    @TempDir
    Path dir;

    /** A monolithic XISF file: signature, little-endian header length, reserved zeros, the XML, pixels. */
    private Path xisf(String name, String xml) throws IOException {
        byte[] header = xml.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + header.length + 128).order(ByteOrder.LITTLE_ENDIAN);
        b.put("XISF0100".getBytes(StandardCharsets.US_ASCII)).putInt(header.length).putInt(0).put(header);
        Path file = dir.resolve(name);
        Files.write(file, b.array());
        return file;
    }

    private static String refusal(Path file) {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> XisfHeaderReader.read(file));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal must say why");
        return e.getMessage();
    }

    @Test
    void roundTripsKeywordsThroughXmlEscapingAndFitsQuotes() throws Exception {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("OBJECT", "Tom & Jerry <3> \"quoted\" O'Neil's");
        k.put("FILTER", "Ha      ");
        k.put("IMAGETYP", "Master Flat");
        k.put("INSTRUME", "ZWO ASI2600MM Pro");
        k.put("OBSERVER", "  leading blanks");
        k.put("GAIN", 100);
        k.put("EXPTIME", 120.5);
        k.put("OBSGEO-B", 35.60527778);
        k.put("HISTORY", "'calibrated'");
        Path file = dir.resolve("masterFlat.xisf");
        SampleFiles.writeXisf(file, k);

        RawHeader h = XisfHeaderReader.read(file);

        assertEquals("Tom & Jerry <3> \"quoted\" O'Neil's", h.get("OBJECT"));
        assertEquals("Ha", h.get("FILTER"), "trailing blanks in a FITS string are insignificant");
        assertEquals("Master Flat", h.get("IMAGETYP"));
        assertEquals("ZWO ASI2600MM Pro", h.get("INSTRUME"));
        assertEquals("  leading blanks", h.get("OBSERVER"));
        assertEquals("100", h.get("GAIN"));
        assertEquals("120.5", h.get("EXPTIME"));
        assertEquals("35.60527778", h.get("OBSGEO-B"));
        assertFalse(h.values().containsKey("HISTORY"));
        assertFalse(h.truncated());
        assertTrue(h.warnings().isEmpty(), h.warnings().toString());
    }

    @Test
    void wantedFilterAndLowerCaseNames() throws Exception {
        Path file = xisf("filter.xisf", OPEN + IMAGE
                + "<FITSKeyword name=\"filter\" value=\"'O3'\" comment=\"\"/>\n"
                + "<FITSKeyword name=\"GAIN\" value=\"100\" comment=\"\"/>\n"
                + "<FITSKeyword name=\"OFFSET\" value=\"50\" comment=\"\"/>\n"
                + "<FITSKeyword name=\"COMMENT\" value=\"\" comment=\"not a value\"/>\n"
                + "<FITSKeyword value=\"'nameless'\" comment=\"\"/>\n"
                + CLOSE);

        RawHeader h = XisfHeaderReader.read(file, Set.of("FILTER", "GAIN")::contains);

        assertEquals(Map.of("FILTER", "O3", "GAIN", "100"), h.values());
    }

    @Test
    void duplicateKeywordKeepsTheLastAndWarns() throws Exception {
        Path file = xisf("dup.xisf", OPEN + IMAGE
                + "<FITSKeyword name=\"FILTER\" value=\"'Ha'\" comment=\"\"/>\n"
                + "<FITSKeyword name=\"FILTER\" value=\"'OIII'\" comment=\"\"/>\n"
                + CLOSE);

        RawHeader h = XisfHeaderReader.read(file);

        assertEquals("OIII", h.get("FILTER"));
        assertEquals(1, h.warnings().size());
        assertTrue(h.warnings().get(0).contains("FILTER"), h.warnings().get(0));
    }

    @Test
    void propertiesFillInMissingKeywordsButNeverOverrideThem() throws Exception {
        Path file = xisf("pixinsight.xisf", OPEN + IMAGE
                + "<FITSKeyword name=\"OBJECT\" value=\"'M 31'\" comment=\"\"/>\n"
                + CLOSE.replace("</xisf>\n", "")
                + "<Metadata>\n"
                + "<Property id=\"Observation:Object:Name\" type=\"String\">Not this one</Property>\n"
                + "<Property id=\"Instrument:Camera:Name\" type=\"String\">ZWO ASI2600MM Pro &amp; Co</Property>\n"
                + "<Property id=\"Instrument:Filter:Name\" type=\"String\">Ha</Property>\n"
                + "<Property id=\"Instrument:Telescope:Name\" type=\"String\">C8</Property>\n"
                + "<Property id=\"Instrument:ExposureTime\" type=\"Float32\" value=\"120\"/>\n"
                + "<Property id=\"Instrument:Camera:Gain\" type=\"Float32\" value=\"100\"/>\n"
                + "<Property id=\"Instrument:Sensor:TargetTemperature\" type=\"Float32\" value=\"-10\"/>\n"
                + "<Property id=\"Observation:Time:Start\" type=\"TimePoint\" value=\"2023-12-04T23:09:59.893Z\"/>\n"
                + "<Property id=\"Observation:Location:Latitude\" type=\"Float64\" value=\"35.60527778\"/>\n"
                + "<Property id=\"PCL:Signature\" type=\"String\">ignored</Property>\n"
                + "</Metadata>\n</xisf>\n");

        RawHeader h = XisfHeaderReader.read(file);

        assertEquals("M 31", h.get("OBJECT"), "a FITS keyword wins over the property");
        assertEquals("ZWO ASI2600MM Pro & Co", h.get("INSTRUME"));
        assertEquals("Ha", h.get("FILTER"));
        assertEquals("C8", h.get("TELESCOP"));
        assertEquals("120", h.get("EXPTIME"));
        assertEquals("100", h.get("GAIN"));
        assertEquals("-10", h.get("SET-TEMP"));
        assertEquals("2023-12-04T23:09:59.893", h.get("DATE-OBS"), "the UTC 'Z' of a TimePoint is dropped");
        assertEquals("35.60527778", h.get("SITELAT"));
        assertEquals(9, h.values().size(), h.values().toString());
    }

    @Test
    void badSignatureIsNotXisf() throws Exception {
        Path file = xisf("bad.xisf", OPEN + IMAGE + CLOSE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[4] = '2'; // XISF0200
        Files.write(file, bytes);
        Path fits = dir.resolve("really-fits.xisf");
        Files.write(fits, FitsBytes.smallImage(java.util.List.of()));
        Path tiny = dir.resolve("tiny.xisf");
        Files.write(tiny, "XISF0100".getBytes(StandardCharsets.US_ASCII));

        assertTrue(refusal(file).contains("not an XISF file"));
        assertTrue(refusal(fits).contains("not an XISF file"));
        assertTrue(refusal(tiny).contains("not an XISF file"));
    }

    @Test
    void headerLengthBeyondTheFileIsTruncated() throws Exception {
        Path file = xisf("cut.xisf", OPEN + IMAGE + "<FITSKeyword name=\"OBJECT\" value=\"'M 31'\" comment=\"\"/>\n" + CLOSE);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut-short.xisf");
        Files.write(cut, Arrays.copyOf(bytes, 100));
        Path huge = dir.resolve("huge-length.xisf");
        byte[] lying = bytes.clone();
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0xFFFFFFF0); // about 4 GB
        Files.write(huge, lying);
        Path zero = dir.resolve("zero-length.xisf");
        byte[] none = bytes.clone();
        ByteBuffer.wrap(none).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0);
        Files.write(zero, none);

        String msg = refusal(cut);
        assertTrue(msg.contains("truncated"), msg);
        assertTrue(refusal(huge).contains("not plausible"), "a 4 GB header length must be refused, not allocated");
        assertTrue(refusal(zero).contains("not plausible"));
    }

    @Test
    void malformedXmlIsRefused() throws Exception {
        Path unclosed = xisf("unclosed.xisf", OPEN + IMAGE + "<FITSKeyword name=\"OBJECT\" value=\"'M 31'\" comment=\"\">\n" + CLOSE);
        Path garbage = xisf("garbage.xisf", "this is not xml at all");
        Path badAttr = xisf("attr.xisf", OPEN + IMAGE + "<FITSKeyword name=\"OBJECT\" value='M 31' & more/>" + CLOSE);

        for (Path p : new Path[] {unclosed, garbage, badAttr}) {
            String msg = refusal(p);
            assertTrue(msg.startsWith("malformed XISF header"), msg);
        }
    }

    @Test
    void externalEntityIsRefusedAndNothingLeaks() throws Exception {
        String marker = "APDM-SECRET-7f3a9c";
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, marker);
        for (String target : new String[] {"file:///etc/passwd", secret.toUri().toString()}) {
            String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE xisf [<!ENTITY xxe SYSTEM \"" + target + "\">]>\n";
            Path inAttribute = xisf("xxe-attr.xisf", doctype + OPEN.substring(OPEN.indexOf("<xisf")) + IMAGE
                    + "<FITSKeyword name=\"OBJECT\" value=\"&xxe;\" comment=\"\"/>\n" + CLOSE);
            Path inText = xisf("xxe-text.xisf", doctype + OPEN.substring(OPEN.indexOf("<xisf")) + IMAGE + CLOSE
                    .replace("</xisf>", "<Metadata><Property id=\"Observation:Object:Name\" type=\"String\">&xxe;</Property></Metadata></xisf>"));

            for (Path p : new Path[] {inAttribute, inText}) {
                String msg = refusal(p);
                assertTrue(msg.contains("DOCTYPE"), msg);
                assertFalse(msg.contains(marker) || msg.contains("root:"), "the entity must never be resolved: " + msg);
            }
        }
    }

    @Test
    void undeclaredEntityIsRefusedEvenInPropertyText() throws Exception {
        // without a DOCTYPE the entity cannot be declared; it must not become part of a value (e.g. "M null 31")
        Path inAttribute = xisf("entity-attr.xisf", OPEN + IMAGE
                + "<FITSKeyword name=\"OBJECT\" value=\"'M &xxe; 31'\" comment=\"\"/>\n" + CLOSE);
        Path inText = xisf("entity-text.xisf", OPEN + IMAGE + CLOSE.replace("</xisf>",
                "<Metadata><Property id=\"Observation:Object:Name\" type=\"String\">M &xxe; 31</Property></Metadata></xisf>"));

        refusal(inAttribute);
        String msg = refusal(inText);
        assertTrue(msg.contains("xxe"), msg);
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws Exception {
        StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE xisf [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                doctype.append("&lol").append(i - 1).append(';');
            }
            doctype.append("\">\n");
        }
        doctype.append("]>\n");
        Path file = xisf("laughs.xisf", doctype + OPEN.substring(OPEN.indexOf("<xisf")) + IMAGE
                + "<FITSKeyword name=\"OBJECT\" value=\"&lol9;\" comment=\"\"/>\n" + CLOSE);

        String msg = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refusal(file));

        assertTrue(msg.contains("DOCTYPE"), msg);
        assertFalse(msg.contains("lollol"), msg);
    }

    @Test
    void quotedValuesAreUnescapedAndUnquotedOnesKeptAsWritten() {
        assertEquals("O'Neil", XisfHeaderReader.unquote("'O''Neil'"));
        assertEquals("LIGHT", XisfHeaderReader.unquote("  'LIGHT   '  "));
        assertEquals("", XisfHeaderReader.unquote("''"));
        assertEquals("-10.5", XisfHeaderReader.unquote("-10.5"));
        assertEquals("'", XisfHeaderReader.unquote("'"));
        assertNull(XisfHeaderReader.unquote(null));
    }
}
