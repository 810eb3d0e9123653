package org.apdm.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;
import org.apdm.core.layout.ArchiveLayout;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.FrameType;
import org.apdm.core.scan.ScannedFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ingest planner: frames in, plan out; no file is touched, so the roots need not exist. */
class IngestPlannerTest {

    private static final Path RAW = Path.of("/nina/RAW").toAbsolutePath();
    private static final Path DATA = Path.of("/archive/Data").toAbsolutePath();
    private static final Path CALIBRATION = Path.of("/archive/Calibration").toAbsolutePath();
    private static final IngestPlanner.Roots ROOTS = new IngestPlanner.Roots(RAW, DATA, CALIBRATION);

    private static final String C8E_RIG = "C8E@f10.0+ZWO ASI2600MM Pro";

    /** Every value any type needs, for the C8E rig; tests remove or change what they exercise. */
    private static Map<Field, String> values(String type) {
        Map<Field, String> v = new EnumMap<>(Field.class);
        v.put(Field.TYPE, type);
        v.put(Field.OPTIC, "C8E");
        v.put(Field.FOCAL_RATIO, "10.0");
        v.put(Field.CAMERA, "ZWO ASI2600MM Pro");
        v.put(Field.FILTER, "L");
        v.put(Field.EXPOSURE, "120.00");
        v.put(Field.SETTEMP, "-10.00");
        v.put(Field.DATE, "2025-03-01");
        v.put(Field.DATETIME, "2025-03-02_01-30-00");
        if (type.equals("LIGHT")) {
            v.put(Field.TARGET, "M 81");
        }
        return v;
    }

    private static ScannedFrame frame(String relative, Map<Field, String> v) {
        return frame(RAW.resolve(relative), v);
    }

    private static ScannedFrame frame(Path file, Map<Field, String> v) {
        return new ScannedFrame(file, RAW.relativize(file), FrameMetadata.of(file, v), null);
    }

    private static Map<Field, String> with(Map<Field, String> v, Field f, String value) {
        if (value == null) {
            v.remove(f);
        } else {
            v.put(f, value);
        }
        return v;
    }

    private static List<FileOperation.Move> moves(Plan plan) {
        return plan.operations().stream().filter(FileOperation.Move.class::isInstance)
                .map(FileOperation.Move.class::cast).collect(Collectors.toList());
    }

    private static List<Path> acceptFolders(Plan plan) {
        return plan.operations().stream().filter(FileOperation.MakeDirectory.class::isInstance)
                .map(FileOperation::source).collect(Collectors.toList());
    }

    private static String reasonFor(Plan plan, Path file) {
        return plan.leftBehind().stream().filter(l -> l.file().equals(file)).map(LeftBehind::reason)
                .findFirst().orElse("(not left behind)");
    }

    // ---- order ----

    @Test
    void framesAreMovedBiasThenDarkThenFlatThenLight() {
        // names chosen so that sorting by path alone would put lights first and bias last
        List<ScannedFrame> frames = List.of(
                frame("a/light-1.fits", values("LIGHT")),
                frame("b/flat-1.fits", values("FLAT")),
                frame("c/dark-1.fits", values("DARK")),
                frame("a/light-2.fits", with(values("LIGHT"), Field.DATETIME, "2025-03-02_01-32-20")),
                frame("d/bias-1.fits", values("BIAS")),
                frame("d/bias-2.fits", with(values("BIAS"), Field.DATETIME, "2025-03-02_01-30-02")));
        Map<Path, String> typeOf = new HashMap<>();
        frames.forEach(f -> typeOf.put(f.file(), f.metadata().type().name()));

        IngestPlanner.Result result = IngestPlanner.plan(frames, ROOTS);

        List<String> order = moves(result.plan()).stream().map(m -> typeOf.get(m.source())).collect(Collectors.toList());
        assertEquals(List.of("BIAS", "BIAS", "DARK", "FLAT", "LIGHT", "LIGHT"), order);
        assertEquals(Map.of(FrameType.BIAS, 2, FrameType.DARK, 1, FrameType.FLAT, 1, FrameType.LIGHT, 2), result.byType());
    }

