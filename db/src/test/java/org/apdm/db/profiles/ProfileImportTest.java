package org.apdm.db.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.profile.ProfileImportPlanner;
import org.apdm.db.AstroDatabase;
import org.apdm.db.LocationRepository;
import org.apdm.db.ProfileRepository;
import org.apdm.db.RigFilterRepository;
import org.apdm.db.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apdm db import-profiles} with the two real profiles (whose names do not follow
 * {@code <optic>@f<ratio>+<camera>}) next to well-named ones: the malformed ones are reported, the rest imported.
 */
class ProfileImportTest {

    @TempDir
    Path dir;
    Path profiles;
    ApdmConfig config;

    @BeforeEach
    void setUp() throws Exception {
        profiles = dir.resolve("Profiles");
        TestDatabases.resource("/nina/NINA_Quattro.profile", profiles.resolve("418fc7da-2924-4efc-acc1-82b45b87183d.profile"));
        TestDatabases.resource("/nina/WO-GT81-0.8_ASI2600_AM5.profile", profiles.resolve("f6e49505-b720-479b-9bc7-5b47f9f21d4d.profile"));
        config = ConfigLoader.load(null, new ConfigLocations(dir.resolve("none.yaml"), dir.resolve("state")), Map.of());
    }

    /** A minimal N.I.N.A. profile (DataContract XML, filters in the Equipment namespace). */
    static void profile(Path file, String id, String name, String... filters) throws Exception {
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < filters.length; i++) {
            f.append("<a:FilterInfo><a:_focusOffset>0</a:_focusOffset><a:_name>").append(filters[i])
                    .append("</a:_name><a:_position>").append(i).append("</a:_position></a:FilterInfo>");
        }
        Files.writeString(file, """
                <Profile xmlns="http://schemas.datacontract.org/2004/07/NINA.Profile" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
                  <FilterWheelSettings i:type="FilterWheelSettings">
                    <FilterWheelFilters xmlns:a="http://schemas.datacontract.org/2004/07/NINA.Core.Model.Equipment">%s</FilterWheelFilters>
                  </FilterWheelSettings>
                  <Id>%s</Id>
                  <Name>%s</Name>
                  <TelescopeSettings i:type="TelescopeSettings"><Name>C8 EdgeHD</Name></TelescopeSettings>
                </Profile>
                """.formatted(f, id, name));
    }

    @Test
    void importsWellNamedProfilesAndReportsTheOthers() throws Exception {
        profile(profiles.resolve("a.profile"), "8c4179b3-edf2-40d2-8a3a-b13d15cc49d5", "C8E@f10.0+ZWO ASI2600MM Pro",
                "L", "R", "G", "B", "S2", "Ha", "O3", "DARK", "Blank 2");
        profile(profiles.resolve("b.profile"), "491c0f8e-d48a-4b81-8674-355bd37a30e2", "R135@f2.8+AP26CC",
                "BaaderUVIRCut", "NONE", "ALPT");
        profile(profiles.resolve("c.profile"), "11111111-0000-0000-0000-000000000000", "C8E@f10+ZWO ASI2600MM Pro", "L");
        try (AstroDatabase db = TestDatabases.open(dir.resolve("astrophotography.sqlite"))) {
            ProfileImportOperation.Result r = ProfileImportOperation.run(db, config, profiles, Map.of(), false);

            assertEquals(List.of("C8E@f10.0+ZWO ASI2600MM Pro", "R135@f2.8+AP26CC"),
                    r.imported().stream().map(ProfileImportOperation.Imported::rig).toList());
            List<String> skippedNames = r.skipped().stream().map(s -> s.profile().name()).sorted().toList();
            assertEquals(List.of("C8E@f10+ZWO ASI2600MM Pro", "Quattro ASI2600MC-DU_HAE69", "WO-GT81-0.8_ASI2600_AM5"),
                    skippedNames);
            ProfileImportPlanner.Skipped wo = r.skipped().stream()
                    .filter(s -> s.profile().name().equals("WO-GT81-0.8_ASI2600_AM5")).findFirst().orElseThrow();
            assertTrue(wo.reason().contains("is not <optic>@f<ratio>+<camera>") && wo.reason().contains("--rig-name"),
                    wo.reason());
            assertTrue(wo.badName(), "a rig name given for it would import it");
            ProfileImportPlanner.Skipped dup = r.skipped().stream()
                    .filter(s -> s.profile().name().startsWith("C8E")).findFirst().orElseThrow();
            assertTrue(dup.reason().contains("same rig"), dup.reason());
            assertFalse(dup.badName(), "a second profile of one rig is not a naming problem");

            List<ProfileRepository.Profile> rows = db.read("t", c -> new ProfileRepository(c).all());
            ProfileRepository.Profile c8e = rows.stream().filter(p -> p.optic().equals("C8E")).findFirst().orElseThrow();
            assertEquals("8c4179b3-edf2-40d2-8a3a-b13d15cc49d5", c8e.id());
            assertEquals(List.of("L", "R", "G", "B", "O", "S", "H"), c8e.filters(),
                    "aliases applied, DARK and BLANK slots skipped, L,R,G,B,S,H,O put in O,S,H priority");
            ProfileRepository.Profile r135 = rows.stream().filter(p -> p.optic().equals("R135")).findFirst().orElseThrow();
            assertEquals(List.of("UVIR", "NONE", "ALPT"), r135.filters(), "any other order stays as the wheel has it");
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("'NONE' is not a known filter")), r.notes().toString());
        }
    }

    @Test
    void theSiteOfARealProfileBecomesASiteOnceAndAnUnsetOneNone() throws Exception {
        try (AstroDatabase db = TestDatabases.open(dir.resolve("astrophotography.sqlite"))) {
            ProfileImportOperation.Result r = ProfileImportOperation.run(db, config, profiles, Map.of(), false);

            assertEquals(List.of(new ProfileImportOperation.AddedSite("39.08N 108.67W", "39.0777297", "-108.6651261",
                    "WO-GT81-0.8_ASI2600_AM5")), r.sitesAdded(), "the Quattro profile's 0, 0 is no site");
            List<String> sites = db.read("sites", c -> new LocationRepository(c).all()).stream()
                    .map(s -> s.site().name()).toList();
            assertEquals(List.of("39.08N 108.67W"), sites);
            assertTrue(ProfileImportSummary.lines(r, profiles, false).stream()
                    .anyMatch(l -> l.contains("apdm location edit \"39.08N 108.67W\" --name NAME")));

            ProfileImportOperation.Result again = ProfileImportOperation.run(db, config, profiles, Map.of(), false);
            assertEquals(List.of(), again.sitesAdded(), "a site within locations.match_within_km is not added twice");
        }
    }

    @Test
    void aProfileNearASiteTheUserHasAddsNone() throws Exception {
        try (AstroDatabase db = TestDatabases.open(dir.resolve("astrophotography.sqlite"))) {
            db.inTransaction("site", c -> new LocationRepository(c).insert(
                    new org.apdm.core.location.Site("Home", "39.1", "-108.6", null)));
            assertEquals(List.of(), ProfileImportOperation.run(db, config, profiles, Map.of(), false).sitesAdded());
        }
    }

    @Test
    void aMalformedProfileCanBeImportedUnderARigNameTheUserGives() throws Exception {
        try (AstroDatabase db = TestDatabases.open(dir.resolve("astrophotography.sqlite"))) {
            ProfileImportOperation.Result r = ProfileImportOperation.run(db, config, profiles,
                    Map.of("WO-GT81-0.8_ASI2600_AM5", "GT81@f4.7+ZWO ASI2600MC Duo"), false);
            assertEquals(1, r.imported().size());
            ProfileImportOperation.Imported wo = r.imported().get(0);
            assertEquals("f6e49505-b720-479b-9bc7-5b47f9f21d4d", wo.id());
            assertEquals(List.of("UV/IR Cut", "L-eXtreme", "L-Quad"), wo.filters(), "the real wheel, by position");
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("`apdm filter edit \"UV/IR Cut\" --astrobin-id N`")),
                    "the suggested command runs when pasted: " + r.notes());
            assertEquals(1, r.skipped().size(), "the Quattro profile is still reported");
        }
    }

    @Test
    void reimportKeepsTheUsersOrderAndTakesOverTheRowApdmMade() throws Exception {
        try (AstroDatabase db = TestDatabases.open(dir.resolve("astrophotography.sqlite"))) {
            // the user ordered the rig's filters before any profile was imported
            db.inTransaction("t", c -> {
                new RigFilterRepository(c, config).set("C8E@f10.0+ZWO ASI2600MM Pro", List.of("H", "O", "S", "L", "R", "G", "B"));
                return null;
            });
            profile(profiles.resolve("a.profile"), "8c4179b3-edf2-40d2-8a3a-b13d15cc49d5", "C8E@f10.0+ZWO ASI2600MM Pro",
                    "L", "R", "G", "B", "S", "H", "O");
            ProfileImportOperation.Result r = ProfileImportOperation.run(db, config, profiles, Map.of(), false);
            assertEquals(1, r.imported().size());
            assertEquals("kept your filter order H,O,S,L,R,G,B", r.imported().get(0).note());
            List<ProfileRepository.Profile> rows = db.read("t", c -> new ProfileRepository(c).all());
            assertEquals(1, rows.size(), "the apdm: row became the real profile");
            assertEquals("8c4179b3-edf2-40d2-8a3a-b13d15cc49d5", rows.get(0).id());
            assertEquals(List.of("H", "O", "S", "L", "R", "G", "B"), rows.get(0).filters());
        }
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        profile(profiles.resolve("a.profile"), "8c4179b3-edf2-40d2-8a3a-b13d15cc49d5", "C8E@f10.0+ZWO ASI2600MM Pro", "L");
        try (AstroDatabase db = TestDatabases.open(dir.resolve("astrophotography.sqlite"))) {
            ProfileImportOperation.Result r = ProfileImportOperation.run(db, config, profiles, Map.of(), true);
            assertEquals(1, r.imported().size());
            assertEquals(List.of(), db.read("t", c -> new ProfileRepository(c).all()));
        }
    }
}
