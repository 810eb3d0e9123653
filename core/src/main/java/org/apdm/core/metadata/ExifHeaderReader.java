package org.apdm.core.metadata;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The EXIF of a camera raw file (CR2, CR3, NEF, ARW, DNG) as the FITS keywords normalisation reads, through
 * metadata-extractor: exposure time as {@code EXPOSURE}, ISO as {@code GAIN} (a DSLR's gain setting), make and model
 * as {@code INSTRUME}, the capture time as {@code DATE-LOC} (camera clock) and, with its UTC offset, {@code DATE-OBS}.
 *
 * <p>A raw file whose EXIF cannot be read is still a frame: the header is then empty with a warning naming the
 * reason, and the frame counts without what EXIF would have said (the old scripts counted such nights too).
 */
final class ExifHeaderReader {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private ExifHeaderReader() {
    }

    static RawHeader read(Path file) {
        Metadata metadata;
        try {
            metadata = ImageFormat.extension(file.getFileName().toString()).equalsIgnoreCase(".cr3")
                    ? Cr3Boxes.exif(file) : ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // metadata-extractor throws unchecked exceptions on some malformed files
            return new RawHeader(Map.of(), List.of("no EXIF could be read (" + reason(e) + ")"), false);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Rational exposure = rational(metadata, ExifDirectoryBase.TAG_EXPOSURE_TIME);
        if (exposure != null && exposure.getDenominator() != 0) {
            values.put("EXPOSURE", seconds(exposure));
        }
        Integer iso = integer(metadata, ExifDirectoryBase.TAG_ISO_EQUIVALENT);
        if (iso != null && iso > 0) {
            values.put("GAIN", Integer.toString(iso));
        }
        String camera = camera(text(metadata, ExifDirectoryBase.TAG_MAKE), text(metadata, ExifDirectoryBase.TAG_MODEL));
        if (camera != null) {
            values.put("INSTRUME", camera);
        }
        String taken = text(metadata, ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
        List<String> warnings = List.of();
        if (taken != null) {
            try {
                LocalDateTime local = LocalDateTime.parse(taken, EXIF_TIME);
                values.put("DATE-LOC", ISO_TIME.format(local));
                String offset = text(metadata, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
                if (offset != null) {
                    values.put("DATE-OBS", ISO_TIME.format(local.minusSeconds(ZoneOffset.of(offset).getTotalSeconds())));
                }
            } catch (DateTimeException e) { // a bad date or offset
                warnings = List.of("invalid EXIF capture time: '" + taken + "'");
            }
        }
        return new RawHeader(values, warnings, false);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** "Canon" + "Canon EOS 200D" is "Canon EOS 200D"; "NIKON CORPORATION" + "NIKON D5300" is "NIKON D5300". */
    static String camera(String make, String model) {
        if (model == null) {
            return make;
        }
        if (make == null) {
            return model;
        }
        String firstWord = make.split("\\s+")[0];
        return model.regionMatches(true, 0, firstWord, 0, firstWord.length()) ? model : make + " " + model;
    }

    /** 1/4000 is "0.00025", 300/1 is "300". */
    static String seconds(Rational r) {
        BigDecimal s = BigDecimal.valueOf(r.getNumerator())
                .divide(BigDecimal.valueOf(r.getDenominator()), new MathContext(6));
        return s.stripTrailingZeros().toPlainString();
    }

    // IFD0 holds make and model, the Exif sub-IFD exposure and time; raw files often repeat IFDs for their previews
    private static final List<Class<? extends Directory>> DIRECTORIES =
            List.of(ExifSubIFDDirectory.class, ExifIFD0Directory.class);

    private static Rational rational(Metadata metadata, int tag) {
        return first(metadata, d -> d.getRational(tag));
    }

    private static Integer integer(Metadata metadata, int tag) {
        return first(metadata, d -> d.getInteger(tag));
    }

    private static String text(Metadata metadata, int tag) {
        String s = first(metadata, d -> {
            String v = d.getString(tag);
            return v == null || v.isBlank() ? null : v;
        });
        return s == null ? null : HeaderText.nfc(s.trim());
    }

    /** The first value any Exif directory has, sub-IFD before IFD0. */
    private static <T> T first(Metadata metadata, java.util.function.Function<Directory, T> value) {
        for (Class<? extends Directory> type : DIRECTORIES) {
            for (Directory d : metadata.getDirectoriesOfType(type)) {
                T v = value.apply(d);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }
}
