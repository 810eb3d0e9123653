package org.apdm.core.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.apdm.core.metadata.UnreadableFileException;

/**
 * FITS pixels through nom-tam-fits: the first HDU with an image (the primary, or the first extension when the
 * primary is empty, decompressed when it is a tile-compressed image), BITPIX 8/16/32/-32/-64, BZERO/BSCALE applied, NAXIS 2 (mono or CFA) or 3 (planes).
 * The file length is checked against the header's image size first, so a truncated copy is named as such.
 */
final class FitsImageReader {

    private FitsImageReader() {
    }

    static ImageData read(Path file) throws IOException {
        // the header's sizes are of the uncompressed file; nom-tam-fits decompresses a .fits.gz itself
        long length = org.apdm.core.metadata.GzipFrames.isGzip(file)
                ? org.apdm.core.metadata.GzipFrames.uncompressedSize(file) : Files.size(file);
        try (Fits fits = new Fits(file.toFile())) {
            for (int i = 0; i < 8; i++) {
                BasicHDU<?> hdu;
                try {
                    hdu = fits.readHDU();
                } catch (nom.tam.fits.PaddingException e) {
                    hdu = null;
                }
                if (hdu == null) {
                    break;
                }
                long compressedEnd = -1;
                if (hdu instanceof CompressedImageHDU compressed) {
                    // a tile-compressed frame (.fits.fz, N.I.N.A. 3): its table must be whole, then decompress
                    Header ch = compressed.getHeader();
                    compressedEnd = ch.getFileOffset() + ch.getOriginalSize() + compressed.getData().getSize();
                    if (length < compressedEnd) {
                        throw ImageReader.truncated(file, length, compressedEnd);
                    }
                    hdu = compressed.asImageHDU();
                }
                Header h = hdu.getHeader();
                int naxis = h.getIntValue("NAXIS", 0);
                if (!(hdu instanceof ImageHDU) || naxis < 2) {
                    continue;
                }
                int bitpix = h.getIntValue("BITPIX", 0);
                int w = h.getIntValue("NAXIS1", 0);
                int ht = h.getIntValue("NAXIS2", 0);
                int c = naxis >= 3 ? h.getIntValue("NAXIS3", 1) : 1;
                if (w <= 0 || ht <= 0 || c <= 0 || naxis > 3) {
                    throw new UnreadableFileException(file.getFileName() + ": image of NAXIS " + naxis + " ("
                            + w + "x" + ht + "x" + c + ") is not a 2-D frame");
                }
                long need = compressedEnd >= 0 ? compressedEnd
                        : h.getFileOffset() + h.getOriginalSize() + (long) Math.abs(bitpix) / 8 * w * ht * c;
                if (length < need) {
                    throw ImageReader.truncated(file, length, need);
                }
                double bzero = h.getDoubleValue("BZERO", 0);
                double bscale = h.getDoubleValue("BSCALE", 1);
                Object kernel = hdu.getKernel();
                float[][] planes = new float[c][];
                if (c == 1) {
                    planes[0] = flatten(kernel, w, ht, bzero, bscale, file);
                } else {
                    Object[] cube = (Object[]) kernel;
                    for (int p = 0; p < c; p++) {
                        planes[p] = flatten(cube[p], w, ht, bzero, bscale, file);
                    }
                }
                BayerPattern bayer = c == 1 ? BayerPattern.fromHeader(h.getStringValue("BAYERPAT"),
                        String.valueOf(h.getIntValue("XBAYROFF", 0)), String.valueOf(h.getIntValue("YBAYROFF", 0))) : null;
                return new ImageData(w, ht, planes, bayer);
            }
        } catch (FitsException e) {
            throw new UnreadableFileException(file.getFileName() + ": not a readable FITS image (" + e.getMessage() + ")", e);
        }
        throw new UnreadableFileException(file.getFileName() + ": the FITS file holds no image");
    }

    /** One 2-D array of any FITS type to floats, BZERO/BSCALE applied (so unsigned 16-bit becomes 0..65535). */
    private static float[] flatten(Object rows, int w, int h, double bzero, double bscale, Path file)
            throws UnreadableFileException {
        float[] out = new float[w * h];
        boolean identity = bzero == 0 && bscale == 1;
        float z = (float) bzero;
        float s = (float) bscale;
        if (rows instanceof short[][] a) {
            for (int y = 0; y < h; y++) {
                short[] r = a[y];
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = r[x] * s + z;
                }
            }
        } else if (rows instanceof byte[][] a) {
            // BITPIX 8 is unsigned
            for (int y = 0; y < h; y++) {
                byte[] r = a[y];
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = (r[x] & 0xff) * s + z;
                }
            }
        } else if (rows instanceof int[][] a) {
            for (int y = 0; y < h; y++) {
                int[] r = a[y];
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = (float) (r[x] * bscale + bzero);
                }
            }
        } else if (rows instanceof float[][] a) {
            for (int y = 0; y < h; y++) {
                float[] r = a[y];
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = identity ? r[x] : r[x] * s + z;
                }
            }
        } else if (rows instanceof double[][] a) {
            for (int y = 0; y < h; y++) {
                double[] r = a[y];
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = (float) (r[x] * bscale + bzero);
                }
            }
        } else {
            throw new UnreadableFileException(file.getFileName() + ": FITS sample type "
                    + (rows == null ? "none" : rows.getClass().getSimpleName()) + " is not supported");
        }
        return out;
    }
}