    @Test
    void thePlanDoesNotDependOnTheOrderTheScanFoundTheFiles() {
        List<ScannedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String type = List.of("LIGHT", "FLAT", "DARK", "BIAS").get(i % 4);
            frames.add(frame("f" + i + ".fits", with(values(type), Field.DATETIME, String.format("2025-03-02_01-30-%02d", i))));
        }
        List<ScannedFrame> shuffled = new ArrayList<>(frames);
        Collections.shuffle(shuffled, new Random(7));
        // the scan runs in parallel; the dry run the user approves must list the same steps every time
        assertEquals(IngestPlanner.plan(frames, ROOTS).plan().operations(),
                IngestPlanner.plan(shuffled, ROOTS).plan().operations());
    }

    // ---- accept folders ----

    @Test
    void anAcceptFolderIsPlannedOncePerTarget() {
        Map<Field, String> sqa = values("LIGHT");
        sqa.put(Field.OPTIC, "SQA55");
        sqa.put(Field.FOCAL_RATIO, "5.3");
        sqa.put(Field.CAMERA, "ATR585M");
        List<ScannedFrame> frames = List.of(
                frame("m81/1.fits", values("LIGHT")),
                frame("m81/2.fits", with(values("LIGHT"), Field.FILTER, "R")),
                frame("m81/3.fits", with(values("LIGHT"), Field.DATE, "2025-03-02")),
                frame("heart/1.fits", with(new EnumMap<>(sqa), Field.TARGET, "Heart Nebula")),
                frame("heart/2.fits", with(with(new EnumMap<>(sqa), Field.TARGET, "Heart Nebula"), Field.PANEL, "2")),
                frame("m81-sqa/1.fits", new EnumMap<>(sqa)),
                frame("flat/1.fits", values("FLAT")),
                frame("dark/1.fits", values("DARK")));

        Plan plan = IngestPlanner.plan(frames, ROOTS).plan();

        assertEquals(List.of(
                DATA.resolve(C8E_RIG).resolve("10_Blink").resolve("M 81").resolve("accept"),
                DATA.resolve("SQA55@f5.3+ATR585M").resolve("10_Blink").resolve("Heart Nebula").resolve("accept"),
                DATA.resolve("SQA55@f5.3+ATR585M").resolve("10_Blink").resolve("M 81").resolve("accept")),
                acceptFolders(plan).stream().sorted().collect(Collectors.toList()));
    }

    // ---- frames left behind ----

    @Test
    void anUnknownImageTypeIsLeftBehindNamingIt() {
        ScannedFrame snapshot = frame("SNAPSHOT/1.fits", values("SNAPSHOT"));
        Plan plan = IngestPlanner.plan(List.of(snapshot, frame("1.fits", values("LIGHT"))), ROOTS).plan();
        assertEquals("image type 'SNAPSHOT' is not sorted (only LIGHT, DARK, FLAT and BIAS)", reasonFor(plan, snapshot.file()));
        assertEquals(1, moves(plan).size(), "the run goes on with the other frames");
    }

    @Test
    void aPixInsightMasterLightIsNotCalledACalibrationFrame() {
        ScannedFrame f = frame("masters/integration.xisf", values("MASTER LIGHT"));
        Plan plan = IngestPlanner.plan(List.of(f), ROOTS).plan();
        String reason = reasonFor(plan, f.file());
        assertTrue(reason.startsWith("an integrated image (MASTER LIGHT)"), reason);
        assertFalse(reason.contains("calibration"), reason);
        assertTrue(plan.operations().isEmpty());
    }

    @Test
    void aFrameWithoutImageTypeIsLeftBehindNamingImagetyp() {
        ScannedFrame f = frame("1.fits", with(values("LIGHT"), Field.TYPE, null));
        Plan plan = IngestPlanner.plan(List.of(f), ROOTS).plan();
        assertTrue(reasonFor(plan, f.file()).contains("IMAGETYP"), reasonFor(plan, f.file()));
        assertTrue(plan.operations().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MASTER DARK", "MASTER FLAT", "MASTER BIAS"})
    void masterFramesAreLeftBehind(String type) {
        ScannedFrame f = frame("masters/x.xisf", values(type));
        Plan plan = IngestPlanner.plan(List.of(f), ROOTS).plan();
        String reason = reasonFor(plan, f.file());
        assertTrue(reason.startsWith("a master calibration frame (" + type + ")"), reason);
        assertTrue(plan.operations().isEmpty());
    }

    /** Required values per type, reference-spec §3, with the keyword the user looks for in the header. */
    static Stream<Arguments> missingRequiredValues() {
        List<Arguments> out = new ArrayList<>();
        for (String type : List.of("BIAS", "DARK", "FLAT", "LIGHT")) {
            out.add(arguments(type, Field.CAMERA, "INSTRUME"));
            out.add(arguments(type, Field.EXPOSURE, "EXPOSURE"));
            // one wording for both date fields, not DATE-OBS named twice (issue 16.6)
            out.add(arguments(type, Field.DATE, "DATE-OBS (or DATE-LOC)"));
            out.add(arguments(type, Field.DATETIME, "DATE-OBS (or DATE-LOC)"));
        }
        for (String type : List.of("FLAT", "LIGHT")) {
            out.add(arguments(type, Field.OPTIC, "TELESCOP"));
            out.add(arguments(type, Field.FOCAL_RATIO, "FOCRATIO"));
            out.add(arguments(type, Field.FILTER, "FILTER"));
        }
        out.add(arguments("LIGHT", Field.TARGET, "OBJECT"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} without {2}")
    @MethodSource("missingRequiredValues")
    void aMissingRequiredValueLeavesTheFrameBehindNamingTheKeyword(String type, Field field, String keyword) {
        ScannedFrame f = frame("1.fits", with(values(type), field, null));
        ScannedFrame good = frame("2.fits", values(type));
        Plan plan = IngestPlanner.plan(List.of(f, good), ROOTS).plan();
        String reason = reasonFor(plan, f.file());
        assertTrue(reason.startsWith("missing " + keyword + " (required for a " + type + ")"), reason);
        if (field == Field.FOCAL_RATIO) {
            assertTrue(reason.contains("camera_constants") && reason.contains("APTDIA"), "says what fixes it: " + reason);
        }
        assertEquals(List.of(good.file()), moves(plan).stream().map(FileOperation::source).collect(Collectors.toList()));
    }

    @Test
    void anEmptyValueCountsAsMissing() {
        // N.I.N.A. writes OBJECT = '' when no target is set
        ScannedFrame f = frame("1.fits", with(values("LIGHT"), Field.TARGET, ""));
        assertEquals("missing OBJECT (required for a LIGHT)", reasonFor(IngestPlanner.plan(List.of(f), ROOTS).plan(), f.file()));
    }

    @Test
    void everyMissingKeywordIsNamed() {
        ScannedFrame f = frame("1.fits", with(with(values("LIGHT"), Field.TARGET, null), Field.FILTER, null));
        String reason = reasonFor(IngestPlanner.plan(List.of(f), ROOTS).plan(), f.file());
        assertTrue(reason.startsWith("missing ") && reason.contains("OBJECT") && reason.contains("FILTER"), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIAS", "DARK"})
    void biasAndDarkNeedNoOpticFocalRatioOrFilter(String type) {
        Map<Field, String> v = values(type);
        v.remove(Field.OPTIC);
        v.remove(Field.FOCAL_RATIO);
        v.remove(Field.FILTER);
        Plan plan = IngestPlanner.plan(List.of(frame("1.fits", v)), ROOTS).plan();
        assertTrue(plan.leftBehind().isEmpty(), plan.leftBehind().toString());
        assertEquals(CALIBRATION.resolve(type).resolve("ZWO ASI2600MM Pro").resolve("DATE_2025-03-01")
                .resolve("EXP_120.00_SETTEMP_-10.00").resolve("2025-03-02_01-30-00.fits"), moves(plan).get(0).destination());
    }

    @Test
    void anUnreadableFileIsLeftBehindWithTheReadersReason() {
        Path file = RAW.resolve("M 81/broken.fits");
        ScannedFrame broken = new ScannedFrame(file, RAW.relativize(file), null, "truncated FITS header: no END card in 1000 bytes");
        Plan plan = IngestPlanner.plan(List.of(broken, frame("ok.fits", values("DARK"))), ROOTS).plan();
        assertEquals(List.of(new LeftBehind(file, "truncated FITS header: no END card in 1000 bytes")), plan.leftBehind());
        assertEquals(1, moves(plan).size());
    }

    @Test
    void aDestinationOverTheLengthLimitLeavesTheFrameBehindAndSaysWhy() {
        ScannedFrame f = frame("1.fits", with(with(values("LIGHT"), Field.TARGET, "T".repeat(100)), Field.FILTER, "F".repeat(100)));
        Plan plan = IngestPlanner.plan(List.of(f), ROOTS).plan();
        String reason = reasonFor(plan, f.file());
        assertTrue(reason.startsWith("cannot build a safe destination") && reason.contains("240"), reason);
        assertTrue(plan.operations().isEmpty(), "no move and no accept folder for it");
    }

    // ---- frames already in place ----

    @Test
    void aFrameAlreadyWhereItBelongsIsCountedNotMoved() {
        Path placed = DATA.resolve(C8E_RIG).resolve("10_Blink").resolve("M 81").resolve("DATE_2025-03-01")
                .resolve("FILTER_L_EXP_120.00_SETTEMP_-10.00").resolve("2025-03-02_01-30-00.fits");
        ScannedFrame inPlace = frame(placed, values("LIGHT"));
        ScannedFrame other = frame("new.fits", with(values("LIGHT"), Field.DATETIME, "2025-03-02_01-32-20"));

        IngestPlanner.Result result = IngestPlanner.plan(List.of(inPlace, other), ROOTS);

        assertEquals(1, result.alreadyInPlace());
        assertEquals(List.of(other.file()), moves(result.plan()).stream().map(FileOperation::source).collect(Collectors.toList()));
        assertTrue(result.plan().leftBehind().isEmpty());
        assertEquals(Map.of(FrameType.LIGHT, 1), result.byType());
    }

    @Test
    void inPlaceIsRecognisedWhenTheRootIsWrittenDifferently() {
        Path calibrationSpelledOddly = Path.of("/archive/./x/../Calibration").toAbsolutePath();
        Path placed = CALIBRATION.resolve("DARK").resolve("C8E+ZWO ASI2600MM Pro").resolve("DATE_2025-03-01")
                .resolve("FILTER_L_EXP_120.00_SETTEMP_-10.00").resolve("2025-03-02_01-30-00.fits");
        IngestPlanner.Result result = IngestPlanner.plan(List.of(frame(placed, values("DARK"))),
                new IngestPlanner.Roots(RAW, DATA, calibrationSpelledOddly));
        assertEquals(1, result.alreadyInPlace());
        assertTrue(result.plan().operations().isEmpty());
    }

    // ---- same destination twice ----

    @Test
    void twoFramesForTheSameDestinationBothStayInThePlan() {
        // e.g. the same frame copied into two RAW folders: the engine compares contents (duplicate or conflict)
        ScannedFrame one = frame("night1/a.fits", values("LIGHT"));
        ScannedFrame two = frame("night1-copy/a.fits", values("LIGHT"));
        IngestPlanner.Result result = IngestPlanner.plan(List.of(one, two), ROOTS);
        List<FileOperation.Move> moves = moves(result.plan());
        assertEquals(2, moves.size());
        assertEquals(moves.get(0).destination(), moves.get(1).destination());
        assertEquals(Map.of(FrameType.LIGHT, 2), result.byType());
        assertEquals(1, acceptFolders(result.plan()).size());
    }

    // ---- containment ----

    @Test
    void everyDestinationLiesInsideTheDataOrCalibrationRoot() {
        List<ScannedFrame> frames = new ArrayList<>();
        String[] hostile = {"../../etc", "..", "/", "\\\\server\\share", "C:\\Windows", "a/../../../b", "CON", "\u202e..",
            ".", " ", "~", "$HOME", "%APPDATA%"};
        int i = 0;
        for (String h : hostile) {
            for (String type : List.of("LIGHT", "FLAT", "DARK", "BIAS")) {
                Map<Field, String> v = values(type);
                v.put(Field.TARGET, h);
                v.put(Field.FILTER, h);
                v.put(Field.OPTIC, h);
                v.put(Field.CAMERA, h);
                v.put(Field.PANEL, h);
                v.put(Field.HFR, h);
                frames.add(frame("f" + (i++) + ".fits", v));
            }
        }
        IngestPlanner.Result result = IngestPlanner.plan(frames, ROOTS);
        Plan plan = result.plan();

        assertTrue(plan.leftBehind().isEmpty(), plan.leftBehind().toString());
        assertEquals(frames.size(), moves(plan).size());
        for (FileOperation.Move m : moves(plan)) {
            boolean light = m.reason().startsWith("LIGHT");
            Path root = light ? DATA : CALIBRATION;
            Path d = m.destination();
            assertTrue(d.isAbsolute() && d.equals(d.normalize()) && d.startsWith(root), d.toString());
            assertEquals(light ? 6 : 5, root.relativize(d).getNameCount(), "one name per level: " + d);
        }
        for (Path accept : acceptFolders(plan)) {
            assertTrue(accept.startsWith(DATA) && accept.getFileName().toString().equals("accept"), accept.toString());
            assertEquals(4, DATA.relativize(accept).getNameCount(), accept.toString());
        }
        assertEquals(List.of(DATA, CALIBRATION), plan.roots());
        assertEquals(List.of(RAW), plan.pruneEmptyUnder());
    }

    @Test
    void aLightGoesToItsRigTargetNightAndFilterFolder() {
        Map<Field, String> v = values("LIGHT");
        v.put(Field.PANEL, "2");
        v.put(Field.HFR, "2.51");
        v.put(Field.TEMP, "-9.90");
        ScannedFrame f = frame("M 81/2025-03-01/LIGHT/x_HFR_2.51.fits", v);
        FileOperation.Move m = moves(IngestPlanner.plan(List.of(f), ROOTS).plan()).get(0);
        assertEquals(DATA.resolve(C8E_RIG).resolve(ArchiveLayout.BLINK).resolve("M 81").resolve("DATE_2025-03-01")
                .resolve("FILTER_L_EXP_120.00_SETTEMP_-10.00_PANEL_2").resolve("2025-03-02_01-30-00_HFR_2.51_TEMP_-9.90.fits"),
                m.destination());
        assertEquals(f.file(), m.source());
        assertTrue(m.reason().contains("LIGHT") && m.reason().contains("M 81"), "the dry run says what it is: " + m.reason());
    }

    @Test
    void noFramesGiveAnEmptyPlan() {
        IngestPlanner.Result result = IngestPlanner.plan(List.of(), ROOTS);
        assertTrue(result.plan().isEmpty());
        assertTrue(result.plan().leftBehind().isEmpty());
        assertEquals(0, result.alreadyInPlace());
        assertFalse(result.byType().containsKey(FrameType.LIGHT));
    }
}
