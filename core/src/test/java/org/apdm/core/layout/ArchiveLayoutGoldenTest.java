package org.apdm.core.layout;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;
import org.apdm.core.ingest.IngestPlanner;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.FrameType;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.NightDateRule;
import org.apdm.core.metadata.NormalizationRules;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planned destination paths: reference-spec §12.1 normalize_filename cases, and a golden file. */
class ArchiveLayoutGoldenTest {

    /**
     * The normalize_filename cases of reference-spec §12.1, adapted to the new layout: calibration goes
     * to {@code {calibration}/{TYPE}/optic+camera/...} (the old output_directory ended in the type), lights
     * to {@code {data}/optic@fratio+camera/10_Blink/...}, and a missing required value refuses the frame
     * instead of raising.
     */
    @Nested
    class ReferenceNormalizeFilename {

        private final Path input = Path.of("/input/somefile.fits");

        private Map<Field, String> common() {
            Map<Field, String> v = new EnumMap<>(Field.class);
            v.put(Field.OPTIC, "optic");
            v.put(Field.CAMERA, "camera");
            v.put(Field.DATE, "2023-12-12");
            v.put(Field.EXPOSURE, "120.00");
            v.put(Field.DATETIME, "2023-12-08_04-46-31");
            v.put(Field.FILTER, "F");
            v.put(Field.SETTEMP, "-10.00");
            v.put(Field.TEMP, "-9.00");
            return v;
        }

        private FrameMetadata frame(String type, Consumer<Map<Field, String>> extra) {
            Map<Field, String> v = common();
            v.put(Field.TYPE, type);
            extra.accept(v);
            return FrameMetadata.of(input, v);
        }

        private FrameMetadata light(Consumer<Map<Field, String>> extra) {
            return frame("LIGHT", v -> {
                v.put(Field.FOCAL_RATIO, "2.0");
                v.put(Field.TARGET, "the target");
                extra.accept(v);
            });
        }

        @Test
        void bias() {
            assertEquals("BIAS/optic+camera/DATE_2023-12-12/FILTER_F_EXP_120.00_SETTEMP_-10.00/2023-12-08_04-46-31_TEMP_-9.00.fits",
                    String.join("/", ArchiveLayout.calibrationPath(frame("BIAS", v -> { }))));
        }

        @Test
        void dark() {
            assertEquals("DARK/optic+camera/DATE_2023-12-12/FILTER_F_EXP_120.00_SETTEMP_-10.00/2023-12-08_04-46-31_TEMP_-9.00.fits",
                    String.join("/", ArchiveLayout.calibrationPath(frame("DARK", v -> { }))));
        }

        @Test
        void flatIgnoresTheFocalRatio() {
            FrameMetadata flat = frame("FLAT", v -> v.put(Field.FOCAL_RATIO, "2.0"));
            assertEquals("FLAT/optic+camera/DATE_2023-12-12/FILTER_F_EXP_120.00_SETTEMP_-10.00/2023-12-08_04-46-31_TEMP_-9.00.fits",
                    String.join("/", ArchiveLayout.calibrationPath(flat)));
        }

        @Test
        void light() {
            assertEquals("optic@f2.0+camera/10_Blink/the target/DATE_2023-12-12/FILTER_F_EXP_120.00_SETTEMP_-10.00/2023-12-08_04-46-31_TEMP_-9.00.fits",
                    String.join("/", ArchiveLayout.lightPath(light(v -> { }), ArchiveLayout.BLINK)));
        }

        @Test
        void lightWithPanel() {
            assertEquals("optic@f2.0+camera/10_Blink/the target/DATE_2023-12-12/FILTER_F_EXP_120.00_SETTEMP_-10.00_PANEL_14/2023-12-08_04-46-31_TEMP_-9.00.fits",
                    String.join("/", ArchiveLayout.lightPath(light(v -> v.put(Field.PANEL, "14")), ArchiveLayout.BLINK)));
        }

        @Test
        void lightWithOptionalMetrics() {
            FrameMetadata m = light(v -> {
                v.put(Field.PANEL, "14");
                v.put(Field.HFR, "hfr");
                v.put(Field.STARS, "stars");
                v.put(Field.RMSAC, "rmsac");
            });
            assertEquals("optic@f2.0+camera/10_Blink/the target/DATE_2023-12-12/FILTER_F_EXP_120.00_SETTEMP_-10.00_PANEL_14/2023-12-08_04-46-31_HFR_hfr_STARS_stars_RMSAC_rmsac_TEMP_-9.00.fits",
                    String.join("/", ArchiveLayout.lightPath(m, ArchiveLayout.BLINK)));
        }

