package org.apdm.core.integrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.apdm.core.calibration.MasterKind;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;

/**
 * Writes the master Siril made as a new FITS file carrying the keywords the matcher needs (issue 13): IMAGETYP
 * {@code Master Bias|Dark|Flat}, EXPTIME, GAIN, OFFSET, SET-TEMP, INSTRUME, TELESCOP, FILTER, READOUTM, the night
 * (DATE-LOC and DATE-OBS at a nominal 23:00, which every night rule reads as that night) and NCOMBINE.
 */
final class MasterHeaders {

    private MasterHeaders() {
    }

    static void write(Path sirilOutput, Path master, MasterKind kind, FrameMetadata sample, int combined)
            throws IOException {
        if (Files.exists(master)) {
            throw new IOException(master + " already exists; apdm never overwrites a file");
        }
        try (Fits in = new Fits(sirilOutput.toFile())) {
            BasicHDU<?> hdu = in.readHDU();
            if (hdu == null) {
                throw new IOException(sirilOutput + ": Siril wrote no image");
            }
            hdu.getKernel(); // the data, before the input closes
            Header h = hdu.getHeader();
            h.addValue("IMAGETYP", switch (kind) {
                case BIAS -> "Master Bias";
                case DARK -> "Master Dark";
                case FLAT -> "Master Flat";
            }, "made by apdm with Siril");
            if (kind != MasterKind.BIAS && sample.has(Field.EXPOSURE)) {
                h.addValue("EXPTIME", Double.parseDouble(sample.get(Field.EXPOSURE)), "[s] exposure of each frame");
            }
            number(h, "GAIN", sample.get(Field.GAIN), "camera gain");
            number(h, "OFFSET", sample.get(Field.OFFSET), "camera offset");
            number(h, "SET-TEMP", sample.get(Field.SETTEMP), "[degC] cooler set point");
            text(h, "INSTRUME", sample.get(Field.CAMERA), "camera");
            text(h, "TELESCOP", sample.get(Field.OPTIC), "optic");
            text(h, "READOUTM", sample.get(Field.READOUT_MODE), "readout mode");
            if (kind == MasterKind.FLAT) {
                text(h, "FILTER", sample.get(Field.FILTER), "filter");
                if (sample.has(Field.DATE)) {
                    text(h, "DATE-LOC", sample.get(Field.DATE) + "T23:00:00", "night of the flats (nominal time)");
                    text(h, "DATE-OBS", sample.get(Field.DATE) + "T23:00:00", "night of the flats (nominal time)");
                }
            }
            h.addValue("NCOMBINE", combined, "frames integrated");
            Files.createDirectories(master.toAbsolutePath().getParent());
            try (Fits out = new Fits()) {
                out.addHDU(hdu);
                out.write(master.toFile());
            }
        } catch (FitsException | NumberFormatException e) {
            throw new IOException(sirilOutput + ": cannot write the master's header: " + e.getMessage(), e);
        }
    }

    private static void number(Header h, String key, String value, String comment) throws FitsException {
        if (value != null && !value.isBlank()) {
            h.addValue(key, Double.parseDouble(value), comment);
        }
    }

    private static void text(Header h, String key, String value, String comment) throws FitsException {
        if (value != null && !value.isBlank()) {
            h.addValue(key, value, comment);
        }
    }
}
