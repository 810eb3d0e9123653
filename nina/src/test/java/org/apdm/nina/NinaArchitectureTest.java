package org.apdm.nina;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture.md for nina. */
class NinaArchitectureTest {

    private static final JavaClasses NINA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.apdm.nina");

    @Test
    void planningAndMatchingArePure() {
        noClasses().that().haveSimpleNameEndingWith("Planner").or().haveSimpleNameEndingWith("Matcher")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .because("planning is pure: inputs in, plan out")
                .check(NINA);
    }

    @Test
    void onlyTheBackupCopiesMovesOrDeletesFiles() {
        noClasses().that().doNotHaveSimpleName("SchedulerBackup")
                .should().callMethod(java.nio.file.Files.class, "move", java.nio.file.Path.class, java.nio.file.Path.class,
                        java.nio.file.CopyOption[].class)
                .orShould().callMethod(java.nio.file.Files.class, "copy", java.nio.file.Path.class, java.nio.file.Path.class,
                        java.nio.file.CopyOption[].class)
                .orShould().callMethod(java.nio.file.Files.class, "delete", java.nio.file.Path.class)
                .orShould().callMethod(java.nio.file.Files.class, "deleteIfExists", java.nio.file.Path.class)
                .because("the scheduler database is only ever copied by the backup (ADR 0031)")
                .check(NINA);
    }

    @Test
    void sqlLivesInTheRepositories() {
        noClasses().that().haveNameNotMatching(
                        ".*\\.(AcceptedFramesRepository|TargetSchedulerRepository|SqliteFiles|SchedulerBackup|SampleSchedulerDatabase)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("apdm's database is read in AcceptedFramesRepository only, the plugin's in TargetSchedulerRepository")
                .check(NINA);
    }
}
