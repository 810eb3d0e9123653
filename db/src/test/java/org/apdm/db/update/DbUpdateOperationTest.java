package org.apdm.db.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AcceptedDataRepository;
import org.apdm.db.AcceptedRow;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseSetup;
import org.apdm.db.LocationRepository;
import org.apdm.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apdm db update} on a small archive: create, idempotence, update, delete and a stage move. */
class DbUpdateOperationTest {

    static final String C8E = "C8E@f10.0+ZWO ASI2600MM Pro";
    static final String SQA = "SQA55@f5.3+ATR585M";
    static final String TARGET = "Bode's \"Galaxy\", M81";

    @TempDir
    Path dir;
    Path data;
    AstroDatabase db;
    ApdmConfig config;

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("Data");
        config = ConfigLoader.load(null, new ConfigLocations(dir.resolve("none.yaml"), dir.resolve("state")), Map.of());
        db = TestDatabases.open(dir.resolve("astrophotography.sqlite"));
        DatabaseSetup.init(db, config);
        TestDatabases.addUsersSites(db);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    /** Writes {@code n} lights at Raleigh (site RL) into a folder below the data root. */
    Path lights(String rel, int n, double lat, double lon) throws IOException {
        return lights(rel, 0, n, lat, lon);
    }

    Path lights(String rel, int from, int n, double lat, double lon) throws IOException {
        Path folder = data.resolve(rel);
        for (int i = from; i < from + n; i++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", "LIGHT");
            h.put("EXPOSURE", 120.0);
            h.put("GAIN", 100);
            h.put("SET-TEMP", -10.0);
            h.put("SITELAT", lat);
            h.put("SITELONG", lon);
            h.put("DATE-LOC", "2025-03-01T22:0" + i + ":00");
            SampleFiles.writeFits(folder.resolve(String.format("2025-03-02_03-%02d-00_HFR_2.1%d.fits", i, i)), h);
        }
        return folder;
    }

    DbUpdateOperation.Result run(boolean create, boolean update, boolean delete, String... rigs) throws IOException {
        return new DbUpdateOperation(config, db).run(new DbUpdateOperation.Request(data, Set.of(rigs), create, update,
                delete, false), ProgressListener.NONE, CancellationToken.none());
    }

    List<AcceptedRow> rows() throws IOException {
        return db.read("test", c -> new AcceptedDataRepository(c).all()).stream()
                .sorted(Comparator.comparing(AcceptedRow::rawDirectory)).toList();
    }

    void archive() throws IOException {
        Path l = lights(C8E + "/20_Data/" + TARGET + "/accept/DATE_2025-03-01/FILTER_L_EXP_120.00_SETTEMP_-10.00", 3,
                35.6053, -78.7936);
        // a master dark beside the lights and a note are not frames
        SampleFiles.writeFits(l.getParent().resolve("masterDark_EXPOSURE_120.00_SETTEMP_-10.00.fits"),
                Map.of("IMAGETYP", "MASTER DARK", "NCOMBINE", 30));
        Files.writeString(l.resolve("notes.txt"), "seeing was poor");
        lights(C8E + "/20_Data/" + TARGET + "/accept/DATE_2025-03-01/FILTER_R_EXP_120.00_SETTEMP_-10.00_PANEL_1", 2,
                35.6053, -78.7936);
        lights(C8E + "/20_Data/" + TARGET + "/accept/DATE_2025-03-01/FILTER_R_EXP_120.00_SETTEMP_-10.00_PANEL_10", 4,
                35.6053, -78.7936);
        // frames not yet blinked are not accepted data
        lights(C8E + "/10_Blink/M 42/DATE_2025-03-01/FILTER_L_EXP_120.00_SETTEMP_-10.00", 5, 35.6053, -78.7936);
        // taken far from every site: no site, never a default
        lights(SQA + "/20_Data/Heart Nebula/accept/DATE_2025-03-02/FILTER_H_EXP_120.00_SETTEMP_-10.00", 2, 48.1, 11.6);
    }

