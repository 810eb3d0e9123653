package org.apdm.core.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What PixInsight's WBPP leaves after integrating the demo's calibration frames: master bias, darks and flats
 * as XISF with WBPP-style names, one dark without GAIN and OFFSET in its header (WBPP drops them) but with them
 * in its name, and no flat for the SQA55's S filter on the second night. Also a log and a calibrated flat,
 * the temporary files {@code apdm calibration clean} empties.
 */
public final class DemoMasters {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final List<String> NIGHTS = List.of("2025-03-01", "2025-03-02");

    private DemoMasters() {
    }

    /**
     * @param masters PixInsight's master output folder; its parent receives the log and the calibrated frame
     * @return the masters written
     */
    public static List<Path> write(Path masters) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (DemoWorkspace.Rig rig : List.of(DemoWorkspace.C8E, DemoWorkspace.SQA55)) {
            String size = rig == DemoWorkspace.C8E ? "6248x4176" : "3840x2160";
            out.add(write(masters.resolve("masterBias_BIN-1_" + size + ".xisf"),
                    header(rig, "Master Bias", null, 0.0, LocalDateTime.of(2025, 3, 3, 12, 0), true)));
            int exposure = rig == DemoWorkspace.C8E ? 120 : 300;
            boolean wbppDropsGain = rig == DemoWorkspace.C8E;
            String darkName = "masterDark_BIN-1_" + size + "_EXPOSURE-" + exposure + ".00s"
                    + (wbppDropsGain ? "_GAIN_" + rig.gain() + "_OFFSET_" + rig.offset() : "") + ".xisf";
            out.add(write(masters.resolve(darkName), header(rig, "Master Dark", null, exposure,
                    LocalDateTime.of(2025, 3, 3, 10, 0), !wbppDropsGain)));
            for (String night : NIGHTS) {
                for (String filter : rig.filters()) {
                    if (rig == DemoWorkspace.SQA55 && filter.equals("S2") && night.equals("2025-03-02")) {
                        continue; // the flats of that night were unusable: the demo shows what apdm does then
                    }
                    LocalDateTime t = LocalDateTime.parse(night + "T19:00:00");
                    out.add(write(masters.resolve("masterFlat_BIN-1_" + size + "_FILTER-" + filter + "_DATE-" + night
                            + "_mono.xisf"), header(rig, "Master Flat", filter, 1.5, t, true)));
                }
            }
        }
        Path temp = masters.getParent();
        Files.createDirectories(temp.resolve("logs"));
        Files.writeString(temp.resolve("logs").resolve("20250303101500.log"),
                "WeightedBatchPreprocessing demo log\n", StandardCharsets.UTF_8);
        Map<String, Object> calibrated = header(DemoWorkspace.C8E, "FLAT", "L", 1.5,
                LocalDateTime.of(2025, 3, 1, 19, 0), true);
        SampleFiles.writeXisf(temp.resolve("calibrated").resolve("flat").resolve("2025-03-01_19-00-00_L_0001_c.xisf"),
                calibrated);
        return out;
    }

    private static Path write(Path file, Map<String, Object> header) throws IOException {
        SampleFiles.writeXisf(file, header);
        return file;
    }

    private static Map<String, Object> header(DemoWorkspace.Rig rig, String type, String filter, double exposure,
                                              LocalDateTime local, boolean gainAndOffset) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", type);
        h.put("EXPTIME", exposure);
        h.put("INSTRUME", rig.camera());
        h.put("TELESCOP", rig.telescope());
        h.put("FOCALLEN", rig.focalLength());
        h.put("XBINNING", 1);
        h.put("YBINNING", 1);
        h.put("SET-TEMP", -10.0);
        if (gainAndOffset) {
            h.put("GAIN", rig.gain());
            h.put("OFFSET", rig.offset());
        }
        if (rig.readout() != null) {
            h.put("READOUTM", rig.readout());
        }
        if (filter != null) {
            h.put("FILTER", filter);
        }
        h.put("DATE-LOC", ISO.format(local));
        h.put("DATE-OBS", ISO.format(local.plusHours(5)));
        h.put("NCOMBINE", 3);
        return h;
    }
}
