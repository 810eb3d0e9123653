package org.apdm.core.metadata;

import java.nio.file.Path;
import java.util.Locale;

/** Image file formats apdm recognises, by file-name extension (any case). */
public enum ImageFormat {
    FITS, XISF,
    /** A DSLR or mirrorless camera's raw file (Canon CR2/CR3, Nikon NEF, Sony ARW, Adobe DNG): metadata from EXIF. */
    CAMERA_RAW,
    NONE;

    public static ImageFormat of(Path file) {
        return of(file.getFileName().toString());
    }

    public static ImageFormat of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return NONE;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (ext.equals("gz")) { // gzip-compressed FITS: the name before .gz says it is one
            return of(fileName.substring(0, dot)) == FITS ? FITS : NONE;
        }
        return switch (ext) {
            case "fits", "fit", "fts", "fz" -> FITS; // .fz: fpack's tile-compressed FITS
            case "xisf" -> XISF;
            case "cr2", "cr3", "nef", "arw", "dng" -> CAMERA_RAW;
            default -> NONE;
        };
    }

    public boolean isImage() {
        return this != NONE;
    }

    /**
     * The extension of a file name including the dot, as written ({@code .FITS} stays upper-case); a compressed
     * {@code .fits.fz} or {@code .fits.gz} keeps both parts, so a renamed frame is still known for what it is.
     */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        if (fileName.substring(dot).equalsIgnoreCase(".fz") || fileName.substring(dot).equalsIgnoreCase(".gz")) {
            int inner = fileName.lastIndexOf('.', dot - 1);
            if (inner >= 0 && of(fileName.substring(0, dot)) == FITS) {
                return fileName.substring(inner);
            }
        }
        return fileName.substring(dot);
    }
}
