package org.apdm.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture.md, checked on the compiled core. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.apdm.core");

    @Test
    void coreUsesNoUiNoCommandLineAndNoSql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "java.sql..")
                .because("core is shared by the window and the terminal and never owns SQL (ADR 0001)")
                .check(CORE);
    }

    @Test
    void onlyTheFileEngineMovesCopiesOrDeletesFiles() {
        noClasses().that().resideOutsideOfPackage("org.apdm.core.fileops..")
                .should().callMethod(java.nio.file.Files.class, "move", java.nio.file.Path.class, java.nio.file.Path.class,
                        java.nio.file.CopyOption[].class)
                .orShould().callMethod(java.nio.file.Files.class, "copy", java.nio.file.Path.class, java.nio.file.Path.class,
                        java.nio.file.CopyOption[].class)
                .orShould().callMethod(java.nio.file.Files.class, "delete", java.nio.file.Path.class)
                .orShould().callMethod(java.nio.file.Files.class, "deleteIfExists", java.nio.file.Path.class)
                .orShould().callMethod(java.nio.file.Files.class, "createLink", java.nio.file.Path.class, java.nio.file.Path.class)
                .because("every move, copy and delete goes through the journaled engine (ADR 0002)")
                .check(CORE);
    }

    @Test
    void plannersAreFreeOfFileAccessAndClocks() {
        noClasses().that().haveSimpleNameEndingWith("Planner")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .because("planning is pure: inputs in, plan out, clock injected")
                .check(CORE);
    }
}
