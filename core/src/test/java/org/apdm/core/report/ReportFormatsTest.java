package org.apdm.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apdm.core.inventory.DesiredFrames;
import org.junit.jupiter.api.Test;

/** The report files' formats: CSV quoting, AstroBin lines, totals, the HTML page. */
class ReportFormatsTest {

    static ReportRow row(String target, String panel, String night, String filter, Integer id, int frames, double exp) {
        return new ReportRow("C8E@f10.0+ZWO ASI2600MM Pro", "20_Data", target, "/data/C8E@f10.0+ZWO ASI2600MM Pro/20_Data/"
                + target, panel, night, filter, id, frames, exp, "10.0", 100.0, -10, 30, 20, null, 5);
    }

    @Test
    void csvQuotesNamesWithCommasQuotesAndLineBreaks() {
        String csv = new CsvWriter()
                .row("target", "frames")
                .row("Pinwheel Galaxy, M101 (90d)", 12)
                .row("Bode's \"Galaxy\"", 3)
                .row("two\nlines", null)
                .row(" padded", "plain")
                .toString();
        assertEquals("target,frames\n"
                + "\"Pinwheel Galaxy, M101 (90d)\",12\n"
                + "\"Bode's \"\"Galaxy\"\"\",3\n"
                + "\"two\nlines\",\n"
                + "\" padded\",plain\n", csv);
    }

    @Test
    void astrobinLinesArePerNightFilterAndExposureWithPanelsAddedUp() {
        List<ReportRow> rows = List.of(
                row("Orion Mosaic, M42", "1", "2025-01-02", "H", 2631, 10, 300),
                row("Orion Mosaic, M42", "2", "2025-01-02", "H", 2631, 12, 300),
                row("Orion Mosaic, M42", "1", "2025-01-02", "H", 2631, 4, 60),
                row("Orion Mosaic, M42", "", "2025-01-01", "O", 2630, 7, 300),
                row("Orion Mosaic, M42", "", "2025-01-01", "Quad", null, 3, 0.05));
        String csv = AstrobinCsv.format(AstrobinCsv.lines(rows));
        assertEquals("date,filter,number,duration,gain,sensorCooling,fNumber,darks,flats,bias,bortle\n"
                + "2025-01-01,2630,7,300,100,-10,10,30,20,,5\n"
                + "2025-01-01,,3,0.05,100,-10,10,30,20,,5\n"
                + "2025-01-02,2631,4,60,100,-10,10,30,20,,5\n"
                + "2025-01-02,2631,22,300,100,-10,10,30,20,,5\n", csv);
        assertEquals(List.of("Quad"), AstrobinCsv.filtersWithoutId(rows));
    }

    @Test
    void totalsHaveWantAndNeedPerFilterAndPanel() {
        List<ReportRow> rows = List.of(
                row("M 31", "", "2025-01-01", "H", 2631, 24, 300),   // 2.0 h
                row("M 31", "", "2025-01-02", "H", 2631, 12, 300),   // 1.0 h
                row("M 31", "", "2025-01-02", "O", 2630, 6, 300));   // 0.5 h
        DesiredFrames want = (rig, target) -> List.of(new DesiredFrames.Desired("H", "", 48, 300),
                new DesiredFrames.Desired("O", "", 12, 300), new DesiredFrames.Desired("S", "", 24, 300));
        TargetTotals.Totals t = TargetTotals.of("M 31", "C8E@f10.0+ZWO ASI2600MM Pro", "20_Data", rows, want,
                List.of("L", "R", "G", "B", "O", "S", "H"));
        assertEquals(List.of("O", "S", "H"), t.entries().stream().map(TargetTotals.Entry::filter).toList(),
                "in the rig's priority order");
        TargetTotals.Entry h = t.entries().get(2);
        assertEquals(3.0, h.have(), 1e-9);
        assertEquals(4.0, h.want(), 1e-9);
        assertEquals(1.0, h.need(), 1e-9);
        assertEquals(0.5, t.entries().get(0).need(), 1e-9, "O: 0.5 of 1.0 wanted");
        assertEquals(3.5, t.need(), 1e-9);
        assertEquals(0.0, t.completion(), 1e-9, "S has nothing yet");
        String text = TargetTotals.format(t);
        assertTrue(text.endsWith("""
                filter     panel        have     want     need
                O                        0.5      1.0      0.5
                S                        0.0      2.0      2.0
                H                        3.0      4.0      1.0
                total                    3.5      7.0      3.5
                """), text);

        TargetTotals.Totals unknown = TargetTotals.of("M 31", "rig", "20_Data", rows, DesiredFrames.NONE, List.of());
        assertFalse(unknown.wantKnown());
        assertTrue(TargetTotals.format(unknown).contains("Want and need are unknown"));
        assertTrue(TargetTotals.format(unknown).contains("H                        3.0        -        -\n"),
                TargetTotals.format(unknown));
    }

