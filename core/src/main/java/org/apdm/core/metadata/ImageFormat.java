package org.apdm.core.metadata;

import java.nio.file.Path;
import java.util.Locale;

/** Image file formats apdm recognises, by file-name extension (any case). */
public enum ImageFormat {
    FITS, XISF, CR2, NONE;

    public static ImageFormat of(Path file) {
        return of(file.getFileName().toString());
    }

    public static ImageFormat of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return NONE;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "fits", "fit", "fts" -> FITS;
            case "xisf" -> XISF;
            case "cr2" -> CR2;
            default -> NONE;
        };
    }

    public boolean isImage() {
        return this != NONE;
    }

    /** The extension of a file name including the dot, as written ({@code .FITS} stays upper-case). */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot);
    }
}
