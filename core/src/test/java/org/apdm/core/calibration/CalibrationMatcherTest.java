package org.apdm.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.junit.jupiter.api.Test;

/** The matching rules on values alone: exact, ambiguous, flat fallback by policy and rig period, dark scaling, presence. */
class CalibrationMatcherTest {

    static final CalibrationKeys C8E_KEYS = CalibrationKeys.DEFAULT;
    static final String CAMERA = CalibrationTree.C8E_CAMERA;
    int serial;

    static Map<Field, String> common() {
        Map<Field, String> v = new EnumMap<>(Field.class);
        v.put(Field.CAMERA, CAMERA);
        v.put(Field.SETTEMP, "-10.00");
        v.put(Field.GAIN, "100");
        v.put(Field.OFFSET, "50");
        return v;
    }

    static FrameMetadata light(String night, String filter, String exposure) {
        Map<Field, String> v = common();
        v.put(Field.TYPE, "LIGHT");
        v.put(Field.OPTIC, "C8E");
        v.put(Field.DATE, night);
        v.put(Field.FILTER, filter);
        v.put(Field.EXPOSURE, exposure);
        return FrameMetadata.of(Path.of("light.fits"), v);
    }

    MasterFrame dark(String exposure) {
        Map<Field, String> v = common();
        v.put(Field.TYPE, "MASTER DARK");
        v.put(Field.EXPOSURE, exposure);
        return new MasterFrame(Path.of("lib", "dark" + (++serial) + ".xisf"), MasterKind.DARK, FrameMetadata.of(Path.of("d"), v));
    }

    MasterFrame flat(String night, String filter) {
        Map<Field, String> v = common();
        v.put(Field.TYPE, "MASTER FLAT");
        v.put(Field.OPTIC, "C8E");
        v.put(Field.DATE, night);
        v.put(Field.FILTER, filter);
        return new MasterFrame(Path.of("lib", "flat" + (++serial) + ".xisf"), MasterKind.FLAT, FrameMetadata.of(Path.of("f"), v));
    }

    MasterFrame bias() {
        Map<Field, String> v = common();
        v.put(Field.TYPE, "MASTER BIAS");
        return new MasterFrame(Path.of("lib", "bias" + (++serial) + ".xisf"), MasterKind.BIAS, FrameMetadata.of(Path.of("b"), v));
    }

    static CalibrationMatcher matcher(List<MasterFrame> library, FlatFallback fallback, boolean scaling, FlatDecider decider) {
        return new CalibrationMatcher(MasterIndex.of(library), new CalibrationMatcher.Policy(fallback, scaling), decider);
    }

    static GroupMatch match(CalibrationMatcher m, FrameMetadata light, List<LocalDate> changes) {
        return m.match(CalibrationTree.C8E, light, C8E_KEYS, changes, List.of(), "M 31/accept/DATE_x");
    }

    @Test
    void exactMatchUsesTheOneMasterWithEveryKeyEqual() {
        MasterFrame d300 = dark("300.00");
        MasterFrame l = flat("2025-03-01", "L");
        CalibrationMatcher m = matcher(List.of(dark("120.00"), d300, l, flat("2025-03-01", "R"), flat("2025-03-02", "L")),
                FlatFallback.NONE, false, FlatDecider.UNANSWERED);

        GroupMatch g = match(m, light("2025-03-01", "L", "300.00"), List.of());

        assertEquals(MasterMatch.Status.EXACT, g.dark().status());
        assertSame(d300, g.dark().master());
        assertEquals(MasterMatch.Status.EXACT, g.flat().status());
        assertSame(l, g.flat().master());
        assertEquals(MasterMatch.Status.NOT_NEEDED, g.bias().status(), "no bias without dark scaling");
        assertTrue(g.satisfied());
    }

    @Test
    void twoEqualMastersAreAmbiguousAndNeitherIsUsed() {
        MasterFrame a = dark("300.00");
        MasterFrame b = dark("300.00");
        CalibrationMatcher m = matcher(List.of(a, b, flat("2025-03-01", "L")), FlatFallback.NONE, false,
                FlatDecider.UNANSWERED);

        GroupMatch g = match(m, light("2025-03-01", "L", "300.00"), List.of());

        assertEquals(MasterMatch.Status.AMBIGUOUS, g.dark().status());
        assertNull(g.dark().master());
        assertEquals(List.of(a, b), g.dark().candidates());
        assertFalse(g.dark().needsCopy());
        assertEquals(MasterMatch.Status.EXACT, g.flat().status(), "the flat of the same group is still found");
    }

