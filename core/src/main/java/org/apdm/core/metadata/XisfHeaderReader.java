package org.apdm.core.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the XML header of a monolithic XISF file: its {@code FITSKeyword} elements, and the
 * {@code Property} elements PixInsight 1.9 writes instead of keywords.
 *
 * <p>DTDs and external entities are off, so a hostile header can neither read local files nor
 * expand entities. There is no maintained Java XISF library; the JDK's StAX parser does the work.
 */
public final class XisfHeaderReader {

    private static final byte[] SIGNATURE = "XISF0100".getBytes(StandardCharsets.US_ASCII);
    /** No real header comes near this; it bounds memory for a hostile length field. */
    static final int MAX_HEADER_BYTES = 16 * 1024 * 1024;

    /** XISF properties that stand in for a FITS keyword when the keyword itself is absent. */
    private static final Map<String, String> PROPERTY_KEYWORDS = Map.ofEntries(
            Map.entry("Instrument:Camera:Name", "INSTRUME"),
            Map.entry("Instrument:Telescope:Name", "TELESCOP"),
            Map.entry("Instrument:Filter:Name", "FILTER"),
            Map.entry("Instrument:ExposureTime", "EXPTIME"),
            Map.entry("Instrument:Camera:Gain", "GAIN"),
            Map.entry("Instrument:Sensor:TargetTemperature", "SET-TEMP"),
            Map.entry("Instrument:Sensor:Temperature", "CCD-TEMP"),
            Map.entry("Observation:Object:Name", "OBJECT"),
            Map.entry("Observation:Time:Start", "DATE-OBS"),
            Map.entry("Observation:Location:Latitude", "SITELAT"),
            Map.entry("Observation:Location:Longitude", "SITELONG"));

    private static final XMLInputFactory FACTORY = secureFactory();

    private XisfHeaderReader() {
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        return factory;
    }

    public static RawHeader read(Path file) throws UnreadableFileException {
        return read(file, key -> true);
    }

    public static RawHeader read(Path file, Predicate<String> wanted) throws UnreadableFileException {
        byte[] xml;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, head, 0);
            if (head.position() < 16) {
                throw new UnreadableFileException("not an XISF file (shorter than its 16-byte preamble)");
            }
            for (int i = 0; i < SIGNATURE.length; i++) {
                if (head.get(i) != SIGNATURE[i]) {
                    throw new UnreadableFileException("not an XISF file (no XISF0100 signature)");
                }
            }
            long length = Integer.toUnsignedLong(head.getInt(8));
            if (length == 0 || length > MAX_HEADER_BYTES) {
                throw new UnreadableFileException("XISF header length " + length + " is not plausible");
            }
            if (16 + length > channel.size()) {
                throw new UnreadableFileException("truncated XISF header: it claims " + length
                        + " bytes but the file has " + channel.size());
            }
            ByteBuffer body = ByteBuffer.allocate((int) length);
            readFully(channel, body, 16);
            xml = body.array();
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException("file not found");
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read file: " + e.getMessage(), e);
        }
        return parseXml(xml, wanted);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, p);
            if (n < 0) {
                return;
            }
            p += n;
        }
    }

    static RawHeader parseXml(byte[] xml, Predicate<String> wanted) throws UnreadableFileException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> fromProperties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>(0);
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new UnreadableFileException("XISF header contains a DOCTYPE, which is not allowed");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new UnreadableFileException("XISF header uses an undeclared entity '" + reader.getLocalName() + "'");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = reader.getLocalName();
                if (element.equals("FITSKeyword")) {
                    String name = reader.getAttributeValue(null, "name");
                    if (name == null || name.isBlank()) {
                        continue;
                    }
                    String key = name.trim().toUpperCase(Locale.ROOT);
                    if (key.equals("HISTORY") || key.equals("COMMENT") || !wanted.test(key)) {
                        continue;
                    }
                    String value = HeaderText.nfc(unquote(reader.getAttributeValue(null, "value")));
                    if (values.containsKey(key) && !sameValue(values.get(key), value)) {
                        warnings.add("keyword " + key + " appears twice; the last is used");
                    }
                    values.remove(key);
                    values.put(key, value);
                } else if (element.equals("Property")) {
                    String id = reader.getAttributeValue(null, "id");
                    String keyword = id == null ? null : PROPERTY_KEYWORDS.get(id);
                    if (keyword != null && wanted.test(keyword)) {
                        String value = reader.getAttributeValue(null, "value");
                        if (value == null) {
                            value = elementText(reader);
                        }
                        fromProperties.put(keyword, HeaderText.nfc(convertProperty(id, value)));
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new UnreadableFileException("malformed XISF header: " + firstLine(e.getMessage()), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a byte array cannot lose data
                }
            }
        }
        fromProperties.forEach(values::putIfAbsent);
        return new RawHeader(values, warnings, false);
    }

    /**
     * The text of the current element. Unlike {@code getElementText()}, which turns an undeclared entity
     * into the word "null" inside the value, an entity reference is refused as in the main loop.
     */
    private static String elementText(XMLStreamReader reader) throws XMLStreamException, UnreadableFileException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new UnreadableFileException("XISF header uses an undeclared entity '" + reader.getLocalName() + "'");
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // not part of the value
                }
                default -> throw new XMLStreamException("unexpected content in a Property element", reader.getLocation());
            }
        }
    }

    private static boolean sameValue(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** FITS-style string values arrive quoted ({@code 'LIGHT'}) with {@code ''} escapes. */
    static String unquote(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.trim();
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            v = v.substring(1, v.length() - 1).replace("''", "'");
            int end = v.length();
            while (end > 0 && v.charAt(end - 1) == ' ') {
                end--;
            }
            v = v.substring(0, end);
        }
        return v;
    }

    private static String convertProperty(String id, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (id.equals("Observation:Time:Start") && v.endsWith("Z")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