    @Test
    void aPlanWrittenLaterWritesExactlyWhatItShowedAndAPlanWritesNothing() throws Exception {
        archive();
        DbUpdateOperation op = new DbUpdateOperation(config, db);
        DbUpdateOperation.Result planned = op.plan(new DbUpdateOperation.Request(data, Set.of(), true, true, false, false),
                ProgressListener.NONE, CancellationToken.none());
        assertEquals(4, planned.plan().changes().size());
        assertEquals(List.of(), rows(), "planning writes nothing");

        DbUpdateOperation.Result written = op.write(planned, ProgressListener.NONE);
        assertTrue(written.written());
        List<AcceptedRow> rows = rows();
        assertEquals(List.of(3, 2, 4, 2), counts(rows));
        assertEquals(List.of(), run(true, true, true).plan().changes(), "the same rows `db update` writes");
    }

    @Test
    void createsOneRowPerAcceptedFolderAndASecondRunChangesNothing() throws Exception {
        archive();
        DbUpdateOperation.Result r = run(true, false, false);
        assertEquals(4, r.plan().count(AcceptedDataPlanner.Change.Insert.class));
        List<AcceptedRow> rows = rows();
        assertEquals(List.of(3, 2, 4, 2), counts(rows), "lights only: L, R panel 1, R panel 10, H");
        AcceptedRow l = byFilter(rows, "L");
        assertEquals(TARGET, l.target(), "a name with an apostrophe, quotes and a comma goes in unchanged");
        assertEquals("2025-03-01", l.date());
        assertEquals(120.0, l.shutterSeconds());
        assertEquals("", l.panel());
        assertEquals(100.0, l.gain());
        assertEquals(-10, l.sensorCooling());
        assertEquals(30, l.darks(), "NCOMBINE of the master dark for this exposure");
        assertEquals(siteId("RL"), l.locationId());
        AcceptedRow heart = rows.stream().filter(x -> x.target().equals("Heart Nebula")).findFirst().orElseThrow();
        assertNull(heart.locationId());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no site") && w.contains("km from the nearest site")),
                r.warnings().toString());

