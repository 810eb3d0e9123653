package org.apdm.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apdm.core.calibration.CalibrationKeys;
import org.apdm.core.calibration.FlatFallback;
import org.apdm.core.cull.CullDefaults;
import org.apdm.core.cull.CullPass;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.NightDateRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    private ConfigLocations locations() {
        return new ConfigLocations(tmp.resolve("home/.config/apdm/config.yaml"), tmp.resolve("home/.local/share/apdm"),
                tmp.resolve("home/.local/state/apdm"), tmp.resolve("home"));
    }

    private Path write(String name, String yaml) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    private String error(String yaml) throws IOException {
        Path f = write("bad.yaml", yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, locations(), Map.of()));
        return e.getMessage();
    }

    @Test
    void theStarterConfigurationIsTheExampleWithoutAnyonesRigs() throws Exception {
        ApdmConfig c = ConfigLoader.load(write("starter.yaml", ConfigLoader.starterConfig()), locations(), Map.of());
        assertTrue(c.rigs().isEmpty(), "a new user gets no one else's rigs: " + c.rigs().keySet());
        ApdmConfig example = ConfigLoader.load(write("example.yaml", ConfigLoader.exampleConfig()), locations(), Map.of());
        assertEquals(example.normalization(), c.normalization(), "every other setting as documented");
        assertEquals(example.scheduler(), c.scheduler());
        assertEquals(4, example.rigs().size(), "the example keeps them, as the documented example");
    }

    @Test
    void theShippedExampleLoadsAndCarriesTheUsersCullPasses() throws Exception {
        Path f = write("example.yaml", ConfigLoader.exampleConfig());
        ApdmConfig c = ConfigLoader.load(f, locations(), Map.of());
        List<CullPass> c8e = c.cullPasses("C8E@f10.0+ZWO ASI2600MM Pro");
        assertEquals(2, c8e.size());
        assertEquals(30.0, c8e.get(0).autoAcceptPercent());
        assertEquals(100.0, c8e.get(1).autoAcceptPercent());
        assertEquals(new CullPass.Limit("hfr", 4.6, null), c8e.get(0).limits().get(0));
        assertEquals(new CullPass.Limit("hfr", 5.5, null), c8e.get(1).limits().get(0));
        assertEquals(c8e, c.cullPasses("C8E@f10+ZWO ASI2600MM Pro"), "f10 and f10.0 name the same rig");
        assertEquals("UVIR", c.normalization().filterAliases().get("BaaderUVIRCut"));
        assertEquals("RGB", c.normalization().filterAliases().get(""));
        assertEquals(NightDateRule.LOCAL_MINUS_12H, c.normalization().nightRule());
        assertFalse(c.removeDuplicates());
        assertEquals(List.of(Field.EXPOSURE, Field.SETTEMP, Field.CAMERA, Field.GAIN, Field.OFFSET, Field.READOUT_MODE),
                c.calibrationKeys("SQA55@f5.3+ATR585M").darks());
        assertEquals(List.of(Field.EXPOSURE, Field.CAMERA, Field.GAIN), c.calibrationKeys("DWARFIII@f4.3+DWARFIII").darks());
        assertEquals(CalibrationKeys.DEFAULT, c.calibrationKeys("Z73@f5.9+ZWO ASI533MC Pro"), "an unnamed rig gets the first set");
        assertEquals(95.0, c.scheduler().masterReadyPercent());
        assertEquals(FlatFallback.NONE, c.calibration().flatFallback());
        assertEquals("H", c.filters("SQA55@f5.3+ATR585M").get(6).name());
        assertEquals(ApdmConfig.DEFAULT_FILTERS, c.filters("R135@f2.8+AP26CC"));
    }

    @Test
    void calibrationKeysRigChangesAndSchedulerAreValidated() throws IOException {
        String msg = error("""
                calibration:
                  flat_fallback: sometime
                scheduler:
                  master_ready_percent: 120
                  backups: 0
                rigs:
                  "C8E@f10.0+ZWO ASI2600MM Pro":
                    calibration:
                      darks: [exposure, colour]
                      rig_changes: [2025-13-01]
                    filters:
                      - {name: L, astrobin_id: 2625}
                      - {name: L}
                """);
        assertTrue(msg.contains("calibration.flat_fallback: 'sometime'"), msg);
        assertTrue(msg.contains("scheduler.master_ready_percent: must be between 0 and 100"), msg);
        assertTrue(msg.contains("scheduler.backups"), msg);
        assertTrue(msg.contains(".calibration.darks: 'colour' is not a matching key"), msg);
        assertTrue(msg.contains(".calibration.rig_changes[0]: '2025-13-01' is not a date"), msg);
        assertTrue(msg.contains(".filters[1].name: 'L' is listed twice"), msg);
    }

    @Test
    void anUnknownSettingIsNamedWithItsLineAndTheAllowedNames() throws IOException {
        String msg = error("roots:\n  raw: /a\n  rwa: /b\n");
        assertTrue(msg.contains("line 3"), msg);
        assertTrue(msg.contains("roots"), msg);
        assertTrue(msg.contains("'rwa'"), msg);
        assertTrue(msg.contains("raw"), msg);
    }

    @Test
    void aWrongTypeIsNamedWithThePathToTheSetting() throws IOException {
        String msg = error("rigs:\n  \"C8E@f10.0+ZWO ASI2600MM Pro\":\n    cull:\n      - max_hfr: lots\n");
        assertTrue(msg.contains("max_hfr"), msg);
        assertTrue(msg.contains("expected a number"), msg);
        assertTrue(msg.contains("line 4"), msg);
    }

    @Test
    void invalidValuesAreAllReportedTogether() throws IOException {
        String msg = error("""
                night_date:
                  rule: midnight
                  time_zone: Mars/Olympus
                duplicates: sometimes
                rigs:
                  not-a-rig: {}
                  "SQA55@f5.3+ATR585M":
                    cull:
                      - max_hfr: 4
                        auto_accept_percent: 130
                      - auto_accept_percent: 10
                """);
        assertTrue(msg.contains("night_date.rule: 'midnight'"), msg);
        assertTrue(msg.contains("night_date.time_zone"), msg);
        assertTrue(msg.contains("duplicates: 'sometimes'"), msg);
        assertTrue(msg.contains("rigs.\"not-a-rig\""), msg);
        assertTrue(msg.contains("cull[0].auto_accept_percent: must be between 0 and 100"), msg);
        assertTrue(msg.contains("cull[1]: a pass needs at least one limit"), msg);
    }

    @Test
    void sirilStackArgumentsAreConfigurablePerKindButNeverTheOutput() throws Exception {
        Path f = write("c.yaml", "calibration:\n  integrate:\n    min_frames: 20\n    stack:\n      dark: rej w 3 3 -nonorm\n");
        var integrate = ConfigLoader.load(f, locations(), Map.of()).calibration().integrate();
        assertEquals(20, integrate.minFrames());
        assertEquals("rej w 3 3 -nonorm", integrate.stack().get(org.apdm.core.calibration.MasterKind.DARK));
        assertEquals("rej 3 3 -norm=mul", integrate.stack().get(org.apdm.core.calibration.MasterKind.FLAT),
                "a kind not given keeps Siril's recommendation");
        String msg = error("calibration:\n  integrate:\n    min_frames: 0\n    stack:\n      flat: rej 3 3 -out=/tmp/x\n");
        assertTrue(msg.contains("calibration.integrate.min_frames: must be a positive number"), msg);
        assertTrue(msg.contains("calibration.integrate.stack.flat: 'rej 3 3 -out=/tmp/x'"), msg);
    }

    @Test
    void ingestSourcesTakeAProfileAndDefaultsUnderTheirFriendlyNames() throws Exception {
        Path f = write("c.yaml", "roots:\n  data: /data\ningest:\n  sources:\n    - path: /media/ASIAIR\n"
                + "      profile: ASIAIR\n      defaults: {optic: RedCat51, focal_ratio: 4.9}\n    - path: /media/card\n");
        List<org.apdm.core.capture.CaptureSource> sources = ConfigLoader.load(f, locations(), Map.of()).ingestSources();
        assertEquals(2, sources.size());
        assertEquals("asiair", sources.get(0).profile());
        assertEquals(Map.of("TELESCOP", "RedCat51", "FOCRATIO", "4.9"), sources.get(0).defaults());
        assertEquals("auto", sources.get(1).profile(), "no profile: detect per file");
        String msg = error("roots:\n  data: /data\ningest:\n  sources:\n    - path: /media/x\n      profile: maxim\n"
                + "    - path: /media/y\n      defaults: {telescope: X}\n    - profile: seestar\n    - path: /data/in\n");
        assertTrue(msg.contains("ingest.sources[1].profile: 'maxim' is not one of dwarf3, seestar"), msg);
        assertTrue(msg.contains("ingest.sources[2].defaults.telescope: not one of optic, camera"), msg);
        assertTrue(msg.contains("ingest.sources[3].path: missing"), msg);
        assertTrue(msg.contains("ingest.sources[4].path: /data/in and roots.data must not contain one another"), msg);
    }

    @Test
    void notValidYamlSaysSoWithTheLine() throws IOException {
        String msg = error("roots:\n  raw: [unclosed\n");
        assertTrue(msg.contains("bad.yaml"), msg);
        assertTrue(msg.contains("line"), msg);
    }

    @Test
    void dataInsideRawIsRefused() throws IOException {
        String msg = error("roots:\n  raw: /astro/RAW\n  data: /astro/RAW/Data\n");
        assertTrue(msg.contains("roots.data: must not be inside roots.raw"), msg);
    }

    @Test
    void pathsExpandHomeVariablesAndAreRelativeToTheFile() throws Exception {
        Path f = write("c.yaml", "roots:\n  raw: RAW\n  data: ${ASTRO}/Data\n  reject: '%ASTRO%/Reject'\n  library: ~/lib\n");
        ApdmConfig c = ConfigLoader.load(f, locations(), Map.of("ASTRO", "/mnt/astro"));
        assertEquals(tmp.resolve("RAW"), c.roots().raw());
        assertEquals(Path.of("/mnt/astro/Data"), c.roots().data());
        assertEquals(Path.of("/mnt/astro/Reject"), c.roots().reject());
        assertEquals(tmp.resolve("home/lib"), c.roots().library(), "~ is $HOME");
        assertEquals(c.roots().raw(), c.roots().calibrationOrRaw(), "calibration defaults to the RAW folder");
        String msg = error("roots:\n  raw: ${NOPE}/RAW\n");
        assertTrue(msg.contains("environment variable 'NOPE' is not set"), msg);
    }

    @Test
    void theFileIsFoundByFlagThenEnvironmentThenUserFolder() throws Exception {
        Path byFlag = write("flag.yaml", "roots:\n  raw: /flag\n");
        Path byEnv = write("env.yaml", "roots:\n  raw: /env\n");
        Files.createDirectories(locations().configFile().getParent());
        Files.writeString(locations().configFile(), "roots:\n  raw: /user\n");
        Map<String, String> env = Map.of(ConfigLocations.ENV_CONFIG, byEnv.toString());
        assertEquals(Path.of("/flag"), ConfigLoader.load(byFlag, locations(), env).roots().raw());
        assertEquals(Path.of("/env"), ConfigLoader.load(null, locations(), env).roots().raw());
        assertEquals(Path.of("/user"), ConfigLoader.load(null, locations(), Map.of()).roots().raw());
    }

    @Test
    void noFileAnywhereMeansDefaultsButANamedMissingFileIsAnError() throws Exception {
        ApdmConfig c = ConfigLoader.load(null, locations(), Map.of());
        assertNull(c.source());
        assertNull(c.roots().raw());
        assertEquals(locations().stateDir(), c.stateDir());
        assertEquals(CullDefaults.FALLBACK, c.cullPasses("C8E@f10.0+ZWO ASI2600MM Pro"),
                "without a file every rig has the general pass; no one's rigs are built in");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(tmp.resolve("missing.yaml"), locations(), Map.of()));
        assertTrue(e.getMessage().contains("not found"));
    }

    @Test
    void perUserFoldersFollowEachSystemsConvention() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/home/u/.config/apdm/config.yaml"),
                ConfigLocations.of("Linux", Map.of(), home).configFile());
        assertEquals(Path.of("/xdg/apdm/config.yaml"),
                ConfigLocations.of("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home).configFile());
        assertEquals(Path.of("/home/u/Library/Application Support/apdm/config.yaml"),
                ConfigLocations.of("Mac OS X", Map.of(), home).configFile());
        ConfigLocations win = ConfigLocations.of("Windows 11", Map.of("APPDATA", "/appdata", "LOCALAPPDATA", "/local"), home);
        assertEquals(Path.of("/appdata/apdm/config.yaml"), win.configFile());
        assertEquals(Path.of("/local/apdm"), win.dataDir());
    }

    @Test
    void homeIsTheEnvironmentsHomeAndEachXdgFolderIsHonoured() {
        Path passwdHome = Path.of("/home/real");
        ConfigLocations plain = ConfigLocations.of("Linux", Map.of("HOME", "/tmp/h"), passwdHome);
        assertEquals(Path.of("/tmp/h"), plain.home());
        assertEquals(Path.of("/tmp/h/.config/apdm/config.yaml"), plain.configFile());
        assertEquals(Path.of("/tmp/h/.local/share/apdm"), plain.dataDir());
        assertEquals(Path.of("/tmp/h/.local/state/apdm"), plain.stateDir());

        ConfigLocations xdg = ConfigLocations.of("Linux", Map.of("HOME", "/tmp/h", "XDG_CONFIG_HOME", "/c",
                "XDG_DATA_HOME", "/d", "XDG_STATE_HOME", "/s"), passwdHome);
        assertEquals(Path.of("/c/apdm/config.yaml"), xdg.configFile());
        assertEquals(Path.of("/d/apdm"), xdg.dataDir());
        assertEquals(Path.of("/s/apdm"), xdg.stateDir());

        // the XDG spec: a relative value is invalid and ignored
        assertEquals(Path.of("/tmp/h/.local/state/apdm"),
                ConfigLocations.of("Linux", Map.of("HOME", "/tmp/h", "XDG_STATE_HOME", "rel"), passwdHome).stateDir());
        assertEquals(Path.of("/tmp/h/Library/Application Support/apdm/config.yaml"),
                ConfigLocations.of("Mac OS X", Map.of("HOME", "/tmp/h"), passwdHome).configFile());
        assertEquals(Path.of("/home/real/.config/apdm/config.yaml"),
                ConfigLocations.of("Linux", Map.of(), passwdHome).configFile(), "no HOME: Java's user.home");
    }

    @Test
    void aTildeInAPathIsTheEnvironmentsHomeAndTheStateFolderDefaultsToXdgState() throws Exception {
        Path f = write("tilde.yaml", "roots:\n  raw: ~/RAW\n  data: ~/Data\n");
        ConfigLocations loc = new ConfigLocations(tmp.resolve("c.yaml"), tmp.resolve("data"), tmp.resolve("state"),
                tmp.resolve("home"));
        ApdmConfig c = ConfigLoader.load(f, loc, Map.of());
        assertEquals(tmp.resolve("home").resolve("RAW"), c.roots().raw());
        assertEquals(tmp.resolve("state"), c.stateDir());
        assertEquals(tmp.resolve("data").resolve("astrophotography.sqlite"), c.database());
    }
}