        @Test
        void lightWithoutOpticIsRefusedNamingTelescop() {
            FrameMetadata m = light(v -> v.remove(Field.OPTIC));
            assertEquals(List.of(Field.OPTIC), ArchiveLayout.missing(m));
            IngestPlanner.Result r = IngestPlanner.plan(List.of(new ScannedFrame(input, input.getFileName(), m, null)),
                    new IngestPlanner.Roots(Path.of("/input"), Path.of("/output"), Path.of("/calibration")));
            assertTrue(r.plan().operations().isEmpty());
            assertEquals("missing TELESCOP (required for a LIGHT)", r.plan().leftBehind().get(0).reason());
        }

        @Test
        void calibrationWithoutOpticGoesUnderTheCameraAlone() {
            // new layout: the old script raised here; bias and dark do not need an optic (reference-spec §3)
            FrameMetadata bias = frame("BIAS", v -> v.remove(Field.OPTIC));
            assertEquals(List.of(), ArchiveLayout.missing(bias));
            assertEquals("BIAS/camera/DATE_2023-12-12/FILTER_F_EXP_120.00_SETTEMP_-10.00/2023-12-08_04-46-31_TEMP_-9.00.fits",
                    String.join("/", ArchiveLayout.calibrationPath(bias)));
        }

        @Test
        void calibrationWithoutFilterOmitsTheFilterToken() {
            FrameMetadata dark = frame("DARK", v -> v.remove(Field.FILTER));
            assertEquals("DARK/optic+camera/DATE_2023-12-12/EXP_120.00_SETTEMP_-10.00/2023-12-08_04-46-31_TEMP_-9.00.fits",
                    String.join("/", ArchiveLayout.calibrationPath(dark)));
        }

        @Test
        void targetFolderIsTheFirstThreeNamesOfTheLightPath() {
            FrameMetadata m = light(v -> { });
            assertEquals(List.of("optic@f2.0+camera", "10_Blink", "the target"), ArchiveLayout.targetPath(m, ArchiveLayout.BLINK));
        }

        @Test
        void requiredValuesPerTypeFollowReferenceSpecSection3() {
            Set<Field> calibration = EnumSet.of(Field.CAMERA, Field.TYPE, Field.DATE, Field.EXPOSURE, Field.DATETIME);
            assertEquals(calibration, ArchiveLayout.requiredFields(FrameType.BIAS));
            assertEquals(calibration, ArchiveLayout.requiredFields(FrameType.DARK));
            Set<Field> flat = EnumSet.copyOf(calibration);
            flat.addAll(EnumSet.of(Field.OPTIC, Field.FOCAL_RATIO, Field.FILTER));
            assertEquals(flat, ArchiveLayout.requiredFields(FrameType.FLAT));
            Set<Field> light = EnumSet.copyOf(flat);
            light.add(Field.TARGET);
            assertEquals(light, ArchiveLayout.requiredFields(FrameType.LIGHT));
        }
    }

    /** Rig folders are parsed back by later steps, so every value must come back as its own part. */
    @Nested
    class RigFolders {

        private void roundTrip(String optic, String ratio, String camera, String folder, String parsedOptic,
                               String parsedCamera) {
            assertEquals(folder, RigName.folderName(optic, ratio, camera));
            RigName back = RigName.parse(folder).orElseThrow(() -> new AssertionError("not a rig folder: " + folder));
            assertEquals(parsedOptic, back.optic());
            assertEquals(ratio, back.focalRatio());
            assertEquals(parsedCamera, back.camera());
        }

        @Test
        void ordinaryRigs() {
            roundTrip("C8E", "10.0", "ZWO ASI2600MM Pro", "C8E@f10.0+ZWO ASI2600MM Pro", "C8E", "ZWO ASI2600MM Pro");
            roundTrip("SQA55", "5.3", "ATR585M", "SQA55@f5.3+ATR585M", "SQA55", "ATR585M");
        }

        @Test
        void separatorsInsideTheOpticCannotShiftTheParts() {
            roundTrip("Edge HD 8\" @ f/7", "7.0", "ZWO ASI2600MM Pro", "Edge HD 8_ - f_7@f7.0+ZWO ASI2600MM Pro",
                    "Edge HD 8_ - f_7", "ZWO ASI2600MM Pro");
            roundTrip("C8E+reducer", "6.3", "Canon EOS 6D+Mod", "C8E-reducer@f6.3+Canon EOS 6D+Mod", "C8E-reducer",
                    "Canon EOS 6D+Mod");
        }

