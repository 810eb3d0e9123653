package org.apdm.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apdm.core.demo.SampleFiles;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.LeftBehind;
import org.apdm.core.fileops.Plan;
import org.apdm.core.metadata.MetadataReader;
import org.apdm.core.metadata.NormalizationRules;
import org.apdm.core.scan.FrameScanner;
import org.apdm.core.scan.ScannedFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real headers from capture programs other than N.I.N.A., and hostile values, read from generated files and
 * planned by ingest (issues 16 and 11.7): what lands where, and what stays behind with which reason.
 */
class HeaderRefusalTest {

    @TempDir
    Path root;

    private final FrameScanner scanner = new FrameScanner(new MetadataReader(NormalizationRules.defaults()));

    private static Map<String, Object> light(Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("IMAGETYP", "LIGHT");
        m.put("TELESCOP", "RedCat 51");
        m.put("FOCRATIO", 4.9);
        m.put("INSTRUME", "ZWO ASI533MC Pro");
        m.put("OBJECT", "M 31");
        m.put("FILTER", "L");
        m.put("EXPOSURE", 120.0);
        m.put("DATE-OBS", "2025-03-02T01:40:00");
        m.put("DATE-LOC", "2025-03-01T20:40:00");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                m.remove((String) overrides[i]);
            } else {
                m.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return m;
    }

    private IngestPlanner.Result plan(Path... files) {
        List<ScannedFrame> frames = java.util.Arrays.stream(files)
                .map(f -> scanner.readOne(root, f, FrameScanner.ReadSpec.RAW)).toList();
        return IngestPlanner.plan(frames, new IngestPlanner.Roots(root, root.resolve("Data"), root.resolve("Cal")));
    }

    private static String reason(Plan plan, Path file) {
        return plan.leftBehind().stream().filter(l -> l.file().equals(file)).map(LeftBehind::reason).findFirst()
                .orElse("(not left behind)");
    }

