package org.apdm.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.NormalizationRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master's name carries its values and reads back to them, even when its header has none of them. */
class MasterNamesTest {

    @TempDir
    Path tmp;

    @Test
    void aNameReadsBackToTheValuesItWasMadeFrom() throws Exception {
        Map<Field, String> v = new EnumMap<>(Field.class);
        v.put(Field.DATE, "2025-03-01");
        v.put(Field.FILTER, "H-a");
        v.put(Field.SETTEMP, "-10.00");
        v.put(Field.GAIN, "239");
        v.put(Field.OFFSET, "150");
        v.put(Field.READOUT_MODE, "HCG 2");
        v.put(Field.BINNING, "2x2");
        FrameMetadata m = FrameMetadata.of(Path.of("x.xisf"), v);

        String name = MasterNames.fileName(MasterKind.FLAT, m, "x.xisf", List.of(Field.BINNING, Field.CAMERA));
        assertEquals("masterFlat_DATE_2025-03-01_FILTER_H-a_SETTEMP_-10.00_GAIN_239_OFFSET_150"
                + "_READOUTM_HCG 2_BIN_2x2.xisf", name, "a key the rig is configured to match on is appended");

        Path file = tmp.resolve(name);
        SampleFiles.writeXisf(file, Map.of("IMAGETYP", "Master Flat"));
        MasterFrame back = new MasterScanner(new MetadataReader(NormalizationRules.defaults())).readOne(tmp, file);
        for (Field f : v.keySet()) {
            assertEquals(v.get(f), back.metadata().get(f), f.key());
        }
    }

    @Test
    void anOverLongNameIsCutAndStaysUnique() {
        Map<Field, String> v = new EnumMap<>(Field.class);
        v.put(Field.DATE, "2025-03-01");
        v.put(Field.FILTER, "L");
        v.put(Field.READOUT_MODE, "Extended Full Well Mode With A Very Long Vendor Name 1");
        String a = MasterNames.fileName(MasterKind.FLAT, FrameMetadata.of(Path.of("a"), v), "a.xisf", List.of());
        v.put(Field.READOUT_MODE, "Extended Full Well Mode With A Very Long Vendor Name 2");
        String b = MasterNames.fileName(MasterKind.FLAT, FrameMetadata.of(Path.of("b"), v), "b.xisf", List.of());
        assertTrue(a.length() <= 100 && a.startsWith("masterFlat_DATE_2025-03-01_FILTER_L_READOUTM_") && a.endsWith(".xisf"), a);
        assertNotEquals(a, b);
    }

    @Test
    void valuesTheMasterLacksAreLeftOutAndDarksCarryTheirExposure() {
        Map<Field, String> v = new EnumMap<>(Field.class);
        v.put(Field.EXPOSURE, "300.00");
        v.put(Field.GAIN, "100");
        v.put(Field.FILTER, "L"); // not a dark's value
        String name = MasterNames.fileName(MasterKind.DARK, FrameMetadata.of(Path.of("d.fits"), v), "d.fits", List.of());
        assertEquals("masterDark_EXPOSURE_300.00_GAIN_100.fits", name);
    }

    @Test
    void theLayoutReadsItsFoldersBack() {
        LibraryLayout l = LibraryLayout.DEFAULT;
        assertEquals(Map.of(Field.CAMERA, "ATR585M", Field.OPTIC, "SQA55"),
                l.valuesFromPath(MasterKind.FLAT, List.of("_Flat Stash", "ATR585M", "SQA55")));
        assertEquals(Map.of(), l.valuesFromPath(MasterKind.FLAT, List.of("_Dark Library", "ATR585M", "SQA55")));
        assertEquals(Field.OPTIC, l.folder(MasterKind.FLAT, f -> f == Field.CAMERA ? "ATR585M" : null).missing(),
                "a flat without an optic has no folder");
    }
}