        @Test
        void aCameraValueThatSanitisesToNothingStillLeavesACameraPart() {
            // INSTRUME = '..' or '. ' is present (so the frame is placed) but has no usable character
            roundTrip("C8E", "10.0", "..", "C8E@f10.0+_unknown", "C8E", "_unknown");
            roundTrip("C8E", "10.0", ". ", "C8E@f10.0+_unknown", "C8E", "_unknown");
        }
    }

    // ---- the golden file ----

    private static final DateTimeFormatter LOC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter OBS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final String LONG_TARGET = "Sh2-129 Flying Bat Nebula and Ou4 Giant Squid Nebula in Cepheus, "
            + "HOO bicolour two-panel mosaic with faint IFN around it, second season of data on it!!";

    /** One RAW frame of the golden list. */
    private record Raw(String label, String relative, Map<String, Object> header, String kind) {
    }

    private record Rig(String telescope, Double ratio, String camera) {
    }

    private static final Rig C8E = new Rig("C8E", 10.0, "ZWO ASI2600MM Pro");
    private static final Rig SQA55 = new Rig("SQA55", 5.3, "ATR585M");
    private static final Rig OSC = new Rig("RedCat 51", 4.9, "ZWO ASI533MC Pro");

    /** A N.I.N.A.-like header; local time in EST (UTC-5), as the demo writes it. */
    private static Map<String, Object> header(Rig rig, String type, String filter, double exposure, String local,
                                              Double setTemp, Double ccdTemp) {
        LocalDateTime loc = LocalDateTime.parse(local);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", type);
        h.put("EXPOSURE", exposure);
        h.put("DATE-LOC", LOC.format(loc));
        h.put("DATE-OBS", OBS.format(loc.plusHours(5)));
        h.put("INSTRUME", rig.camera());
        if (setTemp != null) {
            h.put("SET-TEMP", setTemp);
        }
        if (ccdTemp != null) {
            h.put("CCD-TEMP", ccdTemp);
        }
        if (rig.telescope() != null) {
            h.put("TELESCOP", rig.telescope());
        }
        if (rig.ratio() != null) {
            h.put("FOCRATIO", rig.ratio());
        }
        if (filter != null) {
            h.put("FILTER", filter);
        }
        return h;
    }

    private static Map<String, Object> with(Map<String, Object> h, String key, Object value) {
        h.put(key, value);
        return h;
    }

    private static Map<String, Object> without(Map<String, Object> h, String key) {
        h.remove(key);
        return h;
    }

