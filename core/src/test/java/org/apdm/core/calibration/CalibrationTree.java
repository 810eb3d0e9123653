package org.apdm.core.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.demo.SampleFiles;

/**
 * Writes what calibration works on: lights in 10_Blink as ingest leaves them (FITS, with GAIN, OFFSET and READOUTM in
 * the header), and master bias, darks and flats as PixInsight writes them (XISF with FITS keywords).
 */
public final class CalibrationTree {

    public static final String C8E = "C8E@f10.0+ZWO ASI2600MM Pro";
    public static final String C8E_CAMERA = "ZWO ASI2600MM Pro";
    public static final String SQA55 = "SQA55@f5.3+ATR585M";

    public final Path root;
    public final Path data;
    public final Path library;
    public final Path state;
    private int serial;

    public CalibrationTree(Path root) throws IOException {
        this.root = root;
        this.data = Files.createDirectories(root.resolve("Data"));
        this.library = root.resolve("Library");
        this.state = root.resolve("state");
    }

    /** The file {@link #config} writes. */
    public Path configFile() {
        return root.resolve("apdm.yaml");
    }

    /** A configuration with the given YAML after the roots, written to {@link #configFile()}. */
    public ApdmConfig config(String yaml) throws Exception {
        Path f = configFile();
        Files.writeString(f, "roots:\n  data: Data\n  library: Library\n  raw: RAW\n  pixinsight_temp: PixInsight\n"
                + "  pixinsight_masters: PixInsight/_calibration/master\nstate_dir: state\n"
                + "night_date:\n  time_zone: America/New_York\n" + yaml);
        return ConfigLoader.load(f, new ConfigLocations(root.resolve("home/c.yaml"), root.resolve("home/data")), Map.of());
    }

    public Path nightFolder(String rig, String target, boolean accept, String night) {
        Path t = data.resolve(rig).resolve("10_Blink").resolve(target);
        return (accept ? t.resolve("accept") : t).resolve("DATE_" + night);
    }

    /** Writes {@code n} lights of one group; returns the group's folder. */
    public Path lights(String rig, String target, boolean accept, String night, String filter, double exposure, int gain,
                String readout, int n) throws IOException {
        Path folder = nightFolder(rig, target, accept, night)
                .resolve(String.format(Locale.ROOT, "FILTER_%s_EXP_%.2f_SETTEMP_-10.00", filter, exposure));
        for (int i = 0; i < n; i++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", "LIGHT");
            h.put("EXPOSURE", exposure);
            h.put("OBJECT", target);
            h.put("FILTER", filter);
            h.put("GAIN", gain);
            h.put("OFFSET", 50);
            h.put("SET-TEMP", -10.0);
            if (readout != null) {
                h.put("READOUTM", readout);
            }
            h.put("DATE-LOC", night + "T22:0" + i + ":00.000");
            h.put("NOTE", "light " + (++serial));
            SampleFiles.writeFits(folder.resolve(String.format(Locale.ROOT, "%s_22-%02d-00_HFR_2.50.fits", night, i)), h);
        }
        return folder;
    }

    public Path lights(String target, String night, String filter, int n) throws IOException {
        return lights(C8E, target, true, night, filter, 300, 100, null, n);
    }