        DbUpdateOperation.Result again = run(true, true, true);
        assertEquals(List.of(), again.plan().changes(), "idempotent");
        assertEquals(4, again.plan().unchanged());
        assertEquals(rows, rows());
    }

    @Test
    void panelOneIsNotShadowedByPanelTen() throws Exception {
        lights(C8E + "/20_Data/M 33/accept/DATE_2025-03-01/FILTER_R_EXP_120.00_SETTEMP_-10.00_PANEL_10", 4, 35.6, -78.8);
        run(true, false, false);
        lights(C8E + "/20_Data/M 33/accept/DATE_2025-03-01/FILTER_R_EXP_120.00_SETTEMP_-10.00_PANEL_1", 2, 35.6, -78.8);
        DbUpdateOperation.Result r = run(true, false, false);
        assertEquals(1, r.plan().count(AcceptedDataPlanner.Change.Insert.class));
        assertEquals(Set.of("1", "10"), rows().stream().map(AcceptedRow::panel).collect(Collectors.toSet()));
    }

    @Test
    void updateRefreshesCountsOnlyWhenAsked() throws Exception {
        archive();
        run(true, false, false);
        lights(C8E + "/20_Data/" + TARGET + "/accept/DATE_2025-03-01/FILTER_R_EXP_120.00_SETTEMP_-10.00_PANEL_1", 2, 3,
                35.6053, -78.7936); // 3 more frames
        assertEquals(0, run(true, false, false).plan().changes().size(), "create alone keeps existing counts");
        DbUpdateOperation.Result r = run(false, true, false);
        assertEquals(1, r.plan().count(AcceptedDataPlanner.Change.Update.class));
        AcceptedDataPlanner.Change.Update u = (AcceptedDataPlanner.Change.Update) r.plan().changes().get(0);
        assertEquals("count 2 → 5", u.row().changesFrom(u.old()));
        assertEquals(5, rows().stream().filter(x -> x.panel().equals("1")).findFirst().orElseThrow().count());
    }

    @Test
    void deleteRemovesRowsOfGoneFoldersOnlyWhenAsked() throws Exception {
        archive();
        run(true, false, false);
        Path gone = data.resolve(C8E + "/20_Data/" + TARGET + "/accept/DATE_2025-03-01/FILTER_R_EXP_120.00_SETTEMP_-10.00_PANEL_10");
        deleteTree(gone);
        DbUpdateOperation.Result kept = run(true, true, false);
        assertEquals(List.of(), kept.plan().changes());
        assertTrue(kept.warnings().contains("1 row(s) point at folders that no longer exist; --delete removes them"));
        assertEquals(4, rows().size());
        DbUpdateOperation.Result r = run(false, false, true);
        assertEquals(1, r.plan().count(AcceptedDataPlanner.Change.Delete.class));
        assertEquals(3, rows().size());
        assertTrue(rows().stream().noneMatch(x -> x.rawDirectory().equals(gone.toString())));
    }

    @Test
    void aTargetMovedToAnotherStageKeepsItsRowsWithTheNewFolder() throws Exception {
        archive();
        run(true, false, false);
        List<AcceptedRow> before = rows();
        Path from = data.resolve(C8E).resolve("20_Data").resolve(TARGET);
        Path to = data.resolve(C8E).resolve("30_Master").resolve(TARGET);
        Files.createDirectories(to.getParent());
        Files.move(from, to);

        DbUpdateOperation.Result r = run(true, false, false);
        assertEquals(3, r.plan().count(AcceptedDataPlanner.Change.Move.class));
        assertEquals(0, r.plan().count(AcceptedDataPlanner.Change.Insert.class), "no second row for the same frames");
        List<AcceptedRow> after = rows();
        assertEquals(before.size(), after.size());
        assertEquals(before.stream().map(AcceptedRow::id).collect(Collectors.toSet()),
                after.stream().map(AcceptedRow::id).collect(Collectors.toSet()), "the same rows, moved");
        assertEquals(3, after.stream().filter(x -> x.rawDirectory().contains("30_Master")).count());
        assertEquals(0, after.stream().filter(x -> x.rawDirectory().contains(C8E + "/20_Data/")).count());
        assertEquals(before.stream().mapToInt(AcceptedRow::count).sum(), after.stream().mapToInt(AcceptedRow::count).sum());
        assertEquals(List.of(), run(true, true, true).plan().changes(), "and then nothing more to do");
    }

    @Test
    void onlyTheNamedRigAndRowsBelowTheRootAreTouched() throws Exception {
        archive();
        db.inTransaction("legacy row", c -> new AcceptedDataRepository(c).insert(new AcceptedRow(null,
                "F:\\Astrophotography\\Data\\" + C8E + "\\60_Done\\M 1\\accept\\DATE_2021-01-01\\FILTER_L_EXP_60.00",
                "2021-01-01", "", 60.0, 10, "ZWO ASI2600MM Pro", "C8E", "10.0", "M 1", "L", null, null, null, null, null,
                null)));
        DbUpdateOperation.Result r = run(true, true, true, SQA);
        assertEquals(1, r.plan().count(AcceptedDataPlanner.Change.Insert.class));
        assertEquals(0, r.plan().count(AcceptedDataPlanner.Change.Delete.class), "the old Windows row is not below this root");
        assertEquals(2, rows().size());
        r = run(true, true, true);
        assertEquals(3, r.plan().count(AcceptedDataPlanner.Change.Insert.class));
        assertEquals(5, rows().size());
    }

    private int siteId(String name) throws IOException {
        return db.read("site", c -> new LocationRepository(c).byName(name).orElseThrow().id());
    }

    private static AcceptedRow byFilter(List<AcceptedRow> rows, String filter) {
        return rows.stream().filter(r -> filter.equals(r.filter())).findFirst().orElseThrow();
    }

    private static List<Integer> counts(List<AcceptedRow> rows) {
        return rows.stream().map(AcceptedRow::count).toList();
    }

    static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
