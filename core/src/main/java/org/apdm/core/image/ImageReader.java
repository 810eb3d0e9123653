package org.apdm.core.image;

import java.io.IOException;
import java.nio.file.Path;
import org.apdm.core.metadata.ImageFormat;
import org.apdm.core.metadata.UnreadableFileException;

/**
 * Reads the pixels of a FITS or XISF frame. A file that cannot be decoded gives an {@link UnreadableFileException}
 * whose message names the file and the reason (truncated, unsupported sample format, …); nothing else happens to it.
 */
public final class ImageReader {

    private ImageReader() {
    }

    public static ImageData read(Path file) throws UnreadableFileException {
        try {
            return switch (ImageFormat.of(file)) {
                case FITS -> FitsImageReader.read(file);
                case XISF -> XisfImageReader.read(file);
                default -> throw new UnreadableFileException(file.getFileName() + ": apdm reads pixels of FITS and XISF only");
            };
        } catch (UnreadableFileException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new UnreadableFileException(file.getFileName() + ": too large to read with the memory Java was given");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(file.getFileName() + ": cannot read the image (" + e.getMessage() + ")", e);
        }
    }

    static UnreadableFileException truncated(Path file, long have, long need) {
        return new UnreadableFileException(file.getFileName() + ": truncated: the file has " + have
                + " bytes, its image needs " + need + "; copy it again from the capture computer");
    }
}
