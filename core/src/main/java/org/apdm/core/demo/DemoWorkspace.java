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
import java.util.Random;

/**
 * A realistic N.I.N.A. dump for a first run: two rigs, a mosaic, nights that cross midnight, lights
 * with some poor HFR and guiding, flats for every filter, darks, bias, and a few broken files.
 * Deterministic (fixed seed and dates), so the demo always shows the same result.
 */
public final class DemoWorkspace {

    /** Where the demo put things. */
    public record Layout(Path root, Path raw, Path data, Path reject, Path config) {
    }

    /** A rig of the demo. */
    record Rig(String telescope, double focalRatio, String camera, int gain, int offset, String readout,
               int focalLength, List<String> filters) {
    }

    static final Rig C8E = new Rig("C8E", 10.0, "ZWO ASI2600MM Pro", 100, 50, null, 2032, List.of("L", "R", "G", "B"));
    static final Rig SQA55 = new Rig("SQA55", 5.3, "ATR585M", 239, 150, "HCG", 290, List.of("Ha", "O3", "S2"));

    private static final DateTimeFormatter ISO_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter ISO_7 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT);
    private static final int UTC_OFFSET_HOURS = -5;

    private final Random random = new Random(42);
    private int frameNumber;

    private DemoWorkspace() {
    }

    /** Creates the workspace in {@code dir}, which must not exist or be empty. */
    public static Layout create(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root)) {
            try (var s = Files.list(root)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(root + " already exists and is not empty; choose another folder with --dir");
                }
            }
        }
        Files.createDirectories(root);
        Layout layout = new Layout(root, root.resolve("RAW"), root.resolve("Data"), root.resolve("Reject"),
                root.resolve("apdm.yaml"));
        Files.createDirectories(layout.data());
        Files.createDirectories(layout.reject());
        new DemoWorkspace().writeDump(layout.raw());
        writeProfiles(root.resolve("NINA").resolve("Profiles"));
        Files.writeString(layout.config(), config(), StandardCharsets.UTF_8);
        return layout;
    }

    /** The demo rigs' N.I.N.A. profile ids; the sample Target Scheduler database uses the same. */
    public static final String C8E_PROFILE_ID = "8c4179b3-edf2-40d2-8a3a-b13d15cc49d5";
    public static final String SQA55_PROFILE_ID = "01333553-3f50-4985-83f1-2c906ad25bf1";

    /** Two N.I.N.A. profiles (DataContract XML, as N.I.N.A. writes them) named after the demo rigs. */
    static void writeProfiles(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(C8E_PROFILE_ID + ".profile"),
                profile(C8E_PROFILE_ID, "C8E@f10.0+ZWO ASI2600MM Pro", List.of("L", "R", "G", "B", "Ha", "O3", "S2")),
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(SQA55_PROFILE_ID + ".profile"),
                profile(SQA55_PROFILE_ID, "SQA55@f5.3+ATR585M", List.of("L", "R", "G", "B", "Ha", "S2", "O3", "Dark")),
                StandardCharsets.UTF_8);
    }

    private static String profile(String id, String name, List<String> filters) {
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < filters.size(); i++) {
            f.append("      <a:FilterInfo><a:_name>").append(filters.get(i)).append("</a:_name><a:_position>").append(i)
                    .append("</a:_position></a:FilterInfo>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<Profile xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xmlns=\"http://schemas.datacontract.org/2004/07/NINA.Profile\">\n"
                + "  <FilterWheelSettings i:type=\"FilterWheelSettings\">\n"
                + "    <FilterWheelFilters xmlns:a=\"http://schemas.datacontract.org/2004/07/NINA.Core.Model.Equipment\">\n"
                + f
                + "    </FilterWheelFilters>\n  </FilterWheelSettings>\n"
                + "  <AstrometrySettings i:type=\"AstrometrySettings\">\n    <Elevation>90</Elevation>\n"
                + "    <Latitude>35.6053</Latitude>\n    <Longitude>-78.7936</Longitude>\n  </AstrometrySettings>\n"
                + "  <Id>" + id + "</Id>\n  <Name>" + name + "</Name>\n</Profile>\n";
    }

    static String config() {
        return """
                # apdm demo workspace; see apdm.example.yaml in the apdm repository for every setting.
                roots:
                  raw: RAW
                  data: Data
                  reject: Reject
                  library: Library
                  pixinsight_masters: PixInsight/master
                  pixinsight_temp: PixInsight
                state_dir: .apdm
                database: Data/astrophotography.sqlite
                night_date:
                  rule: date-loc-minus-12h
                  time_zone: America/New_York
                nina:
                  profiles: NINA/Profiles
                scheduler:
                  database: NINA/SchedulerPlugin/schedulerdb.sqlite
                # The demo rigs' own cull passes; a rig without any gets the general one (HFR 4.0, RMS 2.0).
                rigs:
                  "C8E@f10.0+ZWO ASI2600MM Pro":
                    cull:
                      - {name: pass1, max_hfr: 4.6, max_rms: 2.0, auto_accept_percent: 30}
                      - {name: pass2, max_hfr: 5.5, max_rms: 2.0, auto_accept_percent: 100}
                """;
    }

    private void writeDump(Path raw) throws IOException {
        LocalDateTime night1 = LocalDateTime.of(2025, 3, 1, 20, 30);
        LocalDateTime night2 = LocalDateTime.of(2025, 3, 2, 20, 45);
        // C8E: M 81 on two nights, crossing midnight; LRGB 120 s
        lights(raw, C8E, "M 81", night1, 120, 7);
        lights(raw, C8E, "M 81", night2, 120, 5);
        // SQA55: a two-panel mosaic of the Heart Nebula, narrowband 300 s
        lights(raw, SQA55, "Heart Nebula Panel 1", night1, 300, 4);
        lights(raw, SQA55, "Heart Nebula Panel 2", night2, 300, 4);
        for (LocalDateTime night : List.of(night1, night2)) {
            flats(raw, C8E, night.toLocalDate().atTime(19, 0));
            flats(raw, SQA55, night.toLocalDate().atTime(19, 20));
        }
        darks(raw, C8E, LocalDateTime.of(2025, 3, 3, 10, 0), 120);
        darks(raw, SQA55, LocalDateTime.of(2025, 3, 3, 11, 0), 300);
        bias(raw, C8E, LocalDateTime.of(2025, 3, 3, 12, 0));
        bias(raw, SQA55, LocalDateTime.of(2025, 3, 3, 12, 30));
        broken(raw, night1);
    }

    private void lights(Path raw, Rig rig, String object, LocalDateTime start, int exposure, int perFilter)
            throws IOException {
        LocalDateTime t = start;
        String night = start.toLocalDate().toString();
        for (String filter : rig.filters()) {
            for (int i = 0; i < perFilter; i++) {
                double hfr = 2.4 + random.nextDouble() * 1.2;
                double rms = 0.5 + random.nextDouble() * 0.6;
                int roll = random.nextInt(10);
                if (roll == 0) {
                    hfr += 2.5; // a cloud or a focus slip
                } else if (roll == 1) {
                    rms += 1.8; // a wind gust
                }
                int stars = (int) (1400 / hfr);
                Map<String, Object> h = header(rig, "LIGHT", filter, exposure, t);
                h.put("OBJECT", object);
                String name = String.format(Locale.ROOT, "%s_%s_%.2fs_%04d_HFR_%.2f_STARS_%d_RMSAC_%.2f_TEMP_%.2f.fits",
                        NAME.format(t), filter, (double) exposure, ++frameNumber, hfr, stars, rms, -10.0);
                SampleFiles.writeFits(raw.resolve(object).resolve(night).resolve("LIGHT").resolve(name), h);
                t = t.plusSeconds(exposure + 20);
            }
        }
    }

    private void flats(Path raw, Rig rig, LocalDateTime t) throws IOException {
        for (String filter : rig.filters()) {
            for (int i = 0; i < 3; i++) {
                Map<String, Object> h = header(rig, "FLAT", filter, 1.5, t);
                String name = String.format(Locale.ROOT, "%s_%s_%.2fs_%04d.fits", NAME.format(t), filter, 1.5, ++frameNumber);
                SampleFiles.writeFits(raw.resolve("FLAT").resolve(t.toLocalDate().toString()).resolve(name), h);
                t = t.plusSeconds(5);
            }
        }
    }

    private void darks(Path raw, Rig rig, LocalDateTime t, int exposure) throws IOException {
        for (int i = 0; i < 3; i++) {
            Map<String, Object> h = header(rig, "DARK", null, exposure, t);
            String name = String.format(Locale.ROOT, "%s_DARK_%.2fs_%04d.fits", NAME.format(t), (double) exposure, ++frameNumber);
            SampleFiles.writeFits(raw.resolve("DARK").resolve(t.toLocalDate().toString()).resolve(name), h);
            t = t.plusSeconds(exposure + 5);
        }
    }

    private void bias(Path raw, Rig rig, LocalDateTime t) throws IOException {
        for (int i = 0; i < 3; i++) {
            Map<String, Object> h = header(rig, "BIAS", null, 0.0001, t);
            String name = String.format(Locale.ROOT, "%s_BIAS_%04d.fits", NAME.format(t), ++frameNumber);
            SampleFiles.writeFits(raw.resolve("BIAS").resolve(t.toLocalDate().toString()).resolve(name), h);
            t = t.plusSeconds(2);
        }
    }

    private void broken(Path raw, LocalDateTime t) throws IOException {
        Path lights = raw.resolve("M 81").resolve(t.toLocalDate().toString()).resolve("LIGHT");
        byte[] good = SampleFiles.fits(header(C8E, "LIGHT", "L", 120, t.plusHours(5)), 16, 16);
        Files.write(lights.resolve("2025-03-02_01-59-00_L_120.00s_9001_truncated.fits"), java.util.Arrays.copyOf(good, 1000));
        Files.writeString(lights.resolve("2025-03-02_02-01-00_L_120.00s_9002_notfits.fits"), "this is not a FITS file\n");
        Map<String, Object> snapshot = header(C8E, "SNAPSHOT", "L", 2, t.plusHours(5));
        snapshot.put("OBJECT", "M 81");
        SampleFiles.writeFits(raw.resolve("SNAPSHOT").resolve("2025-03-02_02-03-00_L_2.00s_9003.fits"), snapshot);
        Map<String, Object> noObject = header(SQA55, "LIGHT", "Ha", 300, t.plusHours(6));
        SampleFiles.writeFits(raw.resolve("Unknown").resolve("2025-03-02_02-05-00_Ha_300.00s_9004.fits"), noObject);
        Files.writeString(raw.resolve("session-notes.txt"), "seeing 3/5, some wind after midnight\n");
    }

    private static Map<String, Object> header(Rig rig, String type, String filter, double exposure, LocalDateTime local) {
        LocalDateTime utc = local.minusHours(UTC_OFFSET_HOURS);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", type);
        h.put("EXPOSURE", exposure);
        h.put("EXPTIME", exposure);
        h.put("DATE-LOC", ISO_7.format(local));
        h.put("DATE-OBS", ISO_MS.format(utc));
        h.put("XBINNING", 1);
        h.put("YBINNING", 1);
        h.put("GAIN", rig.gain());
        h.put("OFFSET", rig.offset());
        h.put("INSTRUME", rig.camera());
        h.put("SET-TEMP", -10.0);
        h.put("CCD-TEMP", -10.0);
        if (rig.readout() != null) {
            h.put("READOUTM", rig.readout());
        }
        h.put("TELESCOP", rig.telescope());
        h.put("FOCALLEN", rig.focalLength());
        h.put("FOCRATIO", rig.focalRatio());
        if (filter != null) {
            h.put("FILTER", filter);
        }
        h.put("SITELAT", 35.6053);
        h.put("SITELONG", -78.7936);
        h.put("SWCREATE", "N.I.N.A. 3.1.2.9001 (x64)");
        return h;
    }
}