    @Test
    void aDifferentGainOrReadoutModeIsNoMatch() {
        Map<Field, String> v = common();
        v.put(Field.TYPE, "MASTER DARK");
        v.put(Field.EXPOSURE, "300.00");
        v.put(Field.GAIN, "0");
        MasterFrame gain0 = new MasterFrame(Path.of("g0.xisf"), MasterKind.DARK, FrameMetadata.of(Path.of("g0"), v));
        CalibrationMatcher m = matcher(List.of(gain0), FlatFallback.NONE, false, FlatDecider.UNANSWERED);

        GroupMatch g = match(m, light("2025-03-01", "L", "300.00"), List.of());

        assertEquals(MasterMatch.Status.MISSING, g.dark().status());
        assertTrue(g.dark().detail().contains("GAIN 100"), g.dark().detail());
        GroupMatch sqa = m.match(CalibrationTree.SQA55, light("2025-03-01", "L", "300.00"),
                C8E_KEYS.withReadoutMode(), List.of(), List.of(), "");
        assertEquals(MasterMatch.Status.MISSING, sqa.dark().status());
    }

    @Test
    void flatOfAnotherNightOnlyByPolicy() {
        MasterFrame before = flat("2025-03-01", "L"); // 2 days before the lights
        MasterFrame after = flat("2025-03-06", "L"); // 3 days after
        List<MasterFrame> lib = List.of(dark("300.00"), before, after, flat("2025-03-03", "R"));
        FrameMetadata l = light("2025-03-03", "L", "300.00");

        assertEquals(MasterMatch.Status.MISSING, match(matcher(lib, FlatFallback.NONE, false, null), l, List.of())
                .flat().status(), "none: nothing is guessed");
        GroupMatch earlier = match(matcher(lib, FlatFallback.EARLIER, false, null), l, List.of());
        assertEquals(MasterMatch.Status.FALLBACK, earlier.flat().status());
        assertSame(before, earlier.flat().master());
        assertEquals("flat of 2025-03-01, 2 days earlier", earlier.flat().detail());
        assertSame(after, match(matcher(lib, FlatFallback.LATER, false, null), l, List.of()).flat().master());
        assertSame(before, match(matcher(lib, FlatFallback.NEAREST, false, null), l, List.of()).flat().master());
        assertEquals(MasterMatch.Status.MISSING,
                match(matcher(lib, FlatFallback.LATER, false, null), light("2025-03-07", "L", "300.00"), List.of())
                        .flat().status(), "no later flat at all");
    }

    @Test
    void nearestPrefersTheEarlierFlatOnATie() {
        MasterFrame before = flat("2025-03-01", "L");
        List<MasterFrame> lib = List.of(flat("2025-03-05", "L"), before);
        assertSame(before, match(matcher(lib, FlatFallback.NEAREST, false, null), light("2025-03-03", "L", "300.00"),
                List.of()).flat().master());
    }

    @Test
    void aFlatIsNeverTakenAcrossARigChange() {
        MasterFrame before = flat("2025-03-01", "L");
        MasterFrame after = flat("2025-03-06", "L");
        List<LocalDate> changed = List.of(LocalDate.of(2025, 3, 2));
        FrameMetadata l = light("2025-03-03", "L", "300.00");

        GroupMatch earlier = match(matcher(List.of(before, after), FlatFallback.EARLIER, false, null), l, changed);
        assertEquals(MasterMatch.Status.MISSING, earlier.flat().status());
        GroupMatch onlyAcross = match(matcher(List.of(before), FlatFallback.NEAREST, false, null), l, changed);
        assertEquals(MasterMatch.Status.MISSING, onlyAcross.flat().status());
        assertTrue(onlyAcross.flat().detail().contains("rig change"), onlyAcross.flat().detail());
        assertSame(after, match(matcher(List.of(before, after), FlatFallback.NEAREST, false, null), l, changed)
                .flat().master(), "the later flat is inside the same rig period");
        MasterFrame onChangeDay = flat("2025-03-02", "L");
        assertSame(onChangeDay, match(matcher(List.of(before, onChangeDay), FlatFallback.EARLIER, false, null), l, changed)
                .flat().master(), "flats taken on the day of the change belong to the new period");
    }

    @Test
    void askOffersOnlyTheSamePeriodNearestFirstAndAsksOncePerNightAndFilter() {
        MasterFrame across = flat("2025-02-20", "L");
        MasterFrame near = flat("2025-03-02", "L");
        MasterFrame far = flat("2025-03-08", "L");
        List<FlatDecider.Question> asked = new ArrayList<>();
        CalibrationMatcher m = matcher(List.of(across, near, far), FlatFallback.ASK, false, q -> {
            asked.add(q);
            return FlatDecider.Answer.use(LocalDate.of(2025, 3, 8));
        });
        List<LocalDate> changed = List.of(LocalDate.of(2025, 3, 1));

        GroupMatch first = match(m, light("2025-03-03", "L", "300.00"), changed);
        GroupMatch otherTarget = m.match(CalibrationTree.C8E, light("2025-03-03", "L", "300.00"), C8E_KEYS, changed,
                List.of(), "M 42/accept/DATE_2025-03-03");

        assertEquals(1, asked.size(), "one question for the night and filter, whatever the number of targets");
        assertEquals(List.of(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 8)),
                asked.get(0).options().stream().map(FlatDecider.Option::date).toList());
        assertEquals(-1, asked.get(0).options().get(0).days());
        assertSame(far, first.flat().master());
        assertEquals(MasterMatch.Status.FALLBACK, otherTarget.flat().status());