    @Test
    void totalsOfArchiveFoldersEqualThoseOfTheRecordedRows() {
        String rig = "C8E@f10.0+ZWO ASI2600MM Pro";
        java.nio.file.Path base = java.nio.file.Path.of("/data", rig, "20_Data", "M 31", "accept");
        List<org.apdm.core.inventory.InventoryFolder> folders = List.of(
                new org.apdm.core.inventory.InventoryFolder(rig, "20_Data", "M 31", "", "2025-01-01", "H", "300.00",
                        base.resolve("a"), 24, 2.0, true, true, true, false),
                new org.apdm.core.inventory.InventoryFolder(rig, "20_Data", "M 31", "", "2025-01-02", "H", "300.00",
                        base.resolve("b"), 12, 1.0, true, true, true, false),
                new org.apdm.core.inventory.InventoryFolder(rig, "20_Data", "M 31", "", "2025-01-02", "O", "300.00",
                        base.resolve("c"), 6, 0.5, true, true, true, false),
                new org.apdm.core.inventory.InventoryFolder(rig, "20_Data", "M 31", "", "2025-01-03", "O", "300.00",
                        base.resolve("d"), 60, 5.0, false, false, false, false)); // not through blink: not counted
        List<ReportRow> rows = List.of(
                row("M 31", "", "2025-01-01", "H", 2631, 24, 300),
                row("M 31", "", "2025-01-02", "H", 2631, 12, 300),
                row("M 31", "", "2025-01-02", "O", 2630, 6, 300));
        DesiredFrames want = (r, target) -> List.of(new DesiredFrames.Desired("H", "", 48, 300),
                new DesiredFrames.Desired("O", "", 12, 300));
        TargetTotals.Totals fromArchive = TargetTotals.ofFolders("M 31", rig, "20_Data", folders, want, List.of());
        TargetTotals.Totals fromDatabase = TargetTotals.of("M 31", rig, "20_Data", rows, want, List.of());
        assertEquals(fromDatabase, fromArchive);
        assertEquals(50.0, fromArchive.completion(), 1e-9, "O has half of what is wanted");
        assertEquals(null, TargetTotals.ofFolders("M 31", rig, "20_Data", folders, (r, t) -> List.of(), List.of())
                .completion(), "nothing planned: no completion");
    }

    @Test
    void htmlPageIsSelfContainedAndEscapesNames() {
        List<SummaryReport.Line> lines = SummaryReport.lines(List.of(
                row("Bode's <Galaxy> & \"Friends\"", "", "2025-01-01", "H", 2631, 24, 300),
                row("M 31", "", "2025-01-01", "L", 2625, 30, 120)), DesiredFrames.NONE);
        String html = SummaryReport.html(lines, "Astrophotography data", false);
        assertTrue(html.contains("<svg"), "the chart is inline SVG");
        assertTrue(html.contains("Bode&#39;s &lt;Galaxy&gt; &amp; &quot;Friends&quot;"));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "nothing fetched from the internet");
        String text = SummaryReport.text(lines, false);
        assertTrue(text.contains("All rigs: 1 rig(s), 2 target folder(s), 54 frames, 3.0 hours"), text);
    }

    @Test
    void placeOfARecordedFolderWithEitherSeparator() {
        ReportRow.Place p = ReportRow.place(
                "F:\\Astrophotography\\Data\\Z73@f5.9+ZWO ASI2600MM Pro\\60_Done\\Andromeda, M31\\accept\\PANEL_1\\DATE_2021-11-24\\LIGHT_R");
        assertEquals("Z73@f5.9+ZWO ASI2600MM Pro", p.rig());
        assertEquals("60_Done", p.stage());
        assertEquals("F:\\Astrophotography\\Data\\Z73@f5.9+ZWO ASI2600MM Pro\\60_Done\\Andromeda, M31", p.targetFolder());
        assertEquals("/d/R@f2+C/20_Data/T", ReportRow.place("/d/R@f2+C/20_Data/T/accept/DATE_x/accept").targetFolder());
    }
}