    /** About 30 varied frames: both demo rigs, an OSC rig, DWARFIII, hostile and long values, bad files. */
    static List<Raw> goldenFrames() {
        List<Raw> f = new ArrayList<>();
        f.add(new Raw("L01 C8E M 81 L, metrics in the name",
                "M 81/2025-03-01/LIGHT/2025-03-01_20-30-00_L_120.00s_0001_HFR_2.51_STARS_557_RMSAC_0.85_TEMP_-10.00.fits",
                with(header(C8E, "LIGHT", "L", 120, "2025-03-01T20:30:00", -10.0, -10.0), "OBJECT", "M 81"), "fits"));
        f.add(new Raw("L02 C8E M 81 R after local midnight",
                "M 81/2025-03-01/LIGHT/2025-03-02_00-15-00_R_120.00s_0002_HFR_3.10_STARS_451_RMSAC_0.62_TEMP_-9.80.fits",
                with(header(C8E, "LIGHT", "R", 120, "2025-03-02T00:15:00", -10.0, -10.0), "OBJECT", "M 81"), "fits"));
        f.add(new Raw("L03 C8E M 81 B second night, CCD-TEMP",
                "M 81/2025-03-02/LIGHT/2025-03-02_21-00-00_B_120.00s_0003.fits",
                with(header(C8E, "LIGHT", "B", 120, "2025-03-02T21:00:00", -10.0, -9.9), "OBJECT", "M 81"), "fits"));
        f.add(new Raw("L04 SQA55 Heart Nebula Panel 1 Ha",
                "Heart Nebula Panel 1/2025-03-01/LIGHT/2025-03-01_21-00-00_Ha_300.00s_0004_HFR_2.80_STARS_500_RMSAC_0.70_TEMP_-10.00.fits",
                with(header(SQA55, "LIGHT", "Ha", 300, "2025-03-01T21:00:00", -10.0, -10.0), "OBJECT", "Heart Nebula Panel 1"), "fits"));
        f.add(new Raw("L05 SQA55 Heart Nebula Panel 2 O3",
                "Heart Nebula Panel 2/2025-03-02/LIGHT/2025-03-02_22-10-30_O3_300.00s_0005.fits",
                with(header(SQA55, "LIGHT", "O3", 300, "2025-03-02T22:10:30", -10.0, -10.0), "OBJECT", "Heart Nebula Panel 2"), "fits"));
        f.add(new Raw("L06 SQA55 Heart Nebula S2 without SET-TEMP",
                "Heart Nebula/2025-03-01/LIGHT/2025-03-01_23-59-59_S2_300.00s_0006.fits",
                with(header(SQA55, "LIGHT", "S2", 300, "2025-03-01T23:59:59", null, 3.5), "OBJECT", "Heart Nebula"), "fits"));
        f.add(new Raw("L07 OSC without FILTER",
                "NGC 7000/2025-03-01/LIGHT/2025-03-01_20-00-00_180.00s_0007.fits",
                with(header(OSC, "LIGHT", null, 180, "2025-03-01T20:00:00", -5.0, -5.1), "OBJECT", "NGC 7000"), "fits"));
        f.add(new Raw("L08 OSC FILTER Ha/OIII, OBJECT NGC 7000 / Pelican",
                "Pelican/2025-03-01/LIGHT/2025-03-01_22-00-00_180.00s_0008.fits",
                with(header(OSC, "LIGHT", "Ha/OIII", 180, "2025-03-01T22:00:00", -5.0, -5.0), "OBJECT", "NGC 7000 / Pelican"), "fits"));
        f.add(new Raw("L09 OSC FILTER OptolongLeXtreme",
                "NGC 7000/2025-03-02/LIGHT/2025-03-02_20-00-00_180.00s_0009.fits",
                with(header(OSC, "LIGHT", "OptolongLeXtreme", 180, "2025-03-02T20:00:00", -5.0, -5.0), "OBJECT", "NGC 7000"), "fits"));
        Map<String, Object> dwarf = new LinkedHashMap<>();
        dwarf.put("TELESCOP", "DWARFIII");
        dwarf.put("INSTRUME", "DWARFIII");
        dwarf.put("OBJECT", "M 42");
        dwarf.put("EXPTIME", 15.0);
        dwarf.put("DATE-OBS", "2025-03-02T02:05:11.123");
        f.add(new Raw("L10 DWARFIII, no IMAGETYP, FOCRATIO or FILTER, DATE-OBS only",
                "DWARFIII/DWARF_RAW_Astro_M 42_EXP_15_GAIN_80_2025-03-02-02-05-11-123.fits", dwarf, "fits"));
        f.add(new Raw("L11 OBJECT ../../etc", "hostile/2025-03-01_20-40-00_L_120.00s_0011.fits",
                with(header(C8E, "LIGHT", "L", 120, "2025-03-01T20:40:00", -10.0, -10.0), "OBJECT", "../../etc"), "fits"));
        f.add(new Raw("L12 OBJECT M 42: Orion/Trapezium?", "hostile/2025-03-01_20-50-00_G_120.00s_0012.fits",
                with(header(C8E, "LIGHT", "G", 120, "2025-03-01T20:50:00", -10.0, -10.0), "OBJECT", "M 42: Orion/Trapezium?"), "fits"));
        f.add(new Raw("L13 OBJECT CON", "hostile/2025-03-01_21-00-00_L_120.00s_0013.fits",
                with(header(C8E, "LIGHT", "L", 120, "2025-03-01T21:00:00", -10.0, -10.0), "OBJECT", "CON"), "fits"));
        f.add(new Raw("L14 150-character OBJECT", "long/2025-03-01_21-10-00_L_120.00s_0014.fits",
                with(header(C8E, "LIGHT", "L", 120, "2025-03-01T21:10:00", -10.0, -10.0), "OBJECT", LONG_TARGET), "fits"));
        f.add(new Raw("L15 150-character OBJECT with metrics",
                "long/2025-03-01_21-15-00_L_120.00s_0015_HFR_2.51_STARS_557_RMSAC_0.85_TEMP_-10.00.fits",
                with(header(C8E, "LIGHT", "L", 120, "2025-03-01T21:15:00", -10.0, -10.0), "OBJECT", LONG_TARGET), "fits"));
        f.add(new Raw("L16 XISF, OBJECT in NFD Unicode", "unicode/2025-03-02_21-30-00_Ha_300.00s_0016.xisf",
                with(header(SQA55, "LIGHT", "Ha", 300, "2025-03-02T21:30:00", -10.0, -10.0), "OBJECT", "Ne\u0301buleuse du C\u0153ur"),
                "xisf"));
        f.add(new Raw("L17 upper-case .FITS extension", "M 81/2025-03-01/LIGHT/2025-03-01_21-20-00_L_120.00s_0017.FITS",
                with(header(C8E, "LIGHT", "L", 120, "2025-03-01T21:20:00", -10.0, -10.0), "OBJECT", "M 81"), "fits"));
        f.add(new Raw("C18 FLAT C8E L", "FLAT/2025-03-01/2025-03-01_19-00-00_L_1.50s_0018.fits",
                header(C8E, "FLAT", "L", 1.5, "2025-03-01T19:00:00", -10.0, -10.0), "fits"));
        f.add(new Raw("C19 FLAT SQA55 Ha", "FLAT/2025-03-01/2025-03-01_19-20-05_Ha_2.00s_0019.fits",
                header(SQA55, "FLAT", "Ha", 2.0, "2025-03-01T19:20:05", -10.0, -10.0), "fits"));
        f.add(new Raw("C20 FLAT OSC without FILTER", "FLAT/2025-03-02/2025-03-02_18-45-00_0.50s_0020.fits",
                header(OSC, "FLAT", null, 0.5, "2025-03-02T18:45:00", -5.0, -5.0), "fits"));
        f.add(new Raw("C21 DARK C8E 120 s", "DARK/2025-03-03/2025-03-03_10-00-00_DARK_120.00s_0021.fits",
                header(C8E, "DARK", null, 120, "2025-03-03T10:00:00", -10.0, -10.0), "fits"));
        f.add(new Raw("C22 DARK without TELESCOP", "DARK/2025-03-03/2025-03-03_11-00-00_DARK_300.00s_0022.fits",
                header(new Rig(null, null, "ATR585M"), "DARK", null, 300, "2025-03-03T11:00:00", -10.0, -10.0), "fits"));
        f.add(new Raw("C23 BIAS SQA55", "BIAS/2025-03-03/2025-03-03_12-30-00_BIAS_0023.fits",
                header(SQA55, "BIAS", null, 0.0001, "2025-03-03T12:30:00", -10.0, -10.0), "fits"));
        f.add(new Raw("C24 BIAS C8E with a FILTER", "BIAS/2025-03-03/2025-03-03_12-00-00_BIAS_0024.fits",
                header(C8E, "BIAS", "L", 0.0001, "2025-03-03T12:00:00", -10.0, -10.0), "fits"));
        f.add(new Raw("X25 IMAGETYP SNAPSHOT", "SNAPSHOT/2025-03-02_02-03-00_L_2.00s_0025.fits",
                with(header(C8E, "SNAPSHOT", "L", 2, "2025-03-02T02:03:00", -10.0, -10.0), "OBJECT", "M 81"), "fits"));
        f.add(new Raw("X26 LIGHT without OBJECT", "Unknown/2025-03-02_02-05-00_Ha_300.00s_0026.fits",
                header(SQA55, "LIGHT", "Ha", 300, "2025-03-02T02:05:00", -10.0, -10.0), "fits"));
        f.add(new Raw("X27 XISF master dark", "masters/masterDark_EXPOSURE_300.00_SETTEMP_-10.00_INSTRUME_ATR585M.xisf",
                header(SQA55, "Master Dark", null, 300, "2025-03-04T10:00:00", -10.0, -10.0), "xisf"));
        f.add(new Raw("X28 FITS with its data cut short", "M 81/2025-03-01/LIGHT/2025-03-02_01-59-00_L_120.00s_0028.fits",
                with(header(C8E, "LIGHT", "L", 120, "2025-03-02T01:59:00", -10.0, -10.0), "OBJECT", "M 81"), "truncated"));
        f.add(new Raw("X29 text file named .fits", "M 81/2025-03-01/LIGHT/2025-03-02_02-01-00_L_120.00s_0029.fits",
                Map.of(), "text"));
        f.add(new Raw("X30 FLAT without FOCRATIO", "FLAT/2025-03-02/2025-03-02_19-00-00_L_1.50s_0030.fits",
                without(header(C8E, "FLAT", "L", 1.5, "2025-03-02T19:00:00", -10.0, -10.0), "FOCRATIO"), "fits"));
        return f;
    }

