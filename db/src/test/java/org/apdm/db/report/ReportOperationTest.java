package org.apdm.db.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.report.SummaryReport;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseSetup;
import org.apdm.db.TestDatabases;
import org.apdm.db.update.DbUpdateOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apdm report}: per-target files from the database, never clobbering a file apdm did not write. */
class ReportOperationTest {

    static final String RIG = "C8E@f10.0+ZWO ASI2600MM Pro";
    static final String TARGET = "Pinwheel Galaxy, M101 \"90d\"";

    @TempDir
    Path dir;

    ApdmConfig config() throws Exception {
        return ConfigLoader.load(null, new ConfigLocations(dir.resolve("none.yaml"), dir.resolve("state")), Map.of());
    }

    void lights(Path folder, int n, double exposure) throws Exception {
        for (int i = 0; i < n; i++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", "LIGHT");
            h.put("EXPOSURE", exposure);
            h.put("GAIN", 100);
            h.put("SITELAT", 35.6);
            h.put("SITELONG", -78.8);
            SampleFiles.writeFits(folder.resolve("f" + i + ".fits"), h);
        }
    }

    ReportOperation.Result report(AstroDatabase db, ApdmConfig config, Path data) throws Exception {
        ReportFileWriter w = new ReportFileWriter(db, TestDatabases.engine(dir), TestDatabases.CLOCK);
        return new ReportOperation(config, db, w).run(new ReportOperation.Request(data, Set.of(), true,
                dir.resolve("report.html"), dir.resolve("report.csv"), false), DesiredFrames.NONE);
    }

    @Test
    void writesTheTargetFilesAndKeepsAHandMadeOneAside() throws Exception {
        Path data = dir.resolve("Data");
        Path target = data.resolve(RIG).resolve("20_Data").resolve(TARGET);
        lights(target.resolve("accept/DATE_2025-03-01/FILTER_H_EXP_300.00_SETTEMP_-10.00"), 12, 300);
        lights(target.resolve("accept/DATE_2025-03-01/FILTER_O_EXP_300.00_SETTEMP_-10.00"), 6, 300);
        lights(target.resolve("accept/DATE_2025-03-02/FILTER_H_EXP_300.00_SETTEMP_-10.00"), 12, 300);
        ApdmConfig config = config();
        try (AstroDatabase db = TestDatabases.open(dir.resolve("astrophotography.sqlite"))) {
            DatabaseSetup.init(db, config);
            TestDatabases.addUsersSites(db);
            new DbUpdateOperation(config, db).run(new DbUpdateOperation.Request(data, Set.of(), true, false, false, false),
                    ProgressListener.NONE, CancellationToken.none());
            // the old script's file is replaced; a totals.txt the user typed is kept aside
            Files.writeString(target.resolve("astrobin_csv.txt"), "date,filter,number,duration,fNumber,bortle\n2025-03-01,2631,1,300,10.0,5\n");
            Files.writeString(target.resolve("totals.txt"), "my own notes: 10 h of H wanted\n");

            ReportOperation.Result r = report(db, config, data);

            assertEquals("""
                    date,filter,number,duration,gain,sensorCooling,fNumber,darks,flats,bias,bortle
                    2025-03-01,2631,12,300,100,-10,10,,,,5
                    2025-03-01,2630,6,300,100,-10,10,,,,5
                    2025-03-02,2631,12,300,100,-10,10,,,,5
                    """, Files.readString(target.resolve("astrobin_csv.txt")));
            String totals = Files.readString(target.resolve("totals.txt"));
            assertTrue(totals.startsWith(TARGET + " (" + RIG + ", 20_Data)\n"), totals);
            assertTrue(totals.contains("O                        0.5        -        -\n"), totals);
            assertTrue(totals.contains("H                        2.0        -        -\n"), totals);
            Map<String, ReportFileWriter.Outcome> byName = new LinkedHashMap<>();
            r.files().forEach(o -> byName.put(o.file().getFileName().toString(), o));
            assertEquals(ReportFileWriter.Status.REPLACED, byName.get("astrobin_csv.txt").status());
            ReportFileWriter.Outcome kept = byName.get("totals.txt");
            assertEquals(ReportFileWriter.Status.KEPT_ASIDE, kept.status());
            assertEquals("my own notes: 10 h of H wanted\n", Files.readString(kept.keptAs()));
            assertEquals("totals-kept-20250610-120000.txt", kept.keptAs().getFileName().toString());

            String csv = Files.readString(dir.resolve("report.csv"));
            assertTrue(csv.contains("\n" + RIG + ",20_Data,\"Pinwheel Galaxy, M101 \"\"90d\"\"\",\""), csv);
            String html = Files.readString(dir.resolve("report.html"));
            assertTrue(html.contains("Pinwheel Galaxy, M101 &quot;90d&quot;"));

            ReportOperation.Result again = report(db, config, data);
            assertTrue(again.files().stream().allMatch(o -> o.status() == ReportFileWriter.Status.UNCHANGED),
                    again.files().toString());
        }
    }

    @Test
    void summaryOfHisDatabaseCountsEveryRigIncludingThoseWithoutAProfile() throws Exception {
        try (AstroDatabase db = TestDatabases.open(TestDatabases.legacyCopy(dir))) {
            ReportFileWriter w = new ReportFileWriter(db, TestDatabases.engine(dir), TestDatabases.CLOCK);
            ReportOperation.Result r = new ReportOperation(config(), db, w).run(new ReportOperation.Request(null, Set.of(),
                    true, null, null, true), DesiredFrames.NONE);
            assertEquals(80118, r.lines().stream().mapToInt(SummaryReport.Line::frames).sum());
            assertEquals(19, r.lines().stream().map(SummaryReport.Line::rig).distinct().count());
            assertEquals(297, r.lines().size());
            assertEquals(List.of(), r.files(), "his F:\\ folders are not on this computer: nothing written");
            assertTrue(r.warnings().get(0).startsWith("297 recorded target folder(s) are not on this computer"));
            assertTrue(r.text().contains("All rigs: 19 rig(s), 297 target folder(s), 80118 frames"), r.text());
        }
    }
}
