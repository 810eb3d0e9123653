package org.apdm.core.metadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a frame's metadata from its folder and file names and, where needed, its header.
 *
 * <p>Only the keywords normalisation uses (plus configured extra keys) are kept from a header, which
 * keeps a large scan small in memory. Thread-safe.
 */
public final class MetadataReader {

    /** Which wins when folder/file names and the header disagree. */
    public enum Precedence {
        /** Names win: the folder structure is the user's editable truth for lights. */
        PATH_FIRST,
        /** The header wins and names fill gaps: for masters written by PixInsight. */
        HEADER_FIRST
    }

    /** Header keywords normalisation reads. */
    static final Set<String> HEADER_KEYWORDS = Set.of(
            "IMAGETYP", "FRAME", "TELESCOP", "INSTRUME", "FOCRATIO", "EXPOSURE", "EXPTIME", "EXP", "SET-TEMP", "SETTEMP",
            "APTDIA", "APERTURE",
            "CCD-TEMP", "GAIN", "OFFSET", "FOCALLEN", "READOUTM", "SITELAT", "SITELONG", "OBSGEO-B", "OBSGEO-L",
            "XBINNING", "YBINNING", "HFR", "STARS", "RMSAC", "DATE-OBS", "DATE-LOC", "OBJECT", "FILTER", "PANEL");

    private final MetadataNormalizer normalizer;
    private final Keywords wanted;

    public MetadataReader(NormalizationRules rules) {
        this.normalizer = new MetadataNormalizer(rules);
        Set<String> keys = new HashSet<>(HEADER_KEYWORDS);
        for (String k : rules.extraKeys()) {
            keys.add(k.toUpperCase(Locale.ROOT));
        }
        this.wanted = Keywords.of(keys);
    }

    public NormalizationRules rules() {
        return normalizer.rules();
    }

    /**
     * Reads one file.
     *
     * @param file       the file
     * @param relative   its path below the scanned root; these names are parsed for tokens
     * @param structural values the folder layout already gives (optic from the rig folder...), raw keys,
     *                   ranked above the names' tokens; may be empty
     * @param precedence names over header, or header over names
     * @param readHeader when false the header is not opened (the names alone suffice)
     * @throws UnreadableFileException when the header is needed but cannot be read
     */
    public FrameMetadata read(Path file, Path relative, Map<String, String> structural, Precedence precedence,
                              boolean readHeader) throws UnreadableFileException {
        return read(file, relative, structural, Layers.NONE, precedence, readHeader);
    }

    /**
     * What a capture profile adds to the names and the header of a frame.
     *
     * @param pattern       values the program's naming pattern found in the path: ranked right after the header
     *                      ({@code HEADER_FIRST}) or before the generic name tokens ({@code PATH_FIRST})
     * @param defaults      values the source's frames lack (configured, or the program's constants): ranked last
     * @param ignoredHeader header keywords the program fills with something else (ASIAIR's TELESCOP is the mount)
     */
    public record Layers(Map<String, String> pattern, Map<String, String> defaults, Set<String> ignoredHeader) {
        public static final Layers NONE = new Layers(Map.of(), Map.of(), Set.of());

        public Layers {
            pattern = Map.copyOf(pattern);
            defaults = Map.copyOf(defaults);
            ignoredHeader = Set.copyOf(ignoredHeader);
        }
    }

    /**
     * A few keywords of a FITS or XISF header (which program wrote it), or an empty map when the file has no such
     * header or cannot be read: the scan that follows reports that file's problem.
     */
    public static Map<String, String> headerKeywords(Path file, Set<String> keys) {
        try {
            RawHeader h = switch (ImageFormat.of(file)) {
                case FITS -> FitsHeaderReader.read(file, Keywords.of(keys));
                case XISF -> XisfHeaderReader.read(file, keys::contains);
                default -> null;
            };
            return h == null ? Map.of() : h.values();
        } catch (UnreadableFileException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Reads one file with what its capture profile adds. */
    public FrameMetadata read(Path file, Path relative, Map<String, String> structural, Layers layers,
                              Precedence precedence, boolean readHeader) throws UnreadableFileException {
        Map<String, String> pattern = layers.pattern();
        // NFC as for headers: a folder typed on macOS arrives decomposed
        PathTokens tokens = PathTokens.parse(PathTokens.segments(relative).stream().map(HeaderText::nfc).toList());
        ImageFormat format = ImageFormat.of(file);
        RawHeader header = null;
        if (readHeader) {
            header = switch (format) {
                case FITS -> FitsHeaderReader.read(file, wanted);
                case XISF -> XisfHeaderReader.read(file, wanted::contains);
                case CAMERA_RAW -> ExifHeaderReader.read(file);
                case NONE -> throw new UnreadableFileException("not an image file (FITS, XISF or camera raw)");
            };
            if (header != null && header.truncated()) {
                throw new UnreadableFileException("truncated file: the data is shorter than its header says");
            }
        }
        List<MetadataNormalizer.Source> sources = new ArrayList<>(5);
        MetadataNormalizer.Source names = new MetadataNormalizer.Source(tokens.values(), true);
        Map<String, String> headerValues = header == null ? null : header.values();
        if (headerValues != null && !layers.ignoredHeader().isEmpty()) {
            headerValues = new java.util.LinkedHashMap<>(headerValues);
            headerValues.keySet().removeAll(layers.ignoredHeader());
        }
        MetadataNormalizer.Source head = headerValues == null ? null : new MetadataNormalizer.Source(headerValues, false);
        if (!structural.isEmpty()) {
            sources.add(new MetadataNormalizer.Source(structural, true));
        }
        if (precedence == Precedence.PATH_FIRST) {
            if (!pattern.isEmpty()) {
                sources.add(new MetadataNormalizer.Source(pattern, true));
            }
            sources.add(names);
            if (head != null) {
                sources.add(head);
            }
        } else {
            if (head != null) {
                sources.add(head);
            }
            if (!pattern.isEmpty()) {
                sources.add(new MetadataNormalizer.Source(pattern, true));
            }
            sources.add(names);
        }
        if (!layers.defaults().isEmpty()) {
            sources.add(new MetadataNormalizer.Source(layers.defaults(), false, true));
        }
        if (format == ImageFormat.CAMERA_RAW && tokens.get("TYPE") == null && !structural.containsKey("TYPE")) {
            sources.add(new MetadataNormalizer.Source(Map.of("TYPE", "LIGHT"), true));
        }
        List<String> warnings = header == null ? List.of() : header.warnings();
        return normalizer.normalize(file, sources, tokens.fileNameTokens(), warnings);
    }
}