        assertEquals(MasterMatch.Status.MISSING, match(matcher(List.of(near), FlatFallback.ASK, false,
                q -> FlatDecider.Answer.none()), light("2025-03-03", "L", "300.00"), changed).flat().status());
        GroupMatch open = match(matcher(List.of(near), FlatFallback.ASK, false, FlatDecider.UNANSWERED),
                light("2025-03-03", "L", "300.00"), changed);
        assertEquals(MasterMatch.Status.UNDECIDED, open.flat().status());
        assertFalse(open.satisfied());
    }

    @Test
    void darkScalingUsesTheLongestShorterDarkAndABias() {
        MasterFrame d120 = dark("120.00");
        MasterFrame b = bias();
        List<MasterFrame> lib = List.of(dark("60.00"), d120, dark("600.00"), b, flat("2025-03-01", "L"));
        FrameMetadata l = light("2025-03-01", "L", "300.00");

        GroupMatch scaled = match(matcher(lib, FlatFallback.NONE, true, null), l, List.of());
        assertEquals(MasterMatch.Status.SCALED, scaled.dark().status());
        assertSame(d120, scaled.dark().master());
        assertEquals(MasterMatch.Status.EXACT, scaled.bias().status());
        assertSame(b, scaled.bias().master());
        assertTrue(scaled.satisfied());

        assertEquals(MasterMatch.Status.MISSING, match(matcher(lib, FlatFallback.NONE, false, null), l, List.of())
                .dark().status(), "without dark scaling only the exact exposure counts");
        GroupMatch noBias = match(matcher(List.of(d120), FlatFallback.NONE, true, null), l, List.of());
        assertEquals(MasterMatch.Status.MISSING, noBias.dark().status(), "never a scaled dark without a bias");
        assertEquals(MasterMatch.Status.MISSING, noBias.bias().status());
        GroupMatch onlyLonger = match(matcher(List.of(dark("600.00"), bias()), FlatFallback.NONE, true, null), l,
                List.of());
        assertEquals(MasterMatch.Status.MISSING, onlyLonger.dark().status(), "never a longer dark");
    }

    @Test
    void mastersAlreadyNextToTheLightsArePresentAndNothingIsCopied() {
        MasterFrame libraryDark = dark("300.00");
        MasterFrame presentDark = dark("300.00");
        MasterFrame presentFlat = flat("2025-02-27", "L"); // chosen earlier from another night
        CalibrationMatcher m = matcher(List.of(libraryDark, flat("2025-03-01", "L")), FlatFallback.NONE, false, null);

        GroupMatch g = m.match(CalibrationTree.C8E, light("2025-03-01", "L", "300.00"), C8E_KEYS, List.of(),
                List.of(presentDark, presentFlat), "");

        assertEquals(MasterMatch.Status.PRESENT, g.dark().status());
        assertSame(presentDark, g.dark().master());
        assertEquals(MasterMatch.Status.PRESENT, g.flat().status());
        assertEquals("present (flat of 2025-02-27)", g.flat().detail());
        assertTrue(g.all().stream().noneMatch(MasterMatch::needsCopy));
    }

    @Test
    void presenceAloneDecidesWhetherANightIsCalibrated() {
        FrameMetadata l = light("2025-03-01", "L", "300.00");
        assertTrue(CalibrationMatcher.present(l, C8E_KEYS, List.of(dark("300.00"), flat("2025-03-01", "L")), false)
                .satisfied());
        GroupMatch noFlat = CalibrationMatcher.present(l, C8E_KEYS, List.of(dark("300.00"), flat("2025-03-01", "R")), false);
        assertEquals(List.of(MasterKind.FLAT), noFlat.problems().stream().map(MasterMatch::kind).toList());
        List<MasterFrame> scaled = List.of(dark("120.00"), bias(), flat("2025-03-01", "L"));
        assertFalse(CalibrationMatcher.present(l, C8E_KEYS, scaled, false).satisfied());
        assertTrue(CalibrationMatcher.present(l, C8E_KEYS, scaled, true).satisfied(),
                "with dark scaling a shorter dark and a bias next to the lights are enough");
    }
}