    public static Map<String, Object> master(String type, String camera, int gain, String readout) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", type);
        h.put("INSTRUME", camera);
        h.put("SET-TEMP", -10.0);
        h.put("GAIN", gain);
        h.put("OFFSET", 50);
        if (readout != null) {
            h.put("READOUTM", readout);
        }
        return h;
    }

    /** A master dark in the library. */
    public Path dark(String camera, double exposure, int gain, String readout) throws IOException {
        Map<String, Object> h = master("Master Dark", camera, gain, readout);
        h.put("EXPTIME", exposure);
        h.put("NOTE", "dark " + (++serial));
        Path f = library.resolve("_Dark Library").resolve(camera)
                .resolve(String.format(Locale.ROOT, "masterDark_EXPOSURE_%.2f_%d.xisf", exposure, serial));
        SampleFiles.writeXisf(f, h);
        return f;
    }

    public Path dark(double exposure) throws IOException {
        return dark(C8E_CAMERA, exposure, 100, null);
    }

    /** A master flat in the library, of a night (DATE-LOC in its evening). */
    public Path flat(String camera, String optic, String night, String filter, int gain, String readout) throws IOException {
        Map<String, Object> h = master("Master Flat", camera, gain, readout);
        h.put("TELESCOP", optic);
        h.put("FILTER", filter);
        h.put("EXPTIME", 2.0);
        h.put("DATE-LOC", night + "T19:00:00.000");
        h.put("NOTE", "flat " + (++serial));
        Path f = library.resolve("_Flat Stash").resolve(camera).resolve(optic)
                .resolve("masterFlat_" + night + "_" + filter + "_" + serial + ".xisf");
        SampleFiles.writeXisf(f, h);
        return f;
    }

    public Path flat(String night, String filter) throws IOException {
        return flat(C8E_CAMERA, "C8E", night, filter, 100, null);
    }

    public Path bias(String camera, int gain, String readout) throws IOException {
        Map<String, Object> h = master("Master Bias", camera, gain, readout);
        h.put("EXPTIME", 0.0);
        h.put("NOTE", "bias " + (++serial));
        Path f = library.resolve("_Bias Library").resolve(camera).resolve("masterBias_" + serial + ".xisf");
        SampleFiles.writeXisf(f, h);
        return f;
    }

    /** Raw frames where ingest puts them. */
    public Path rawFrames(String type, String night, String filter, double exposure, int n) throws IOException {
        return rawFrames(type, night, filter, exposure, n, (file, h) -> SampleFiles.writeFits(file, h));
    }

    /**
     * Raw frames with pixels, 16-bit with BZERO as N.I.N.A. writes them: {@code level} ADU plus Gaussian noise of
     * {@code sigma} (seeded, so every run writes the same frames).
     */
    public Path rawFrames(String type, String night, String filter, double exposure, int n, int level, double sigma)
            throws IOException {
        java.util.Random random = new java.util.Random(level * 31L + n);
        return rawFrames(type, night, filter, exposure, n, (file, h) -> {
            float[] px = new float[64 * 48];
            for (int j = 0; j < px.length; j++) {
                px[j] = (float) (level + sigma * random.nextGaussian());
            }
            org.apdm.core.image.ImageWriter.write(file, org.apdm.core.image.ImageWriter.fits(
                    new org.apdm.core.image.ImageData(64, 48, px), 16, h));
        });
    }

    private interface FrameWriter {
        void write(Path file, Map<String, Object> header) throws IOException;
    }

    private Path rawFrames(String type, String night, String filter, double exposure, int n, FrameWriter writer)
            throws IOException {
        String group = (filter == null ? "" : "FILTER_" + filter + "_")
                + String.format(Locale.ROOT, "EXP_%.2f_SETTEMP_-10.00", exposure);
        Path folder = root.resolve("RAW").resolve(type).resolve("C8E+ZWO ASI2600MM Pro").resolve("DATE_" + night).resolve(group);
        for (int i = 0; i < n; i++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", type);
            h.put("EXPOSURE", exposure);
            h.put("INSTRUME", C8E_CAMERA);
            h.put("TELESCOP", "C8E");
            h.put("GAIN", 100);
            h.put("OFFSET", 50);
            h.put("SET-TEMP", -10.0);
            h.put("DATE-LOC", String.format(Locale.ROOT, "%sT19:%02d:00.000", night, i));
            if (filter != null) {
                h.put("FILTER", filter);
            }
            writer.write(folder.resolve(String.format(Locale.ROOT, "%s_19-%02d-00.fits", night, i)), h);
        }
        return folder;
    }
}
