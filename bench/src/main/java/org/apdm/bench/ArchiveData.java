package org.apdm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apdm.core.demo.SampleFiles;

/**
 * Generates an archive shaped like the user's (reference-spec §13): 19 rigs, 262 targets, stages in his
 * proportions (half in 60_Done, a few in 70_Abandon), frames spread over folders (80,000 in 2,300 by default),
 * 87 % of folders in the standard {@code DATE_d/FILTER_f_EXP_e_SETTEMP_t[_PANEL_n]} layout and 13 % in legacy
 * layouts whose path is silent on the exposure ({@code LIGHT_f}) or on filter and exposure ({@code RAW}), so
 * their headers must be read. Each night has a master dark and flat. Frames are 16x16 FITS with a full
 * N.I.N.A. header (5,760 bytes).
 */
public final class ArchiveData {

    static final String[] RIGS = {"R135@f2.8+AP26CC", "C8E@f10.0+ZWO ASI2600MM Pro", "R135@f2+Canon T2i",
            "Z73@f5.9+ZWO ASI2600MM Pro", "C8E@f7.0+ZWO ASI2600MM Pro", "E120@f7+ZWO ASI2600MM Pro",
            "150PDS@f4.75+ZWO ASI2600MM Pro", "C8@f6.3+ZWO ASI2600MM Pro", "R135@f2+ZWO ASI533MC Pro",
            "Z73@f5.9+ZWO ASI533MC Pro", "150PDS@f4.75+ZWO ASI533MC Pro", "Z73@f5.9+Canon SL2", "SQA55@f5.3+ATR585M",
            "DWARFIII@f4.3+DWARFIII", "150PDS@f4.75+Canon T2i", "SQA55@f5.3+AP26CC", "SQA55@f4.8+AP26CC",
            "XT8@f5.9+ZWO ASI533MC Pro", "S20@f1.4+Canon T2i"};
    /** Stage of a target, in his proportions of target folders. */
    static final String[] STAGES = {"60_Done", "60_Done", "60_Done", "60_Done", "60_Done", "30_Master", "30_Master",
            "40_Process", "40_Process", "20_Data", "50_Bake", "70_Abandon", "10_Blink"};
    static final String[] FILTERS = {"L", "R", "G", "B", "H", "O", "S", "UVIR", "ALPT", "LeXtr"};
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);

    /** What was written. */
    public record Archive(int frames, int folders, int silentFolders, List<Path> lights) {
    }

    private ArchiveData() {
    }

    public static Archive generate(Path data, int frames, int folders) throws IOException {
        int targets = 262;
        List<Path> lights = new ArrayList<>(frames);
        int silent = 0;
        int written = 0;
        LocalDate start = LocalDate.of(2021, 3, 21);
        int[] counts = counts(frames, folders);
        for (int i = 0; i < folders; i++) {
            int t = (int) ((long) i * targets / folders);
            String rig = RIGS[t % RIGS.length];
            String stage = STAGES[(t * 7) % STAGES.length];
            String target = "Target " + t + (t % 9 == 0 ? ", NGC " + (1000 + t) : "");
            LocalDate night = start.plusDays((i / 3) % 1500);
            String filter = FILTERS[(i + t) % FILTERS.length];
            int exposure = new int[] {60, 120, 180, 300}[i % 4];
            boolean panel = t % 5 == 0;
            Path targetDir = data.resolve(rig).resolve(stage).resolve(target).resolve("accept");
            Path nightDir = targetDir.resolve("DATE_" + night);
            Path folder;
            if (i % 15 == 1) {
                folder = nightDir.resolve("LIGHT_" + filter); // exposure only in the header
                silent++;
            } else if (i % 15 == 2) {
                folder = nightDir.resolve("RAW"); // filter and exposure only in the header
                silent++;
            } else {
                folder = nightDir.resolve("FILTER_" + filter + "_EXP_" + exposure + ".00_SETTEMP_-10.00"
                        + (panel ? "_PANEL_" + (1 + i % 4) : ""));
            }
            Files.createDirectories(folder);
            if (!Files.exists(nightDir.resolve("masterDark_EXPOSURE_" + exposure + ".00.fits"))) {
                Files.write(nightDir.resolve("masterDark_EXPOSURE_" + exposure + ".00.fits"),
                        SampleFiles.fits(Map.of("IMAGETYP", "MASTER DARK", "EXPOSURE", (double) exposure, "NCOMBINE", 40),
                                16, 16));
            }
            if (!Files.exists(nightDir.resolve("masterFlat_FILTER_" + filter + ".fits"))) {
                Files.write(nightDir.resolve("masterFlat_FILTER_" + filter + ".fits"),
                        SampleFiles.fits(Map.of("IMAGETYP", "MASTER FLAT", "FILTER", filter, "NCOMBINE", 30), 16, 16));
            }
            int n = counts[i];
            LocalDateTime time = night.atTime(21, 0);
            for (int k = 0; k < n; k++) {
                Map<String, Object> h = header(rig, target, filter, exposure, time);
                Path file = folder.resolve(String.format(Locale.ROOT, "%s_HFR_%.2f_STARS_%d_RMSAC_%.2f_TEMP_-9.90.fits",
                        NAME.format(time), 2 + (k % 20) / 10.0, 800 + k, 0.5 + (k % 10) / 20.0));
                Files.write(file, SampleFiles.fits(h, 16, 16));
                lights.add(file);
                time = time.plusSeconds(exposure + 10);
            }
            written += n;
        }
        return new Archive(written, folders, silent, lights);
    }

    /** Frames per folder: about equal, varied in pairs so the total is exact and every folder has one. */
    static int[] counts(int frames, int folders) {
        int[] c = new int[folders];
        int base = frames / folders;
        for (int i = 0; i < folders; i++) {
            c[i] = base + (i < frames - base * folders ? 1 : 0);
        }
        for (int i = 0; i + 1 < folders; i += 2) {
            int v = Math.min(c[i + 1] - 1, (i * 7919) % 31);
            c[i] += v;
            c[i + 1] -= v;
        }
        return c;
    }

    private static Map<String, Object> header(String rig, String target, String filter, int exposure, LocalDateTime local) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", "LIGHT");
        h.put("EXPOSURE", (double) exposure);
        h.put("EXPTIME", (double) exposure);
        h.put("DATE-LOC", ISO.format(local));
        h.put("DATE-OBS", ISO.format(local.plusHours(5)));
        h.put("XBINNING", 1);
        h.put("YBINNING", 1);
        h.put("GAIN", 100);
        h.put("OFFSET", 50);
        h.put("INSTRUME", rig.substring(rig.indexOf('+') + 1));
        h.put("SET-TEMP", -10.0);
        h.put("CCD-TEMP", -9.9);
        h.put("TELESCOP", rig.substring(0, rig.indexOf('@')));
        h.put("FOCALLEN", 1000);
        h.put("RA", 10.684);
        h.put("DEC", 41.269);
        h.put("CENTALT", 65.2);
        h.put("AIRMASS", 1.1);
        h.put("PIERSIDE", "West");
        h.put("SITEELEV", 100.0);
        h.put("SITELAT", 35.6053);
        h.put("SITELONG", -78.7936);
        h.put("FWHEEL", "ZWO EFW");
        h.put("FILTER", filter);
        h.put("OBJECT", target);
        h.put("OBJCTRA", "00 42 44");
        h.put("OBJCTDEC", "+41 16 08");
        h.put("FOCNAME", "ZWO EAF");
        h.put("FOCPOS", 12345);
        h.put("FOCTEMP", 7.5);
        h.put("ROWORDER", "TOP-DOWN");
        h.put("EQUINOX", 2000.0);
        h.put("SWCREATE", "N.I.N.A. 3.1.2.9001 (x64)");
        return h;
    }
}
