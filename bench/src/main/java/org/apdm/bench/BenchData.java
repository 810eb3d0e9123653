package org.apdm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apdm.core.demo.SampleFiles;

/**
 * Generates N.I.N.A.-like RAW trees for benchmarks: {@code RAW/{target}/{night}/LIGHT/{datetime}_{filter}_..._HFR_x_STARS_y_RMSAC_z.fits},
 * 16x16 frames (5,760 bytes each) with a full N.I.N.A. header, 50 frames per folder.
 */
public final class BenchData {

    private static final String[] TARGETS = {"M 31", "M 33", "NGC 7000", "IC 1396", "M 42 Panel 1", "M 42 Panel 2",
            "Heart Nebula", "Soul Nebula", "M 81", "M 101"};
    private static final String[] FILTERS = {"L", "R", "G", "B", "Ha", "O3", "S2"};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT);

    private BenchData() {
    }

    /** Writes {@code files} frames below {@code raw}; returns them in creation order. */
    public static List<Path> generate(Path raw, int files, long seed) throws IOException {
        Random random = new Random(seed);
        List<Path> out = new ArrayList<>(files);
        LocalDateTime t = LocalDateTime.of(2024, 1, 1, 20, 0);
        Path folder = null;
        for (int i = 0; i < files; i++) {
            if (i % 50 == 0) {
                String target = TARGETS[(i / 50) % TARGETS.length];
                t = t.plusDays(1).withHour(20).withMinute(0);
                folder = raw.resolve(target).resolve(t.toLocalDate().toString()).resolve("LIGHT");
                Files.createDirectories(folder);
            }
            String target = folder.getParent().getParent().getFileName().toString();
            String filter = FILTERS[(i / 10) % FILTERS.length];
            double hfr = 2 + random.nextDouble() * 2.5;
            double rms = 0.4 + random.nextDouble();
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", "LIGHT");
            h.put("EXPOSURE", 120.0);
            h.put("EXPTIME", 120.0);
            h.put("DATE-LOC", ISO.format(t));
            h.put("DATE-OBS", ISO.format(t.plusHours(5)));
            h.put("XBINNING", 1);
            h.put("YBINNING", 1);
            h.put("GAIN", 100);
            h.put("OFFSET", 50);
            h.put("XPIXSZ", 3.76);
            h.put("YPIXSZ", 3.76);
            h.put("INSTRUME", "ZWO ASI2600MM Pro");
            h.put("CAMERAID", "ASI2600MM Pro");
            h.put("SET-TEMP", -10.0);
            h.put("CCD-TEMP", -9.9);
            h.put("TELESCOP", "C8E");
            h.put("FOCALLEN", 2032);
            h.put("FOCRATIO", 10.0);
            h.put("RA", 10.684);
            h.put("DEC", 41.269);
            h.put("CENTALT", 65.2);
            h.put("CENTAZ", 120.4);
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
            h.put("OBJCTROT", 0.0);
            h.put("FOCNAME", "ZWO EAF");
            h.put("FOCPOS", 12345);
            h.put("FOCTEMP", 7.5);
            h.put("ROWORDER", "TOP-DOWN");
            h.put("EQUINOX", 2000.0);
            h.put("SWCREATE", "N.I.N.A. 3.1.2.9001 (x64)");
            String name = String.format(Locale.ROOT, "%s_%s_120.00s_%04d_HFR_%.2f_STARS_%d_RMSAC_%.2f_TEMP_-9.90.fits",
                    NAME.format(t), filter, i, hfr, (int) (1500 / hfr), rms);
            Path file = folder.resolve(name);
            Files.write(file, SampleFiles.fits(h, 16, 16));
            out.add(file);
            t = t.plusSeconds(140);
        }
        return out;
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
