package org.apdm.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.demo.SampleFiles;

/**
 * Writes lights into an archive the way {@code apdm ingest} leaves them:
 * {@code {data}/{rig}/10_Blink/{target}/DATE_{night}/FILTER_{f}_EXP_{e}_SETTEMP_-10.00/{datetime}_HFR_x_STARS_y_RMSAC_z.fits}.
 */
public final class BlinkTree {

    public static final String C8E = "C8E@f10.0+ZWO ASI2600MM Pro";
    public static final String SQA55 = "SQA55@f5.3+ATR585M";

    private final Path data;

    public BlinkTree(Path data) {
        this.data = data;
    }

    /** The folder of one group. */
    public Path group(String rig, String target, String night, String filter) {
        return data.resolve(rig).resolve("10_Blink").resolve(target).resolve("DATE_" + night)
                .resolve("FILTER_" + filter + "_EXP_300.00_SETTEMP_-10.00");
    }

    /**
     * Writes one light; a null metric is left out of the name (N.I.N.A. writes an empty token).
     *
     * @param minute minutes after 21:00 of the night, for the capture-time name
     */
    public Path light(String rig, String target, String night, String filter, int minute, Double hfr, Integer stars,
                      Double rms) throws IOException {
        String time = String.format(Locale.ROOT, "%s_%02d-%02d-00", night, 21 + minute / 60, minute % 60);
        StringBuilder name = new StringBuilder(time);
        name.append("_HFR_").append(hfr == null ? "" : String.format(Locale.ROOT, "%.2f", hfr));
        name.append("_STARS_").append(stars == null ? "" : stars.toString());
        name.append("_RMSAC_").append(rms == null ? "" : String.format(Locale.ROOT, "%.2f", rms));
        name.append("_TEMP_-10.00.fits");
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", "LIGHT");
        h.put("EXPOSURE", 300.0);
        h.put("OBJECT", target);
        h.put("FILTER", filter);
        h.put("FWHM", hfr == null ? 0.0 : hfr * 1.1);
        h.put("NOTE", name.toString()); // distinct content per file, so byte-for-byte checks mean something
        Path file = group(rig, target, night, filter).resolve(name.toString());
        SampleFiles.writeFits(file, h);
        return file;
    }
}
