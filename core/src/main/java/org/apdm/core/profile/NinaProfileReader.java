package org.apdm.core.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apdm.core.fileops.LeftBehind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads N.I.N.A. {@code .profile} files (WCF DataContract XML). Read only: apdm never changes a profile.
 * External entities and DTDs are refused.
 */
public final class NinaProfileReader {

    static final String PROFILE_NS = "http://schemas.datacontract.org/2004/07/NINA.Profile";
    static final String EQUIPMENT_NS = "http://schemas.datacontract.org/2004/07/NINA.Core.Model.Equipment";

    /** The profiles of a folder (and its sub-folders), and the files that could not be read. */
    public record Folder(List<NinaProfile> profiles, List<LeftBehind> unreadable) {
    }

    private NinaProfileReader() {
    }

    public static Folder readFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("the N.I.N.A. profile folder " + dir + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".profile") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        List<NinaProfile> profiles = new ArrayList<>();
        List<LeftBehind> bad = new ArrayList<>();
        for (Path f : files) {
            try {
                profiles.add(read(f));
            } catch (IOException e) {
                bad.add(new LeftBehind(f, e.getMessage()));
            }
        }
        return new Folder(profiles, bad);
    }

    public static NinaProfile read(Path file) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = builder().parse(in);
        } catch (SAXException e) {
            throw new IOException("not a readable N.I.N.A. profile: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"Profile".equals(root.getLocalName())) {
            throw new IOException("not a N.I.N.A. profile (root element " + root.getLocalName() + ")");
        }
        String id = childText(root, "Id");
        String name = childText(root, "Name");
        if (id == null || id.isBlank()) {
            throw new IOException("the profile has no Id");
        }
        record Slot(String name, int position, int order) {
        }
        List<Slot> slots = new ArrayList<>();
        Element wheel = child(root, "FilterWheelSettings");
        Element list = wheel == null ? null : child(wheel, "FilterWheelFilters");
        if (list != null) {
            int order = 0;
            for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "FilterInfo".equals(e.getLocalName())) {
                    String fname = childText(e, "_name");
                    String pos = childText(e, "_position");
                    int position;
                    try {
                        position = pos == null ? Integer.MAX_VALUE : Integer.parseInt(pos.trim());
                    } catch (NumberFormatException ex) {
                        position = Integer.MAX_VALUE;
                    }
                    if (fname != null) {
                        slots.add(new Slot(fname.trim(), position, order++));
                    }
                }
            }
        }
        slots.sort(Comparator.comparingInt(Slot::position).thenComparingInt(Slot::order));
        String[] place = place(child(root, "AstrometrySettings"));
        return new NinaProfile(file, id.trim(), name == null ? "" : name.trim(), slots.stream().map(Slot::name).toList(),
                place[0], place[1]);
    }

    /** Latitude and longitude of the profile's site; nulls when unset (0, 0), missing or out of range. */
    private static String[] place(Element astrometry) {
        String[] none = {null, null};
        if (astrometry == null) {
            return none;
        }
        String lat = childText(astrometry, "Latitude");
        String lon = childText(astrometry, "Longitude");
        try {
            double la = Double.parseDouble(lat.trim());
            double lo = Double.parseDouble(lon.trim());
            boolean unset = la == 0 && lo == 0;
            return unset || Math.abs(la) > 90 || Math.abs(lo) > 180 || Double.isNaN(la) || Double.isNaN(lo) ? none
                    : new String[] {lat.trim(), lon.trim()};
        } catch (NumberFormatException | NullPointerException e) {
            return none;
        }
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage());
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent();
    }
}
