package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apdm.core.demo.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apdm ingest} on the folders of other capture programs, with files named and headed as each writes them
 * (docs/capture-profiles.md has the sources): the program is detected, and the frames land in the rig folders.
 */
class IngestSourcesTest {

    @TempDir
    Path tmp;
    Path raw;
    Path data;
    Path card;
    Path asiair;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        raw = Files.createDirectories(tmp.resolve("RAW"));
        data = tmp.resolve("Data");
        card = tmp.resolve("card");
        asiair = tmp.resolve("ASIAIR");
        cli = new CliHarness(tmp.resolve("home"));
    }

    Path config(String sources) throws IOException {
        Path config = tmp.resolve("apdm.yaml");
        Files.writeString(config, "roots:\n  raw: RAW\n  data: Data\nstate_dir: state\nnight_date:\n"
                + "  time_zone: America/New_York\n" + sources);
        return config;
    }

    /** A Seestar S50 sub (real header values of a sub, TELESCOP with the unit's serial). */
    void seestar() throws IOException {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("CREATOR", "ZWO Seestar S50");
        h.put("IMAGETYP", "Light");
        h.put("EXPOSURE", 10.0);
        h.put("EXPTIME", 10.0);
        h.put("GAIN", 80);
        h.put("FILTER", "IRCUT");
        h.put("INSTRUME", "Seestar S50");
        h.put("TELESCOP", "S50_40d24ed8");
        h.put("OBJECT", "M 81");
        h.put("FOCALLEN", 250);
        h.put("CCD-TEMP", 27.9375);
        h.put("DATE-OBS", "2025-06-08T02:17:46.382641");
        SampleFiles.writeFits(card.resolve("MyWorks/M 81_sub/Light_M 81_10.0s_IRCUT_20250607-221746.fit"), h);
        Files.writeString(card.resolve("MyWorks/M 81_sub/Light_M 81_10.0s_IRCUT_20250607-221746_thn.jpg"), "jpeg");
        h.put("STACKCNT", 37);
        SampleFiles.writeFits(card.resolve("MyWorks/M 81/Stacked_37_M 81_10.0s_IRCUT_20250607-221810.fit"), h);
    }

    /** A DWARF 3 sub of firmware 1.4 (TELESCOP 'DWARF 3', no IMAGETYP, DET-TEMP) and its session's other files. */
    void dwarf() throws IOException {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("TELESCOP", "DWARF 3");
        h.put("INSTRUME", "DWARF 3");
        h.put("ORIGIN", "DWARFLAB");
        h.put("CAMERA", "TELE");
        h.put("OBJECT", "IC 434");
        h.put("FILTER", "Astro");
        h.put("EXPTIME", 60.0);
        h.put("GAIN", 60);
        h.put("DET-TEMP", 17);
        h.put("FOCALLEN", 150.0);
        h.put("DATE-OBS", "2025-10-18T04:52:26.559");
        Path session = card.resolve("Astronomy/DWARF_RAW_TELE_IC 434_EXP_60_GAIN_60_2025-10-18-04-51-22-420");
        SampleFiles.writeFits(session.resolve("IC 434_60s60_Astro_20251018-045226559_17C.fits"), h);
        SampleFiles.writeFits(session.resolve("stacked-16_IC 434_60s60_Astro_20251018-045127226.fits"), h);
        Files.writeString(session.resolve("shotsInfo.json"), "{}");
    }

    /** An ASIAIR Plus light (TELESCOP is the mount) and a flat. */
    void asiair() throws IOException {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("CREATOR", "ZWO ASIAIR Plus");
        h.put("IMAGETYP", "Light");
        h.put("EXPOSURE", 300.0);
        h.put("EXPTIME", 300.0);
        h.put("DATE-OBS", "2026-04-11T03:01:50.463357");
        h.put("GAIN", 111);
        h.put("OFFSET", 10);
        h.put("SET-TEMP", -10);
        h.put("CCD-TEMP", -10.0);
        h.put("XBINNING", 1);
        h.put("YBINNING", 1);
        h.put("FOCALLEN", 248);
        h.put("INSTRUME", "ZWO ASI183MC Pro");
        h.put("TELESCOP", "EQMod Mount");
        h.put("OBJECT", "C 1");
        SampleFiles.writeFits(asiair.resolve(
                "Autorun/Light/C 1/Light_C 1_300.0s_Bin1_183MC_gain111_20260410-230651_288deg_-10.0C_0001.fit"), h);
        h.put("IMAGETYP", "Flat");
        h.put("EXPOSURE", 0.81);
        h.put("EXPTIME", 0.81);
        h.remove("OBJECT");
        h.put("DATE-OBS", "2026-04-11T14:22:51.1");
        SampleFiles.writeFits(asiair.resolve(
                "Autorun/Flat/Flat_810.0ms_Bin1_183MC_gain111_20260411-102251_-9.9C_0019.fit"), h);
    }

    @Test
    void framesOfDetectedProgramsLandInTheirRigsAndTheProgramsOwnFilesStay() throws IOException {
        seestar();
        dwarf();
        Path config = config("ingest:\n  sources:\n    - path: card\n");
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        Path seestarLight = data.resolve("Seestar S50@f5.0+Seestar S50/10_Blink/M 81/DATE_2025-06-07");
        assertTrue(Files.isDirectory(seestarLight), "the Seestar's serial in TELESCOP does not make a rig per unit\n"
                + r.out() + tree());
        Path dwarfLight = data.resolve("DWARFIII@f4.3+DWARFIII/10_Blink/IC 434/DATE_2025-10-17");
        assertTrue(Files.isDirectory(dwarfLight), "a DWARF 3 of new firmware stays in the user's DWARFIII rig\n"
                + r.out() + tree());
        assertTrue(r.out().contains("read as") && r.out().contains("ZWO Seestar 1") && r.out().contains("DWARF 3 1"),
                r.out());
        assertTrue(r.out().matches("(?s).*not frames\\s+4\\b.*"), "the thumbnail, two stacks, shotsInfo.json\n" + r.out());
        assertTrue(Files.exists(card.resolve("MyWorks/M 81/Stacked_37_M 81_10.0s_IRCUT_20250607-221810.fit")));
        assertTrue(Files.exists(card.resolve("MyWorks/M 81_sub/Light_M 81_10.0s_IRCUT_20250607-221746_thn.jpg")));
        assertFalse(Files.exists(card.resolve("MyWorks/M 81_sub/Light_M 81_10.0s_IRCUT_20250607-221746.fit")));
    }

    @Test
    void aSourceTakesWhatItsFramesLackFromItsDefaultsAndSaysSoWhenTheyAreMissing() throws IOException {
        asiair();
        Path without = config("ingest:\n  sources:\n    - path: ASIAIR\n      profile: asiair\n");
        CliHarness.Run dry = cli.apdm("ingest", "--config", without.toString(), "--dry-run");
        assertEquals(ExitCodes.LEFT_BEHIND, dry.code(), dry.toString());
        assertTrue(dry.out().contains("missing TELESCOP") && dry.out().contains("ingest.sources entry"),
                "ASIAIR's TELESCOP is the mount, so the optic must be given\n" + dry.out());

        Path with = config("ingest:\n  sources:\n    - path: ASIAIR\n      profile: asiair\n"
                + "      defaults: {optic: RedCat51, focal_ratio: 4.9}\n");
        CliHarness.Run r = cli.apdm("ingest", "--config", with.toString(), "--json");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("asiair", json.get("sources").get(1).get("profile").asText(), r.out());
        assertEquals(2, json.get("programs").get("ZWO ASIAIR").asInt(), r.out());
        assertTrue(Files.isDirectory(data.resolve(
                "RedCat51@f4.9+ZWO ASI183MC Pro/10_Blink/C 1/DATE_2026-04-10/FILTER_RGB_EXP_300.00_SETTEMP_-10.00")),
                tree());
        assertTrue(Files.isDirectory(raw.resolve("FLAT/RedCat51+ZWO ASI183MC Pro/DATE_2026-04-10")),
                "the morning's flat goes to the calibration folder (default: the RAW folder), with its night\n"
                        + r.out() + tree());
    }

    @Test
    void oneCardWithEkosAndSharpCapFramesIsReadFileByFileAndAHeaderRatioBeatsTheDefault() throws IOException {
        Map<String, Object> indi = new LinkedHashMap<>();
        indi.put("INSTRUME", "ZWO CCD ASI294MC Pro");
        indi.put("TELESCOP", "RedCat51");
        indi.put("EXPTIME", 300.0);
        indi.put("CCD-TEMP", -10.0);
        indi.put("FRAME", "Light");
        indi.put("IMAGETYP", "Light Frame");
        indi.put("FILTER", "Ha");
        indi.put("FOCALLEN", 250.0);
        indi.put("APTDIA", 51.0);
        indi.put("GAIN", 120);
        indi.put("OFFSET", 30);
        indi.put("DATE-OBS", "2024-01-16T03:10:05.123");
        // INDI writes no OBJECT: the target comes from Ekos' folder and file name
        SampleFiles.writeFits(card.resolve("Ekos/M 31/Light/Ha/M 31_Light_Ha_300_secs_2024-01-15T22-10-05_001.fits"), indi);
        Map<String, Object> sharpcap = new LinkedHashMap<>();
        sharpcap.put("SWCREATE", "SharpCap v4.1.12946.0, 64 bit");
        sharpcap.put("EXPTIME", 120);
        sharpcap.put("GAIN", 300);
        sharpcap.put("OFFSET", 8);
        sharpcap.put("SET-TEMP", 0);
        sharpcap.put("CCD-TEMP", -0.5);
        sharpcap.put("INSTRUME", "ZWO ASI183MC Pro");
        sharpcap.put("FOCALLEN", 312.5);
        sharpcap.put("DATE-OBS", "2025-07-12T03:40:59.3846323");
        SampleFiles.writeFits(card.resolve("SharpCap Captures/2025-07-11/M57/23_40_59/M57_00004.fits"), sharpcap);
        Path config = config("ingest:\n  sources:\n    - path: card\n"
                + "      defaults: {optic: SQA55, focal_ratio: 5.3, type: LIGHT}\n");
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(Files.isDirectory(data.resolve(
                "RedCat51@f4.9+ZWO CCD ASI294MC Pro/10_Blink/M 31/DATE_2024-01-15/FILTER_H_EXP_300.00")),
                "FOCALLEN/APTDIA of the header beat the configured focal ratio\n" + r.out() + tree());
        assertTrue(Files.isDirectory(data.resolve(
                "SQA55@f5.3+ZWO ASI183MC Pro/10_Blink/M57/DATE_2025-07-11/FILTER_RGB_EXP_120.00_SETTEMP_0.00")),
                "SharpCap writes no TELESCOP, IMAGETYP or OBJECT: the defaults and the path give them\n" + tree());
        assertTrue(r.out().contains("KStars/Ekos 1") && r.out().contains("SharpCap 1"), r.out());
    }

    @Test
    void aRenamedAsiairFrameIsKnownByItsHeadersCreator() throws IOException {
        asiair();
        Path light = asiair.resolve("Autorun/Light/C 1/Light_C 1_300.0s_Bin1_183MC_gain111_20260410-230651_288deg_-10.0C_0001.fit");
        Files.createDirectories(asiair.resolve("best"));
        Files.move(light, asiair.resolve("best/c1_keeper.fit"));
        Path config = config("ingest:\n  sources:\n    - path: ASIAIR\n      defaults: {optic: RedCat51, focal_ratio: 4.9}\n");
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(Files.isDirectory(data.resolve("RedCat51@f4.9+ZWO ASI183MC Pro/10_Blink/C 1/DATE_2026-04-10")),
                "CREATOR 'ZWO ASIAIR Plus' makes it an ASIAIR frame, so the mount in TELESCOP is not the optic\n"
                        + r.out() + tree());
        assertFalse(Files.exists(data.resolve("EQMod Mount@f4.9+ZWO ASI183MC Pro")), tree());
    }

    @Test
    void aSourceGivenOnTheCommandLineAndAnUnknownProfileIsRefused() throws IOException {
        dwarf();
        Path config = config("");
        CliHarness.Run bad = cli.apdm("ingest", "--config", config.toString(), "--source", card + "=maxim");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.toString());
        assertTrue(bad.err().contains("not one of nina") || bad.err().contains("not one of dwarf3"), bad.err());
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString(), "--source", card + "=dwarf3");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(Files.isDirectory(data.resolve("DWARFIII@f4.3+DWARFIII/10_Blink/IC 434")), tree());
    }

    @Test
    void aCardThatIsNotInsertedIsSkippedWithASentence() throws IOException {
        Path config = config("ingest:\n  sources:\n    - path: card\n      profile: seestar\n");
        CliHarness.Run r = cli.apdm("ingest", "--config", config.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("not found") && r.out().contains("card"), r.out());
    }

    @Test
    void listProfilesShowsEachProgramsNaming() {
        CliHarness.Run r = cli.apdm("ingest", "--list-profiles");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        for (String id : new String[] {"nina", "sharpcap", "asiair", "dwarf3", "seestar", "ekos", "apt", "auto"}) {
            assertTrue(r.out().contains(id), id + "\n" + r.out());
        }
    }

    String tree() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var s = Files.walk(tmp)) {
            s.filter(p -> !p.startsWith(tmp.resolve("home")))
                    .forEach(p -> sb.append('\n').append(tmp.relativize(p)));
        }
        return sb.toString();
    }
}
