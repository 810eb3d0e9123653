package org.apdm.core.metadata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns raw keyword values (from a header and from folder and file names) into {@link FrameMetadata}.
 *
 * <p>Sources are given in precedence order; for each field the first source that has a usable value
 * wins. Within one source the preferred keyword wins over its aliases (EXPOSURE over EXPTIME over EXP),
 * which fixes the old scripts' "last writer wins". Normalisation (reference-spec §1.3, bugs fixed):
 * <ul>
 *   <li>exposure, set-temp and sensor temperature: 2 decimals; latitude/longitude: 1 decimal
 *       (decimal degrees or {@code D M S}); focal ratio with at least one decimal ({@code 7} → {@code 7.0});
 *       gain, offset, focal length as plain numbers;</li>
 *   <li>type upper-case; filter through the configured aliases; no FILTER on a light or flat reads as
 *       the empty name (alias {@code RGB} by default);</li>
 *   <li>OBJECT {@code "X Panel N"} → target X, panel N (split at the last " Panel "); a PANEL value wins;
 *       single quotes are removed from target names everywhere;</li>
 *   <li>the night date from a {@code DATE_} folder or name when present, else by the {@link NightDateRule};
 *       timestamps with 0 to 9 fractional digits, with or without {@code Z};</li>
 *   <li>camera constants (DWARFIII: f/4.3, LIGHT, filter from the words Astro / Duo-Band in the name).</li>
 * </ul>
 * A value that should be a number but is not is dropped with a warning, never written into a path.
 */
public final class MetadataNormalizer {

    private static final String[] TYPE_KEYS = {"IMAGETYP", "TYPE", "FRAME"};
    private static final String[] OPTIC_KEYS = {"TELESCOP", "OPTIC"};
    private static final String[] CAMERA_KEYS = {"INSTRUME", "CAMERA"};
    private static final String[] EXPOSURE_KEYS = {"EXPOSURE", "EXPTIME", "EXP"};
    private static final String[] SETTEMP_KEYS = {"SETTEMP", "SET-TEMP"};
    private static final String[] CCDTEMP_KEYS = {"CCD-TEMP", "CCDTEMP"};
    private static final String[] DATE_OBS_KEYS = {"DATE-OBS", "DATEOBS"};
    private static final String[] DATE_LOC_KEYS = {"DATE-LOC", "DATELOC"};
    private static final String[] LAT_KEYS = {"SITELAT", "OBSGEO-B"};
    private static final String[] LONG_KEYS = {"SITELONG", "OBSGEO-L"};

    /**
     * A source of raw values; {@code fromPath} marks folder and file-name tokens, {@code fallback} configured
     * defaults, which a value derived from the other sources (FOCALLEN / APTDIA) still beats.
     */
    public record Source(Map<String, String> values, boolean fromPath, boolean fallback) {

        public Source(Map<String, String> values, boolean fromPath) {
            this(values, fromPath, false);
        }

        String first(String... keys) {
            for (String k : keys) {
                String v = values.get(k);
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
            return null;
        }
    }

    private final NormalizationRules rules;
    private final Map<String, String> interned = new ConcurrentHashMap<>();

    public MetadataNormalizer(NormalizationRules rules) {
        this.rules = rules;
    }

    public NormalizationRules rules() {
        return rules;
    }

