package org.apdm.nina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apdm.core.metadata.NormalizationRules;
import org.junit.jupiter.api.Test;

class AcceptedFramesMatcherTest {

    private static final String RIG = "C8E@f10.0+ZWO ASI2600MM Pro";
    private long id;

    private AcceptedFramesRepository.Frames row(String rig, String target, String panel, String filter, double exp,
                                                int count, String dir) {
        return new AcceptedFramesRepository.Frames(++id, rig, target, panel, filter, exp, count, dir);
    }

    private static int sum(List<AcceptedFramesMatcher.Located> l) {
        return l.stream().mapToInt(x -> x.frames().count()).sum();
    }

    @Test
    void schedulerNamesSplitLikeApdmSplitsAnObject() {
        assertArrayEquals(new String[] {"M33", "A"}, AcceptedFramesMatcher.targetAndPanel("M33 Panel A"));
        assertArrayEquals(new String[] {"Veil Panel West", "2"},
                AcceptedFramesMatcher.targetAndPanel("Veil Panel West Panel 2"), "the last ' Panel ' splits");
        assertArrayEquals(new String[] {"Cleopatras Eye NGC1535", ""},
                AcceptedFramesMatcher.targetAndPanel("Cleopatra's Eye NGC1535"), "quotes go, as in apdm's folders");
        assertArrayEquals(new String[] {"M 81", ""}, AcceptedFramesMatcher.targetAndPanel("M 81"));
    }

    @Test
    void namesCompareWithoutQuotesCaseOrExtraBlanksAndPanelsWithoutLeadingZeros() {
        AcceptedFramesMatcher m = new AcceptedFramesMatcher(List.of(
                row(RIG, "Cleopatras Eye NGC1535", "", "L", 60, 5, null),
                row(RIG, "Coma Cluster", "01", "G", 45, 7, null),
                row(RIG, "Coma Cluster", "None", "G", 45, 3, null)), Map.of());
        assertEquals(5, sum(m.find("c8e@f10+zwo asi2600mm pro", "Cleopatra's  Eye NGC1535", "", "L", 60)));
        assertEquals(7, sum(m.find(RIG, "Coma Cluster", "1", "G", 45)));
        assertEquals(3, sum(m.find(RIG, "Coma Cluster", "", "G", 45)), "the old scripts' literal None is no panel");
        assertEquals(0, sum(m.find(RIG, "Coma Cluster", "1", "G", 45.5)));
    }

    @Test
    void aSchedulerTargetWithAnUnderscoreMatchesTheFolderIngestWroteWithASpace() {
        AcceptedFramesMatcher m = new AcceptedFramesMatcher(List.of(row(RIG, "Rosette Nebula", "", "H", 300, 4, null)),
                Map.of());
        assertEquals(4, sum(m.find(RIG, "Rosette_Nebula", "", "H", 300)), "issue 11.5: ingest writes Rosette Nebula");
    }

    @Test
    void filterWheelNamesGoThroughTheConfiguredAliases() {
        AcceptedFramesMatcher m = new AcceptedFramesMatcher(List.of(row(RIG, "NGC 7000", "", "H", 300, 9, null)),
                NormalizationRules.DEFAULT_FILTER_ALIASES);
        assertEquals(9, sum(m.find(RIG, "NGC 7000", "", "Ha", 300)));
        assertEquals(9, sum(m.find(RIG, "NGC 7000", "", "h", 300)));
        assertEquals(0, sum(m.find(RIG, "NGC 7000", "", "O3", 300)));
    }

    @Test
    void aFolderInTwoStagesCountsOnceInTheLaterStageButDifferentFoldersAllCount() {
        String base = "F:\\Data\\" + RIG + "\\";
        AcceptedFramesMatcher m = new AcceptedFramesMatcher(List.of(
                row(RIG, "M 81", "", "L", 60, 27, base + "10_Blink\\M 81\\accept\\DATE_2025-04-28\\FILTER_L_EXP_60.00"),
                row(RIG, "M 81", "", "L", 60, 27, base + "30_Master\\M 81\\accept\\DATE_2025-04-28\\FILTER_L_EXP_60.00"),
                row(RIG, "M 81", "", "L", 60, 10, base + "30_Master\\M 81\\accept\\DATE_2025-04-29\\FILTER_L_EXP_60.00"),
                row(RIG, "M 81", "", "L", 60, 4, "F:/Data/" + RIG + "/60_Done/M 81/accept/DATE_2023-01-01/FILTER_L_EXP_60.00"),
                row(RIG, "M 81", "", "L", 60, 2, "somewhere without a stage")), Map.of());
        List<AcceptedFramesMatcher.Located> found = m.find(RIG, "M 81", "", "L", 60);
        assertEquals(27 + 10 + 4 + 2, sum(found));
        assertEquals(1, m.staleIgnored());
        assertTrue(found.stream().noneMatch(l -> "10_Blink".equals(l.stage())));
    }

    @Test
    void rowsWithoutARigAreIgnored() {
        AcceptedFramesMatcher m = new AcceptedFramesMatcher(List.of(row(null, "M 81", "", "L", 60, 5, null)), Map.of());
        assertEquals(0, m.used());
        assertEquals(0, m.find(null, "M 81", "").size());
    }
}
