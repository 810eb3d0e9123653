package org.apdm.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inventory counts and what it leaves out, and the facts the database needs. */
class InventoryScannerTest {

    static final String RIG = "C8E@f10.0+ZWO ASI2600MM Pro";

    @TempDir
    Path root;

    static Map<String, Object> light(double exposure, String filter) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("IMAGETYP", "LIGHT");
        h.put("EXPOSURE", exposure);
        if (filter != null) {
            h.put("FILTER", filter);
        }
        h.put("GAIN", 100);
        h.put("SITELAT", 35.6053);
        h.put("SITELONG", -78.7936);
        h.put("DATE-LOC", "2025-03-01T23:00:00");
        return h;
    }

    @Test
    void countsLightsOnlyAndKnowsEachNightsCalibration() throws IOException {
        Path night = root.resolve(RIG).resolve("20_Data/M 81/accept/DATE_2025-03-01");
        Path l = night.resolve("FILTER_L_EXP_120.00_SETTEMP_-10.00");
        Path h = night.resolve("FILTER_H_EXP_300.00_SETTEMP_-10.00");
        SampleFiles.writeFits(l.resolve("a.fits"), light(120, "L"));
        SampleFiles.writeXisf(l.resolve("b.xisf"), light(120, "L"));
        Files.write(l.resolve("c.CR2"), new byte[] {1, 2, 3});
        Files.writeString(l.resolve("notes.txt"), "not a frame");
        SampleFiles.writeFits(h.resolve("a.fits"), light(300, "H"));
        // masters of the night: a dark for 120 s only, a flat for L only, a bias
        SampleFiles.writeFits(night.resolve("masterDark_EXPOSURE_120.00_SETTEMP_-10.00.fits"), Map.of("NCOMBINE", 40));
        SampleFiles.writeXisf(night.resolve("masterFlat_FILTER_L_SETTEMP_-10.00.xisf"), Map.of("NCOMBINE", 25));
        SampleFiles.writeFits(night.resolve("MasterBias_SETTEMP_-10.00.fits"), Map.of("NCOMBINE", 100));
        // processed master lights and libraries are not frames
        SampleFiles.writeFits(root.resolve(RIG).resolve("20_Data/M 81/master/2025-03-05/1x/masterLight_L.fits"), light(120, "L"));
        SampleFiles.writeFits(root.resolve("_Dark Library/GAIN_100/masterDark.fits"), Map.of("NCOMBINE", 1));
        // past 10_Blink, files outside accept/ are processing output, not frames
        SampleFiles.writeFits(root.resolve(RIG).resolve("20_Data/M 81/process/registered/a_r.xisf.fits"), light(120, "L"));
        Files.createDirectories(root.resolve("Not a rig"));

        InventoryScan scan = new InventoryScanner().scan(root, InventoryScanner.Options.DATABASE,
                ProgressListener.NONE, CancellationToken.none());
        List<InventoryFolder> folders = scan.inventory().folders();
        assertEquals(2, folders.size());
        InventoryFolder hf = folders.get(0);
        InventoryFolder lf = folders.get(1);
        assertEquals("H", hf.filter());
        assertEquals(1, hf.frames());
        assertFalse(hf.hasDarks(), "the only master dark is for 120 s");
        assertFalse(hf.hasFlats(), "the only master flat is for L");
        assertTrue(hf.hasBias());
        assertEquals("L", lf.filter());
        assertEquals(3, lf.frames(), "FITS, XISF and CR2 lights; not the text file or the masters");
        assertEquals(3 * 120 / 3600.0, lf.hours(), 1e-9);
        assertTrue(lf.hasDarks() && lf.hasFlats() && lf.hasBias());
        FolderFacts facts = scan.facts().get(lf.folder());
        assertEquals(40, facts.darks());
        assertEquals(25, facts.flats());
        assertEquals(100, facts.bias());
        assertEquals("35.6", facts.latitude());
        assertEquals("-78.8", facts.longitude());
        assertEquals("100", facts.gain());
        assertEquals("-10.00", facts.setTemp());
        assertEquals(List.of(), scan.inventory().problems());
        assertEquals(List.of(root.resolve("Not a rig")), scan.notRigs(), "listed, not a problem; libraries not even that");
    }

    @Test
    void aFolderMixingExposuresIsCountedWholeWithItsGroups() throws IOException {
        Path f = root.resolve(RIG).resolve("60_Done/M 42/accept/DATE_2022-01-31/LIGHT_G");
        for (int i = 0; i < 3; i++) {
            SampleFiles.writeFits(f.resolve("s" + i + ".fits"), light(15, null));
        }
        SampleFiles.writeFits(f.resolve("t.fits"), light(300, null));
        SampleFiles.writeFits(f.resolve("dark.fits"), Map.of("IMAGETYP", "DARK", "EXPOSURE", 300.0));
        Files.write(f.resolve("broken.fits"), "SIMPLE  =                    T".getBytes());

        InventoryScan scan = new InventoryScanner().scan(root, InventoryScanner.Options.STATUS, ProgressListener.NONE,
                CancellationToken.none());
        InventoryFolder g = scan.inventory().folders().get(0);
        assertEquals("G", g.filter());
        assertEquals("15.00", g.exposure(), "the most common exposure");
        assertEquals(4, g.frames(), "the raw dark among the lights is not a light; the broken file is reported");
        assertEquals((3 * 15 + 300) / 3600.0, g.hours(), 1e-9, "hours from every frame's own exposure");
        assertEquals(2, scan.facts().get(g.folder()).groups().size());
        assertEquals(1, scan.inventory().problems().size());
        assertEquals(f.resolve("broken.fits"), scan.inventory().problems().get(0).file());
    }

    @Test
    void unknownStagesAreReportedAndOnlyChosenRigsScanned() throws IOException {
        SampleFiles.writeFits(root.resolve(RIG).resolve("99_Abandoned/X/accept/DATE_2025-01-01/FILTER_L_EXP_60.00/a.fits"),
                light(60, "L"));
        SampleFiles.writeFits(root.resolve("SQA55@f5.3+ATR585M/20_Data/Y/accept/DATE_2025-01-01/FILTER_H_EXP_60.00/a.fits"),
                light(60, "H"));
        InventoryScanner s = new InventoryScanner();
        Inventory all = s.scan(root, ProgressListener.NONE, CancellationToken.none());
        assertEquals(List.of("99_Abandoned"), all.unknownStages());
        assertEquals(2, all.folders().size());
        InventoryScan one = s.scan(root, InventoryScanner.Options.STATUS.withRigs(Set.of("SQA55@f5.30+ATR585M")),
                ProgressListener.NONE, CancellationToken.none());
        assertEquals(List.of("SQA55@f5.3+ATR585M"), one.inventory().folders().stream().map(InventoryFolder::rig).toList());
        assertFalse(one.disks().isEmpty(), "free space of the data drive");
    }
}