    private static Set<String> rigFolders(Plan plan, Path data) {
        Set<String> rigs = new TreeSet<>();
        for (FileOperation op : plan.operations()) {
            if (op instanceof FileOperation.Move move && move.destination().startsWith(data)) {
                rigs.add(data.relativize(move.destination()).getName(0).toString());
            }
        }
        return rigs;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "EXPOSURE | -5       | invalid EXPOSURE: '-5",
            "FOCRATIO | 1e300    | invalid FOCRATIO: '1e300",
            "EXPOSURE | abc      | invalid EXPOSURE: 'abc' (not a number)",
            "FOCRATIO | Infinity | invalid FOCRATIO: 'Infinity' (not a number)",
            "INSTRUME | ../../../tmp/pwn | invalid INSTRUME: '../../../tmp/pwn' (looks like a path",
            "EXPOSURE | 0        | invalid EXPOSURE: '0.00' (a LIGHT needs a positive exposure)"})
    void anImpossibleValueLeavesTheFrameBehindSayingInvalidNotMissing(String key, String value, String expected)
            throws Exception {
        Path bad = root.resolve("bad.fits");
        Path good = root.resolve("good.fits");
        Object typed = key.equals("INSTRUME") ? value : numberOrText(value);
        SampleFiles.writeFits(bad, light(key, typed));
        SampleFiles.writeFits(good, light());

        Plan plan = plan(bad, good).plan();

        String reason = reason(plan, bad);
        assertTrue(reason.startsWith(expected), reason);
        assertFalse(reason.startsWith("missing"), reason);
        assertEquals(Set.of("RedCat 51@f4.9+ZWO ASI533MC Pro"), rigFolders(plan, root.resolve("Data")),
                "only the good frame is placed, in the one real rig");
    }

    private static Object numberOrText(String value) {
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) && !value.equals("1e300") ? (Object) d : value;
        } catch (NumberFormatException e) {
            return value;
        }
    }

    @Test
    void aSecondImagetypCardDoesNotTurnALightIntoADark() throws Exception {
        Path file = root.resolve("dup.fits");
        SampleFiles.writeFits(file, light());
        // append IMAGETYP = 'DARK' after the first card set: replace the END card's block
        byte[] bytes = Files.readAllBytes(file);
        String header = new String(bytes, 0, 2880, StandardCharsets.ISO_8859_1);
        int end = header.indexOf("END     ");
        String dup = String.format("%-80s", "IMAGETYP= 'DARK'");
        byte[] changed = bytes.clone();
        System.arraycopy(dup.getBytes(StandardCharsets.ISO_8859_1), 0, changed, end, 80);
        System.arraycopy(String.format("%-80s", "END").getBytes(StandardCharsets.ISO_8859_1), 0, changed, end + 80, 80);
        Files.write(file, changed);

        ScannedFrame f = scanner.readOne(root, file, FrameScanner.ReadSpec.RAW);
        Plan plan = plan(file).plan();

        assertEquals("LIGHT", f.metadata().type().name(), "the first IMAGETYP card is the frame's type");
        assertTrue(f.metadata().warnings().stream().anyMatch(w -> w.contains("IMAGETYP") && w.contains("twice")),
                "the conflict is reported: " + f.metadata().warnings());
        assertTrue(plan.operations().stream().anyMatch(op -> op instanceof FileOperation.Move m
                && m.destination().toString().contains("10_Blink")), "filed as a light");
    }

    @Test
    void dwarfTwoExposureWrittenAsExpIsKept() throws Exception {
        Path file = root.resolve("dwarf.fits");
        SampleFiles.writeFits(file, light("EXPOSURE", null, "EXP", 15.0, "INSTRUME", "DWARFII", "TELESCOP", "DWARFII",
                "FOCRATIO", 4.2));

        Plan plan = plan(file).plan();

        assertTrue(plan.leftBehind().isEmpty(), plan.leftBehind().toString());
        assertTrue(plan.operations().stream().anyMatch(op -> op instanceof FileOperation.Move m
                && m.destination().toString().contains("_EXP_15.00")), plan.operations().toString());
    }

    @Test
    void focalRatioIsDerivedFromFocalLengthAndAperture() throws Exception {
        Path file = root.resolve("sgp.fits");
        SampleFiles.writeFits(file, light("FOCRATIO", null, "FOCALLEN", 250.0, "APTDIA", 51.0));

        Plan plan = plan(file).plan();

        assertEquals(Set.of("RedCat 51@f4.9+ZWO ASI533MC Pro"), rigFolders(plan, root.resolve("Data")));
    }

    @Test
    void aMissingFocalRatioSaysWhichSettingFixesIt() throws Exception {
        Path file = root.resolve("apt.fits");
        SampleFiles.writeFits(file, light("FOCRATIO", null));

        String reason = reason(plan(file).plan(), file);

        assertTrue(reason.startsWith("missing FOCRATIO"), reason);
        assertTrue(reason.contains("camera_constants") && reason.contains("ZWO ASI533MC Pro"), reason);
    }

    @Test
    void seestarUnitsWithSerialNumbersInTelescopAreOneRig() throws Exception {
        Path old = root.resolve("old.fits");
        Path serialA = root.resolve("a.fits");
        Path serialB = root.resolve("b.fits");
        SampleFiles.writeFits(old, light("TELESCOP", "Seestar S50", "INSTRUME", "Seestar S50", "FOCRATIO", null,
                "FOCALLEN", 250.0, "FILTER", "IRCUT"));
        SampleFiles.writeFits(serialA, light("TELESCOP", "S50_4f2a91c3", "INSTRUME", "Seestar S50", "FOCRATIO", null,
                "FOCALLEN", 250.0, "FILTER", "IRCUT"));
        SampleFiles.writeFits(serialB, light("TELESCOP", "S50_77b0e012", "INSTRUME", "Seestar S50", "FOCRATIO", null,
                "FOCALLEN", 250.0, "FILTER", "LP"));

        Plan plan = plan(old, serialA, serialB).plan();

        assertTrue(plan.leftBehind().isEmpty(), plan.leftBehind().toString());
        assertEquals(Set.of("Seestar S50@f5.0+Seestar S50"), rigFolders(plan, root.resolve("Data")));
    }

    @Test
    void aMalformedDateObsSaysInvalidAndNamesItOnce() throws Exception {
        Path file = root.resolve("date.fits");
        SampleFiles.writeFits(file, light("DATE-OBS", "last Tuesday", "DATE-LOC", null));

        String reason = reason(plan(file).plan(), file);

        assertTrue(reason.startsWith("invalid DATE-OBS: 'last Tuesday'"), reason);
        assertEquals(reason.indexOf("DATE-OBS"), reason.lastIndexOf("DATE-OBS"), "DATE-OBS named once: " + reason);
    }

    @Test
    void aLightWithAnInvalidBitpixStaysBehindWithTheReason() throws Exception {
        Path bad = root.resolve("bitpix.fits");
        Path good = root.resolve("good.fits");
        SampleFiles.writeFits(bad, light());
        SampleFiles.writeFits(good, light());
        byte[] bytes = Files.readAllBytes(bad);
        String header = new String(bytes, 0, 2880, StandardCharsets.ISO_8859_1);
        int card = header.indexOf("BITPIX  =");
        byte[] value = String.format("%20d", 12).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(value, 0, bytes, card + 10, 20);
        Files.write(bad, bytes);

        Plan plan = plan(bad, good).plan();

        String reason = reason(plan, bad);
        assertTrue(reason.contains("invalid FITS header: BITPIX = 12 (must be 8, 16, 32, 64, -32 or -64)"), reason);
        assertEquals(Set.of("RedCat 51@f4.9+ZWO ASI533MC Pro"), rigFolders(plan, root.resolve("Data")),
                "the good frame is still placed");
    }

    @Test
    void aTargetNameInUtf8Latin1OrDecomposedFormIsOneTargetFolder() throws Exception {
        Path utf8 = withObjectBytes("utf8.fits", "\u00e9".getBytes(StandardCharsets.UTF_8));
        Path latin1 = withObjectBytes("latin1.fits", "\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Path nfd = withObjectBytes("nfd.fits", "e\u0301".getBytes(StandardCharsets.UTF_8));

        Plan plan = plan(utf8, latin1, nfd).plan();

        assertTrue(plan.leftBehind().isEmpty(), plan.leftBehind().toString());
        Set<String> targets = new TreeSet<>();
        for (FileOperation op : plan.operations()) {
            if (op instanceof FileOperation.Move move) {
                Path rel = root.resolve("Data").relativize(move.destination());
                targets.add(rel.getName(2).toString());
            }
        }
        assertEquals(Set.of("M\u00e9lotte 15"), targets, "one folder, spelt in composed form");
    }

    /** A light whose OBJECT is 'M' + the given bytes + 'lotte 15', written as raw header bytes. */
    private Path withObjectBytes(String name, byte[] letter) throws Exception {
        Path file = root.resolve(name);
        SampleFiles.writeFits(file, light("OBJECT", "M" + "X".repeat(letter.length) + "lotte 15"));
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("M" + "X".repeat(letter.length) + "lotte");
        System.arraycopy(letter, 0, bytes, at + 1, letter.length);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aTileCompressedLightIsPlacedLikeAnyOtherAndStaysCompressed() throws Exception {
        Path fz = root.resolve("light.fits.fz");
        SampleFiles.writeCompressedFits(fz, light(), 32, 32, (short) 500);

        Plan plan = plan(fz).plan();

        assertTrue(plan.leftBehind().isEmpty(), plan.leftBehind().toString());
        assertEquals(Set.of("RedCat 51@f4.9+ZWO ASI533MC Pro"), rigFolders(plan, root.resolve("Data")));
        FileOperation.Move move = plan.operations().stream().filter(FileOperation.Move.class::isInstance)
                .map(FileOperation.Move.class::cast).findFirst().orElseThrow();
        assertTrue(move.destination().getFileName().toString().endsWith(".fits.fz"), move.destination().toString());
        assertTrue(move.destination().toString().contains("M 31"), move.destination().toString());
    }

    @Test
    void aGzipCompressedLightIsPlacedLikeAnyOtherAndStaysCompressed() throws Exception {
        Path plain = root.resolve("plain.fits");
        SampleFiles.writeFits(plain, light());
        Path gz = root.resolve("light.fits.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        Files.delete(plain);

        Plan plan = plan(gz).plan();

        assertTrue(plan.leftBehind().isEmpty(), plan.leftBehind().toString());
        assertEquals(Set.of("RedCat 51@f4.9+ZWO ASI533MC Pro"), rigFolders(plan, root.resolve("Data")));
        FileOperation.Move move = plan.operations().stream().filter(FileOperation.Move.class::isInstance)
                .map(FileOperation.Move.class::cast).findFirst().orElseThrow();
        assertTrue(move.destination().getFileName().toString().endsWith(".fits.gz"), move.destination().toString());
        assertTrue(move.destination().toString().contains("M 31"), move.destination().toString());
    }
}