    private static void write(Path file, Raw raw) throws IOException {
        switch (raw.kind()) {
            case "fits" -> SampleFiles.writeFits(file, raw.header());
            case "xisf" -> SampleFiles.writeXisf(file, raw.header());
            case "truncated" -> {
                // complete header, pixel data cut short
                byte[] full = SampleFiles.fits(raw.header(), 64, 64);
                Files.createDirectories(file.getParent());
                Files.write(file, java.util.Arrays.copyOf(full, SampleFiles.BLOCK + 100));
            }
            default -> {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "this is not a FITS file\n");
            }
        }
    }

    @Test
    void plannedDestinationsMatchTheGoldenFile(@TempDir Path tmp) throws IOException {
        Path raw = tmp.resolve("RAW");
        Path data = tmp.resolve("Data");
        Path calibration = tmp.resolve("Calibration");
        List<Raw> frames = goldenFrames();
        Map<Path, String> labels = new LinkedHashMap<>();
        for (Raw r : frames) {
            Path file = raw.resolve(r.relative());
            write(file, r);
            labels.put(file, r.label());
        }
        // fixed zone and rule, so the DWARF frame (DATE-OBS only) gets the same night everywhere
        NormalizationRules rules = new NormalizationRules(NormalizationRules.DEFAULT_FILTER_ALIASES,
                NightDateRule.LOCAL_MINUS_12H, ZoneId.of("America/New_York"), NormalizationRules.DEFAULT_CAMERA_CONSTANTS,
                Set.of());
        FrameScanner scanner = new FrameScanner(new MetadataReader(rules));
        List<ScannedFrame> scanned = new ArrayList<>();
        for (Path file : labels.keySet()) {
            scanned.add(scanner.readOne(raw, file, FrameScanner.ReadSpec.RAW));
        }
        Plan plan = IngestPlanner.plan(scanned, new IngestPlanner.Roots(raw, data, calibration)).plan();

        Map<Path, String> outcome = new LinkedHashMap<>();
        Set<String> accept = new TreeSet<>();
        for (FileOperation op : plan.operations()) {
            if (op instanceof FileOperation.Move m) {
                String previous = outcome.put(m.source(), relative(m.destination(), data, calibration));
                assertNull(previous, "one move per frame: " + m.source());
            } else if (op instanceof FileOperation.MakeDirectory d) {
                accept.add("accept => " + relative(d.source(), data, calibration));
            }
        }
        for (LeftBehind l : plan.leftBehind()) {
            outcome.put(l.file(), "left behind: " + l.reason().replace(data.toAbsolutePath().normalize().toString(), "{data}"));
        }
        List<String> actual = new ArrayList<>();
        for (Map.Entry<Path, String> e : labels.entrySet()) {
            actual.add(e.getValue() + " => " + outcome.getOrDefault(e.getKey(), "(not in the plan)"));
        }
        actual.addAll(accept);

        List<String> expected = expectedLines();
        Path written = Path.of("target", "golden", "ingest-paths.actual.txt");
        Files.createDirectories(written.getParent());
        Files.write(written, actual, StandardCharsets.UTF_8); // for a diff when this fails
        List<Runnable> checks = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(no line)";
            String got = i < actual.size() ? actual.get(i) : "(no line)";
            int line = i + 1;
            checks.add(() -> assertEquals(want, got, "golden line " + line + " (actual output in " + written + ")"));
        }
        assertAll(checks.stream().map(c -> (org.junit.jupiter.api.function.Executable) c::run));
    }

    private static String relative(Path destination, Path data, Path calibration) {
        Path d = data.toAbsolutePath().normalize();
        Path c = calibration.toAbsolutePath().normalize();
        if (destination.startsWith(d)) {
            return "data/" + names(d.relativize(destination));
        }
        if (destination.startsWith(c)) {
            return "calibration/" + names(c.relativize(destination));
        }
        return "OUTSIDE BOTH ROOTS: " + destination;
    }

    private static String names(Path relative) {
        List<String> out = new ArrayList<>();
        relative.forEach(p -> out.add(p.toString()));
        return String.join("/", out);
    }

    private static List<String> expectedLines() throws IOException {
        try (InputStream in = ArchiveLayoutGoldenTest.class.getResourceAsStream("/golden/ingest-paths.expected.txt")) {
            assertNotNull(in, "golden/ingest-paths.expected.txt on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .collect(Collectors.toList());
        }
    }
}
