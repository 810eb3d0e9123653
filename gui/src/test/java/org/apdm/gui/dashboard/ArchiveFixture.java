package org.apdm.gui.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.testing.BlinkTree;

/**
 * A small archive with every case the dashboard shows: frames waiting in 10_Blink, an accepted night without
 * masters, a calibrated and an uncalibrated night in 20_Data, an unknown stage, and files waiting in RAW.
 * Read through the core inventory, as {@code apdm status} reads it.
 */
final class ArchiveFixture {

    static final String C8E = BlinkTree.C8E;
    static final String SQA55 = BlinkTree.SQA55;

    final Path raw;
    final Path data;
    final Path reject;
    final Path config;

    ArchiveFixture(Path tmp) throws IOException {
        raw = tmp.resolve("RAW");
        data = tmp.resolve("Data");
        reject = tmp.resolve("Reject");
        config = tmp.resolve("apdm.yaml");
        BlinkTree blink = new BlinkTree(data);
        for (int i = 0; i < 4; i++) {
            blink.light(C8E, "M 31", "2025-01-01", "L", i * 5, 3.0, 900, 0.8);
        }
        for (int i = 0; i < 3; i++) {
            blink.light(C8E, "M 31", "2025-01-01", "R", 30 + i * 5, 3.0, 900, 0.8);
        }
        for (int i = 0; i < 2; i++) {
            blink.light(C8E, "M 31", "2025-01-02", "L", i * 5, 3.0, 900, 0.8);
        }
        Path accepted = data.resolve(C8E).resolve("10_Blink").resolve("M 31").resolve("accept").resolve("DATE_2025-01-03")
                .resolve("FILTER_L_EXP_300.00");
        frames(accepted, 2);
        Path heart = data.resolve(SQA55).resolve("20_Data").resolve("Heart Nebula").resolve("accept");
        frames(heart.resolve("DATE_2024-12-01").resolve("FILTER_H_EXP_300.00"), 3);
        SampleFiles.writeFits(heart.resolve("DATE_2024-12-01").resolve("masterDark_EXP_300.00.xisf"), Map.of("IMAGETYP", "MASTERDARK"));
        SampleFiles.writeFits(heart.resolve("DATE_2024-12-01").resolve("masterFlat_FILTER_H.xisf"), Map.of("IMAGETYP", "MASTERFLAT"));
        frames(heart.resolve("DATE_2024-12-02").resolve("FILTER_H_EXP_300.00"), 2);
        frames(data.resolve(SQA55).resolve("70_Abandon").resolve("Old Target").resolve("accept").resolve("DATE_2023-01-01")
                .resolve("FILTER_L_EXP_60.00"), 2);
        frames(raw.resolve("M 42").resolve("2025-02-01").resolve("LIGHT"), 2);
        Files.createDirectories(reject);
        // no free-space warning, whatever the test machine's disk: the queue is the archive's
        Files.writeString(config, "roots:\n  raw: RAW\n  data: Data\n  reject: Reject\nstate_dir: state\n"
                + "status:\n  low_disk_percent: 0\n", StandardCharsets.UTF_8);
    }

    /** The configuration the fixture wrote, loaded as the window loads it. */
    org.apdm.core.config.ApdmConfig load(Path tmp) throws org.apdm.core.config.ConfigException {
        return org.apdm.core.config.ConfigLoader.load(config, org.apdm.gui.GuiTestKit.options(tmp, config).locations(), Map.of());
    }

    /** What the dashboard's source makes of the fixture with these plans. */
    ArchiveSummary summary(Path tmp, org.apdm.core.inventory.DesiredFrames desired) throws Exception {
        org.apdm.core.config.ApdmConfig c = load(tmp);
        org.apdm.core.inventory.InventoryScan scan = new org.apdm.core.inventory.InventoryScanner(c).scan(data,
                org.apdm.core.inventory.InventoryScanner.Options.STATUS, org.apdm.core.task.ProgressListener.NONE,
                org.apdm.core.task.CancellationToken.none());
        return InventorySummarySource.summarize(scan, c, desired, java.util.List.of(), java.time.Instant.now());
    }

    private static void frames(Path folder, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            SampleFiles.writeFits(folder.resolve(String.format("2025-01-01_22-%02d-00_HFR_2.50.fits", i)),
                    Map.of("IMAGETYP", "LIGHT", "NOTE", folder + "/" + i));
        }
    }
}