    /**
     * Normalises the values of one file.
     *
     * @param sources        raw values in precedence order
     * @param fileNameTokens bare words of the file name, for camera filter words (may be empty)
     * @param warnings       earlier warnings to keep; more are added
     */
    public FrameMetadata normalize(Path file, List<Source> sources, List<String> fileNameTokens, List<String> warnings) {
        List<String> notes = new ArrayList<>(warnings);
        Map<Field, String> invalid = new java.util.EnumMap<>(Field.class);
        String[] v = new String[Field.values().length];

        set(v, Field.TYPE, upper(first(sources, TYPE_KEYS)));
        set(v, Field.OPTIC, name(sources, notes, invalid, Field.OPTIC, "TELESCOP", OPTIC_KEYS));
        set(v, Field.CAMERA, name(sources, notes, invalid, Field.CAMERA, "INSTRUME", CAMERA_KEYS));
        List<Source> written = sources.stream().filter(s -> !s.fallback()).toList();
        set(v, Field.FOCAL_RATIO, numeric(written, notes, invalid, Field.FOCAL_RATIO, "FOCRATIO",
                MetadataNormalizer::ratio, Range.FOCAL_RATIO, "FOCRATIO"));
        FrameType early = FrameType.of(v[Field.TYPE.ordinal()]);
        // a 1 ms panel flat (and its dark) must not become 0.00, which reads as no exposure; everything else keeps
        // N.I.N.A.'s two decimals, so a bias stays EXP_0.00
        boolean fine = early == FrameType.FLAT || early == FrameType.DARK || early == FrameType.MASTER_FLAT
                || early == FrameType.MASTER_DARK;
        set(v, Field.EXPOSURE, numeric(sources, notes, invalid, Field.EXPOSURE, "EXPOSURE",
                fine ? MetadataNormalizer::exposure : MetadataNormalizer::twoDecimals, Range.EXPOSURE, EXPOSURE_KEYS));
        set(v, Field.SETTEMP, numeric(sources, notes, invalid, Field.SETTEMP, "SET-TEMP",
                MetadataNormalizer::twoDecimals, Range.TEMPERATURE, SETTEMP_KEYS));
        set(v, Field.TEMP, temperature(sources, notes));
        set(v, Field.GAIN, numeric(sources, notes, invalid, Field.GAIN, "GAIN", MetadataNormalizer::plainNumber,
                Range.GAIN, "GAIN"));
        set(v, Field.OFFSET, numeric(sources, notes, invalid, Field.OFFSET, "OFFSET", MetadataNormalizer::plainNumber,
                Range.GAIN, "OFFSET"));
        set(v, Field.FOCAL_LENGTH, numeric(sources, notes, invalid, Field.FOCAL_LENGTH, "FOCALLEN",
                MetadataNormalizer::plainNumber, Range.FOCAL_LENGTH, "FOCALLEN"));
        set(v, Field.READOUT_MODE, first(sources, "READOUTM"));
        set(v, Field.LATITUDE, numeric(sources, notes, invalid, Field.LATITUDE, "SITELAT", MetadataNormalizer::degrees,
                Range.LATITUDE, LAT_KEYS));
        set(v, Field.LONGITUDE, numeric(sources, notes, invalid, Field.LONGITUDE, "SITELONG",
                MetadataNormalizer::degrees, Range.LONGITUDE, LONG_KEYS));
        set(v, Field.BINNING, binning(sources));
        set(v, Field.HFR, first(sources, "HFR"));
        set(v, Field.STARS, first(sources, "STARS"));
        set(v, Field.RMSAC, first(sources, "RMSAC"));
        dates(v, sources, notes, invalid);
        targetAndPanel(v, sources, notes, invalid);

        NormalizationRules.CameraConstants constants =
                rules.constantsFor(v[Field.CAMERA.ordinal()], v[Field.OPTIC.ordinal()]);
        String rawFilter = first(sources, "FILTER");
        boolean filterWritten = rawFilter != null || anyPresent(sources, "FILTER");
        if (constants != null && constants.optic() != null) {
            set(v, Field.OPTIC, constants.optic());
        }
        if (v[Field.FOCAL_RATIO.ordinal()] == null) {
            set(v, Field.FOCAL_RATIO, derivedRatio(sources, v));
        }
        if (v[Field.FOCAL_RATIO.ordinal()] == null && written.size() < sources.size()) {
            set(v, Field.FOCAL_RATIO, numeric(sources.stream().filter(Source::fallback).toList(), notes, invalid,
                    Field.FOCAL_RATIO, "FOCRATIO", MetadataNormalizer::ratio, Range.FOCAL_RATIO, "FOCRATIO"));
        }
        if (constants != null) {
            if (v[Field.FOCAL_RATIO.ordinal()] == null && constants.focalRatio() != null) {
                set(v, Field.FOCAL_RATIO, ratio(constants.focalRatio()));
            }
            if (v[Field.TYPE.ordinal()] == null && constants.type() != null) {
                set(v, Field.TYPE, upper(constants.type()));
            }
            if (rawFilter == null) {
                rawFilter = constants.filterWord(fileNameTokens);
            }
        }
        FrameType type = FrameType.of(v[Field.TYPE.ordinal()]);
        if (rawFilter != null || filterWritten || type == FrameType.LIGHT || type == FrameType.FLAT) {
            String name = rawFilter == null ? "" : rawFilter;
            String alias = rules.filterAliases().get(name);
            set(v, Field.FILTER, alias != null ? alias : (name.isEmpty() ? null : name));
        }

        Map<String, String> extra = new LinkedHashMap<>();
        for (String key : rules.extraKeys()) {
            String e = first(sources, key.toUpperCase(Locale.ROOT));
            if (e != null) {
                extra.put(key.toUpperCase(Locale.ROOT), e);
            }
        }
        return new FrameMetadata(file, v, extra, notes, invalid);
    }

