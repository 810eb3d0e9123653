package org.apdm.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.db.AcceptedDataRepository;
import org.apdm.db.AcceptedRow;
import org.apdm.db.AstroDatabase;
import org.apdm.db.DatabaseSetup;
import org.apdm.db.ProfileRepository;
import org.apdm.db.profiles.ProfileImportOperation;
import org.apdm.db.update.DbUpdateOperation;
import org.testfx.api.FxRobot;

/**
 * An archive with accepted lights past 10_Blink (M 81 on the C8E in 20_Data: 5 L and 3 R; the Heart Nebula on the
 * SQA55 in 30_Master: 2 H), a N.I.N.A. profile folder and a configuration naming apdm's database and the Target
 * Scheduler's, for the database, report and scheduler pages.
 */
public final class AcceptedArchive {

    public static final String C8E = "C8E@f10.0+ZWO ASI2600MM Pro";
    public static final String SQA55 = "SQA55@f5.3+ATR585M";

    public final Path tmp;
    public final Path data;
    public final Path profiles;
    public final Path database;
    public final Path scheduler;
    public final Path config;
    public final Path m81;
    public final Path heart;

    public AcceptedArchive(Path tmp) throws IOException {
        this.tmp = tmp;
        data = tmp.resolve("Data");
        profiles = tmp.resolve("Profiles");
        database = tmp.resolve("db").resolve("astrophotography.sqlite");
        scheduler = tmp.resolve("NINA").resolve("schedulerdb.sqlite");
        config = tmp.resolve("apdm.yaml");
        m81 = data.resolve(C8E).resolve("20_Data").resolve("M 81");
        heart = data.resolve(SQA55).resolve("30_Master").resolve("Heart Nebula");
        lights(m81.resolve("accept/DATE_2025-03-01/FILTER_L_EXP_120.00_SETTEMP_-10.00"), "L", 120, 5);
        lights(m81.resolve("accept/DATE_2025-03-01/FILTER_R_EXP_120.00_SETTEMP_-10.00"), "R", 120, 3);
        lights(heart.resolve("accept/DATE_2025-03-02/FILTER_H_EXP_300.00_SETTEMP_-10.00"), "H", 300, 2);
        Files.createDirectories(tmp.resolve("RAW"));
        Files.createDirectories(tmp.resolve("Reject"));
        Files.createDirectories(profiles);
        Files.createDirectories(scheduler.getParent());
        Files.writeString(config, """
                roots:
                  raw: RAW
                  data: Data
                  reject: Reject
                state_dir: state
                database: db/astrophotography.sqlite
                nina:
                  profiles: Profiles
                scheduler:
                  database: NINA/schedulerdb.sqlite
                status:
                  low_disk_percent: 0
                """, StandardCharsets.UTF_8);
    }

    private static void lights(Path folder, String filter, double exposure, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("IMAGETYP", "LIGHT");
            h.put("FILTER", filter);
            h.put("EXPOSURE", exposure);
            h.put("GAIN", 100);
            h.put("DATE-LOC", "2025-03-01T22:0" + i + ":00");
            SampleFiles.writeFits(folder.resolve(String.format("2025-03-02_03-%02d-00_HFR_2.1%d.fits", i, i)), h);
        }
    }

    /** A minimal N.I.N.A. profile (DataContract XML, filters in the Equipment namespace) in the profile folder. */
    public Path profile(String id, String name, String... filters) throws IOException {
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < filters.length; i++) {
            f.append("<a:FilterInfo><a:_focusOffset>0</a:_focusOffset><a:_name>").append(filters[i])
                    .append("</a:_name><a:_position>").append(i).append("</a:_position></a:FilterInfo>");
        }
        Path file = profiles.resolve(id + ".profile");
        Files.writeString(file, """
                <Profile xmlns="http://schemas.datacontract.org/2004/07/NINA.Profile" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
                  <FilterWheelSettings i:type="FilterWheelSettings">
                    <FilterWheelFilters xmlns:a="http://schemas.datacontract.org/2004/07/NINA.Core.Model.Equipment">%s</FilterWheelFilters>
                  </FilterWheelSettings>
                  <Id>%s</Id>
                  <Name>%s</Name>
                </Profile>
                """.formatted(f, id, name), StandardCharsets.UTF_8);
        return file;
    }

    public ApdmConfig load() throws Exception {
        return ConfigLoader.load(config, GuiTestKit.options(tmp, config).locations(), Map.of());
    }

    /** apdm's database as the command line opens it. */
    public AstroDatabase open() throws Exception {
        ApdmConfig c = load();
        return DatabaseSetup.open(c, database, new FileEngine(EngineSettings.of(tmp.resolve("probe-state"))),
                Clock.systemDefaultZone(), true);
    }

    /** What {@code apdm db import-profiles} and {@code apdm db update} leave in the database. */
    public void recordWithTheCommandLinesOperations() throws Exception {
        ApdmConfig c = load();
        try (AstroDatabase db = open()) {
            ProfileImportOperation.run(db, c, profiles, Map.of(), false);
            new DbUpdateOperation(c, db).run(new DbUpdateOperation.Request(data, Set.of(), true, true, false, false),
                    ProgressListener.NONE, CancellationToken.none());
        }
    }

    public List<AcceptedRow> rows() throws Exception {
        try (AstroDatabase db = open()) {
            return db.read("test", c -> new AcceptedDataRepository(c).all()).stream()
                    .sorted(Comparator.comparing(AcceptedRow::rawDirectory)).toList();
        }
    }

    public List<ProfileRepository.Profile> profileRows() throws Exception {
        try (AstroDatabase db = open()) {
            return db.read("test", c -> new ProfileRepository(c).all());
        }
    }

    /** The node of {@code query} that is on screen (a page with tabs holds one of each button per tab). */
    public static <T extends Node> T shown(FxRobot robot, String query) {
        return GuiTestKit.fx(() -> robot.lookup(query).queryAll().stream().filter(AcceptedArchive::onScreen)
                .map(n -> {
                    @SuppressWarnings("unchecked")
                    T t = (T) n;
                    return t;
                }).findFirst().orElseThrow(() -> new AssertionError("no visible " + query)));
    }

    public static boolean isShown(FxRobot robot, String query) {
        return GuiTestKit.fx(() -> robot.lookup(query).queryAll().stream().anyMatch(AcceptedArchive::onScreen));
    }

    private static boolean onScreen(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