    /** FOCALLEN / aperture (APTDIA, or APERTURE as some programs write it), both in mm; null when either is absent. */
    private static String derivedRatio(List<Source> sources, String[] v) {
        String focal = v[Field.FOCAL_LENGTH.ordinal()];
        Double aperture = parseDouble(first(sources, "APTDIA", "APERTURE"));
        if (focal == null || aperture == null || aperture <= 0) {
            return null;
        }
        String r = ratio(Double.toString(Double.parseDouble(focal) / aperture));
        return r != null && Range.FOCAL_RATIO.contains(r) ? r : null;
    }

    /** Physically possible values; anything outside is refused, never written into a folder name. */
    private enum Range {
        EXPOSURE(0, 86_400, "seconds, 0 to 86400"),
        FOCAL_RATIO(0.5, 100, "0.5 to 100"),
        FOCAL_LENGTH(1, 100_000, "mm, 1 to 100000"),
        TEMPERATURE(-100, 100, "°C, -100 to 100"),
        GAIN(-100_000, 100_000, "-100000 to 100000"),
        LATITUDE(-90, 90, "degrees, -90 to 90"),
        LONGITUDE(-180, 360, "degrees, -180 to 360");

        final double min;
        final double max;
        final String text;

        Range(double min, double max, String text) {
            this.min = min;
            this.max = max;
            this.text = text;
        }

        boolean contains(String formatted) {
            try {
                double d = Double.parseDouble(formatted);
                return d >= min && d <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    private static void invalid(List<String> notes, Map<Field, String> invalid, Field field, String message) {
        notes.add(message);
        invalid.putIfAbsent(field, message);
    }

    /**
     * A name that becomes a folder (optic, camera, target): a value that is a path ({@code ../x}, a leading dot)
     * or holds control characters is refused, so no frame is filed under a folder later steps cannot read.
     */
    private static String name(List<Source> sources, List<String> notes, Map<Field, String> invalid, Field field,
                               String label, String... keys) {
        String raw = first(sources, keys);
        if (raw == null) {
            return null;
        }
        String problem = nameProblem(raw);
        if (problem != null) {
            invalid(notes, invalid, field, "invalid " + label + ": '" + printable(raw) + "' (" + problem + ")");
            return null;
        }
        return raw;
    }

    static String nameProblem(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isISOControl(raw.charAt(i))) {
                return "holds control characters";
            }
        }
        if (raw.startsWith(".") || raw.contains("../") || raw.contains("..\\") || raw.contains("/..")
                || raw.contains("\\..")) {
            return "looks like a path, not a name";
        }
        return null;
    }

    private static String printable(String raw) {
        StringBuilder sb = new StringBuilder(Math.min(raw.length(), 80));
        for (int i = 0; i < raw.length() && sb.length() < 80; i++) {
            char c = raw.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    private void set(String[] v, Field field, String value) {
        if (value != null && !value.isEmpty()) {
            v[field.ordinal()] = intern(value);
        }
    }

    private String intern(String s) {
        if (interned.size() > 200_000) {
            return s;
        }
        String prior = interned.putIfAbsent(s, s);
        return prior == null ? s : prior;
    }

    private static String first(List<Source> sources, String... keys) {
        for (Source s : sources) {
            String v = s.first(keys);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static boolean anyPresent(List<Source> sources, String key) {
        for (Source s : sources) {
            if (!s.fromPath() && s.values().containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private interface Format {
        String apply(String raw);
    }

    /**
     * First source value that formats as a number; a malformed one is noted and skipped, and the next
     * key of the same source is tried before the next source (EXPOSURE 'n/a' falls back to EXPTIME).
     */
    private static String numeric(List<Source> sources, List<String> notes, Map<Field, String> invalid, Field field,
                                  String label, Format format, Range range, String... keys) {
        for (Source s : sources) {
            for (String key : keys) {
                String raw = s.first(key);
                if (raw == null) {
                    continue;
                }
                Double parsed = parseDouble(raw);
                if (parsed != null && (parsed < range.min || parsed > range.max)) {
                    invalid(notes, invalid, field, "invalid " + label + ": '" + printable(raw) + "' (must be "
                            + range.text + ")");
                    continue;
                }
                String out = format.apply(raw);
                if (out != null && range.contains(out)) {
                    return out;
                }
                invalid(notes, invalid, field, "invalid " + label + ": '" + printable(raw) + "' (not a number)");
            }
        }
        return null;
    }

    private String temperature(List<Source> sources, List<String> notes) {
        for (Source s : sources) {
            String raw = s.fromPath() ? s.first("TEMP") : null;
            if (raw == null) {
                raw = s.first(CCDTEMP_KEYS);
            }
            if (raw != null) {
                String out = twoDecimals(raw);
                if (out != null) {
                    return out;
                }
                notes.add("sensor temperature '" + raw + "' is not a number and was ignored");
            }
        }
        return null;
    }

    private static String binning(List<Source> sources) {
        for (Source s : sources) {
            String x = s.first("XBINNING");
            if (x != null) {
                String y = s.first("YBINNING");
                String px = plainNumber(x);
                String py = y == null ? px : plainNumber(y);
                if (px != null && py != null) {
                    return px + "x" + py;
                }
            }
            String bin = s.first("BIN", "BINNING");
            if (bin != null) {
                return bin;
            }
        }
        return null;
    }

    private void dates(String[] v, List<Source> sources, List<String> notes, Map<Field, String> invalid) {
        for (Source s : sources) {
            if (v[Field.DATE.ordinal()] == null && s.fromPath()) {
                String d = s.first("DATE");
                if (d != null) {
                    String night = dateOnly(d);
                    if (night != null) {
                        set(v, Field.DATE, night);
                    } else {
                        notes.add("DATE '" + d + "' in the path is not a date and was ignored");
                    }
                }
            }
            String obs = s.first(DATE_OBS_KEYS);
            String loc = s.first(DATE_LOC_KEYS);
            LocalDateTime utc = obs == null ? null : timestamp(obs, notes, invalid, "DATE-OBS");
            LocalDateTime local = loc == null ? null : timestamp(loc, notes, invalid, "DATE-LOC");
            if (v[Field.DATE.ordinal()] == null) {
                LocalDate night = night(utc, local);
                if (night != null) {
                    set(v, Field.DATE, night.toString());
                }
            }
            if (v[Field.DATETIME.ordinal()] == null) {
                LocalDateTime start = utc != null ? utc : local;
                if (start != null) {
                    set(v, Field.DATETIME, fileTimestamp(start));
                }
            }
        }
    }

    private LocalDate night(LocalDateTime utc, LocalDateTime local) {
        if (rules.nightRule() == NightDateRule.UTC_MINUS_16H && utc != null) {
            return utc.minusHours(16).toLocalDate();
        }
        if (local != null) {
            return local.minusHours(12).toLocalDate();
        }
        if (utc != null) {
            LocalDateTime inZone = utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(rules.zone()).toLocalDateTime();
            return inZone.minusHours(12).toLocalDate();
        }
        return null;
    }

    private void targetAndPanel(String[] v, List<Source> sources, List<String> notes, Map<Field, String> invalid) {
        String object = name(sources, notes, invalid, Field.TARGET, "OBJECT", "OBJECT");
        String panel = first(sources, "PANEL");
        if (object != null) {
            String target = object.replace("'", "").trim();
            int at = target.lastIndexOf(" Panel ");
            if (at > 0) {
                String named = target.substring(at + " Panel ".length()).trim();
                if (panel == null) {
                    panel = named.isEmpty() ? null : named;
                    target = target.substring(0, at).trim();
                } else if (named.equals(panel)) {
                    target = target.substring(0, at).trim();
                }
            } else if (target.endsWith(" Panel")) {
                target = target.substring(0, target.length() - " Panel".length()).trim();
            }
            set(v, Field.TARGET, target);
        }
        set(v, Field.PANEL, panel);
    }

    // ---- value formats, shared with layout code that parses folder names ----

    public static String twoDecimals(String raw) {
        Double d = parseDouble(raw);
        return d == null ? null : fixed(d, 2);
    }

    /** Two decimals, as N.I.N.A. names exposures; below 5 ms three significant digits ({@code 0.001}, {@code 0.00025}). */
    static String exposure(String raw) {
        Double d = parseDouble(raw);
        if (d != null && d > 0 && d < 0.005) {
            return BigDecimal.valueOf(d).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return d == null ? null : fixed(d, 2);
    }

    /**
     * {@code d} with {@code scale} decimals, rounded the way the user's Python scripts did ({@code "{:.2f}"}):
     * half-even on the exact binary value, so 0.125 → 0.12 and 2.675 → 2.67, as in his existing folder names.
     * Also far cheaper than {@code String.format}, which a large scan calls several times per frame.
     */
    static String fixed(double d, int scale) {
        return new BigDecimal(d).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A focal ratio with at least one and at most two decimals: 10 → 10.0, 4.75 → 4.75. */
    public static String ratio(String raw) {
        Double d = parseDouble(raw);
        if (d == null || d <= 0) {
            return null;
        }
        String two = fixed(d, 2);
        return two.endsWith("0") ? two.substring(0, two.length() - 1) : two;
    }

    /** An integer when whole ({@code 100.0} → {@code 100}), else the shortest decimal form. */
    public static String plainNumber(String raw) {
        Double d = parseDouble(raw);
        if (d == null) {
            return null;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Decimal degrees or sexagesimal {@code +35 36 19.2}, to one decimal. */
    public static String degrees(String raw) {
        Double d = parseDouble(raw);
        if (d == null) {
            String[] parts = raw.trim().split("[\\s:]+");
            if (parts.length >= 2 && parts.length <= 3) {
                try {
                    double deg = Double.parseDouble(parts[0]);
                    double min = Double.parseDouble(parts[1]);
                    double sec = parts.length == 3 ? Double.parseDouble(parts[2]) : 0;
                    double abs = Math.abs(deg) + min / 60 + sec / 3600;
                    d = parts[0].startsWith("-") ? -abs : abs;
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return fixed(d, 1);
    }

    private static Double parseDouble(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        if (t.isEmpty()) {
            return null;
        }
        char c = t.charAt(t.length() - 1);
        if (!(Character.isDigit(c) || c == '.')) {
            return null; // rejects NaN, Infinity, "120s" and the like
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    /** Accepts {@code yyyy-MM-dd} and the compact {@code yyyyMMdd}; null otherwise. */
    public static String dateOnly(String raw) {
        String t = raw.trim();
        try {
            if (t.length() == 8 && t.chars().allMatch(Character::isDigit)) {
                return LocalDate.of(digits(t, 0, 4), digits(t, 4, 6), digits(t, 6, 8)).toString();
            }
            if (t.length() >= 10) {
                return date(t).toString();
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss[.f{0,9}][Z]}; a bare date reads as midnight. */
    public static LocalDateTime parseTimestamp(String raw) {
        String t = raw.trim();
        if (t.endsWith("Z") || t.endsWith("z")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            if (t.length() == 10) {
                return date(t).atStartOfDay();
            }
            if (t.length() < 19 || (t.charAt(10) != 'T' && t.charAt(10) != ' ') || t.charAt(13) != ':'
                    || t.charAt(16) != ':') {
                return null;
            }
            LocalDateTime base = date(t).atTime(digits(t, 11, 13), digits(t, 14, 16), digits(t, 17, 19));
            if (t.length() == 19) {
                return base;
            }
            int fracLength = t.length() - 20;
            if (t.charAt(19) != '.' || fracLength < 1 || fracLength > 9) {
                return null;
            }
            int nanos = digits(t, 20, t.length());
            for (int i = fracLength; i < 9; i++) {
                nanos *= 10;
            }
            return base.withNano(nanos);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd} at the start of {@code t}, without a formatter (a scan parses two timestamps per frame). */
    private static LocalDate date(String t) {
        if (t.length() < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            throw new NumberFormatException(t);
        }
        return LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(t);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static LocalDateTime timestamp(String raw, List<String> notes, Map<Field, String> invalid, String label) {
        LocalDateTime t = parseTimestamp(raw);
        if (t == null) {
            String message = "invalid " + label + ": '" + printable(raw) + "' (not a yyyy-MM-ddTHH:mm:ss timestamp)";
            notes.add(message);
            invalid.putIfAbsent(Field.DATE, message);
            invalid.putIfAbsent(Field.DATETIME, message);
        }
        return t;
    }

    /** {@code yyyy-MM-dd_HH-mm-ss}, the file-name form. */
    public static String fileTimestamp(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(19);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('_');
        pad(sb, t.getHour(), 2).append('-');
        pad(sb, t.getMinute(), 2).append('-');
        return pad(sb, t.getSecond(), 2).toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
